/**
 * The fuzzer's main loop, without any I/O: for each seed, draw a schedule and run
 * it until the cluster has processed about `events` events (or a violation shows),
 * then check liveness, then the linearizability of the clients' history. Stops
 * at the first failing seed.
 */
import type { Command } from '../scenario/ast.ts';
import { formatCommand } from '../scenario/format.ts';
import { CaseRun, type CaseResult, type Failure, failureKind, describeFailure, type LinearizabilityVerdict } from './check.ts';
import { DEFAULT_SCHEDULE_OPTIONS, located, scheduleStream, type ScheduleOptions } from './schedule.ts';

export const DEFAULT_EVENTS = 2000;

export interface FuzzOptions {
  /** Events to run each schedule for, about (a command may run past it). */
  readonly events: number;
  readonly schedule: ScheduleOptions;
}

export const DEFAULT_FUZZ_OPTIONS: FuzzOptions = { events: DEFAULT_EVENTS, schedule: DEFAULT_SCHEDULE_OPTIONS };

/** Run one seed's schedule, then the liveness phase and the linearizability check. */
export function fuzzSeed(seed: number, opts: FuzzOptions = DEFAULT_FUZZ_OPTIONS): CaseResult {
  const stream = scheduleStream(seed, opts.schedule);
  const c = new CaseRun();
  let line = 1;
  if (c.step(located(stream.header, line++))) {
    while (c.cluster.event < opts.events && c.step(located(stream.next(), line++)));
  }
  c.liveness();
  c.checkHistory();
  return c.result();
}

/**
 * What one seed came to, small enough to send between threads: the CLI's
 * per-seed line, and what a worker thread reports (cli/fuzzPool.ts). The same
 * seed gives the same outcome in any thread.
 */
export interface SeedOutcome {
  readonly seed: number;
  readonly events: number;
  readonly commands: number;
  readonly time: number;
  readonly operations: number;
  readonly linearizability: LinearizabilityVerdict;
  /** `failureKind` of the failure, or null when the seed is clean. */
  readonly failure: string | null;
  readonly detail: string | null;
}

export const seedOutcome = (seed: number, r: CaseResult): SeedOutcome => ({
  seed,
  events: r.events,
  commands: r.schedule.length + r.tail.length,
  time: r.time,
  operations: r.operations,
  linearizability: r.linearizability,
  failure: r.failure === null ? null : failureKind(r.failure),
  detail: r.failure === null ? null : describeFailure(r.failure),
});

export interface FuzzSummary {
  /** Seeds run, the failing one included. */
  readonly seeds: number;
  /** Events processed (and checked) over all seeds. */
  readonly events: number;
  /** Commands over all seeds' schedules and tails. */
  readonly commands: number;
  /** Client operations over all seeds, and the seeds whose history the checker could not decide (not failures). */
  readonly operations: number;
  readonly unknown: number;
  readonly firstFailure: { readonly seed: number; readonly result: CaseResult } | null;
}

/** Seeds `from`, `from + 1`, ... `from + count - 1`, stopping at the first failure. */
export function fuzzSeeds(from: number, count: number, opts: FuzzOptions = DEFAULT_FUZZ_OPTIONS): FuzzSummary {
  let events = 0;
  let commands = 0;
  let operations = 0;
  let unknown = 0;
  for (let i = 0; i < count; i++) {
    const seed = from + i;
    const r = fuzzSeed(seed, opts);
    events += r.events;
    commands += r.schedule.length + r.tail.length;
    operations += r.operations;
    if (r.linearizability === 'unknown') unknown++;
    if (r.failure !== null) return { seeds: i + 1, events, commands, operations, unknown, firstFailure: { seed, result: r } };
  }
  return { seeds: count, events, commands, operations, unknown, firstFailure: null };
}

/**
 * A failing case as a scenario that replays it: comments naming the seed and the
 * failure, the schedule, the liveness tail, and for a safety failure a final
 * `expect safe` (for a history without linearization, `expect linearizable`), so
 * `npm run scenario` exits 1 on it and the page marks the line.
 */
export function reproScript(seed: number, schedule: readonly Command[], tail: readonly Command[], failure: Failure): string {
  const lines = [
    `# raftviz fuzz, seed ${seed}: ${failureKind(failure)}`,
    `# ${describeFailure(failure)}`,
    ...schedule.map(formatCommand),
  ];
  if (tail.length > 0) lines.push('# the faults stop: liveness check', ...tail.map(formatCommand));
  if (failure.kind === 'linearizability') {
    lines.splice(2, 0, `# operations on ${failure.key} that cannot be ordered:`, ...failure.ops.map((o) => `#   ${o}`));
    lines.push('expect linearizable');
  }
  if (failure.kind === 'invariant') lines.push('expect safe');
  return lines.join('\n') + '\n';
}
