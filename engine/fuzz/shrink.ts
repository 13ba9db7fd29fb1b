/**
 * Delta debugging for a failing schedule: make it smaller while it still fails
 * the same way (the same invariant, or the same liveness condition; see
 * `failureKind`). Smaller scripts are easier to read and to step through.
 *
 * Moves, repeated while any of them helps:
 *   1. merge adjacent `run`s into one (`run a` then `run b` replays exactly as
 *      `run a+b`: both process every event due by the end, in order);
 *   2. remove chunks of commands, halving the chunk size down to single commands
 *      (Zeller's ddmin, complements only);
 *   3. shorten each `run`, each `step` count and each `workload`'s operations by
 *      halving (down to 1);
 *   4. every candidate that still fails is cut after the command where the failure
 *      showed, since nothing after it matters.
 * The `cluster` line is never touched, so every candidate stays valid: removing
 * commands or shortening durations cannot name a node the cluster lacks.
 *
 * Every candidate is a full deterministic rerun (schedule, then liveness phase).
 * The work is bounded by a number of reruns, not by wall time, so shrinking is
 * itself deterministic. A change is kept only if it keeps the failure, and no move
 * adds a command or lengthens one, so the result is never longer than the input.
 */
import { LIMITS } from '../config.ts';
import type { Command } from '../scenario/ast.ts';
import { type CaseResult, type Failure, failureKind, runCase } from './check.ts';

/** Reruns allowed by default: a few seconds at most for the fuzzer's schedules. */
export const SHRINK_BUDGET = 2000;

export interface ShrinkResult {
  /** The smallest failing schedule found, `cluster` line first. */
  readonly commands: readonly Command[];
  /** Its run: the failure it still shows, its liveness tail, its final time and event. */
  readonly result: CaseResult;
  /** Reruns spent. */
  readonly attempts: number;
  /** True if the budget ran out before no move helped any more. */
  readonly exhausted: boolean;
}

export function shrink(commands: readonly Command[], failure: Failure, budget = SHRINK_BUDGET): ShrinkResult {
  const kind = failureKind(failure);
  const header = commands[0];
  let body = commands.slice(1);
  let attempts = 0;
  let best = null as CaseResult | null;

  /** Rerun a candidate body; on the same failure, adopt it (cut after the failure) and return true. */
  const tryBody = (cand: readonly Command[]): boolean => {
    if (attempts >= budget) return false;
    attempts++;
    const r = runCase([header, ...cand]);
    if (r.failure === null || failureKind(r.failure) !== kind) return false;
    best = r;
    body = r.schedule.slice(1);
    return true;
  };

  // The input itself, cut after its failure (and the result to fall back on).
  tryBody(body);
  if (best === null) throw new Error('shrink: the schedule does not fail as described');

  for (let progress = true; progress && attempts < budget; ) {
    progress = false;
    // 1. Merge adjacent runs (one rerun to confirm, though it cannot change anything).
    const merged = mergeRuns(body);
    if (merged.length < body.length && tryBody(merged)) progress = true;
    // 2. Remove chunks, from halves down to single commands.
    for (let size = Math.max(1, body.length >> 1); ; size = size >> 1) {
      for (let start = 0; start < body.length && attempts < budget; ) {
        if (tryBody([...body.slice(0, start), ...body.slice(start + size)])) progress = true;
        else start += size;
      }
      if (size <= 1) break;
    }
    // 3. Shorten runs, steps and workloads.
    for (let i = 0; i < body.length && attempts < budget; i++) {
      while (i < body.length) {
        const c = body[i];
        let shorter: Command | null = null;
        if (c.kind === 'run' && c.ms > 1) shorter = { ...c, ms: c.ms >> 1 };
        else if (c.kind === 'step' && c.count > 1) shorter = { ...c, count: c.count >> 1 };
        else if (c.kind === 'workload' && c.ops > 1) shorter = { ...c, ops: c.ops >> 1 };
        if (shorter === null) break;
        if (!tryBody([...body.slice(0, i), shorter, ...body.slice(i + 1)])) break;
        progress = true;
      }
    }
  }
  return { commands: [header, ...body], result: best!, attempts, exhausted: attempts >= budget };
}

/** Adjacent `run` commands as one (as long as the parser accepts its duration). */
function mergeRuns(body: readonly Command[]): Command[] {
  const out: Command[] = [];
  for (const c of body) {
    const last = out[out.length - 1];
    if (c.kind === 'run' && last?.kind === 'run' && last.ms + c.ms <= LIMITS.maxRunMs) out[out.length - 1] = { ...last, ms: last.ms + c.ms };
    else out.push(c);
  }
  return out;
}
