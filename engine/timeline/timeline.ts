/**
 * Time travel over a scenario, by checkpoints plus deterministic replay.
 *
 * A position counts the events processed since the script began: every message
 * delivery and timer firing, and every command that changes the cluster (each is
 * exactly one event). `cluster`, `preset` and `expect` lines are not events.
 * `seek(t, p)` gives the state between event p and event p + 1: after event p and
 * after any clock advance that follows it, before anything else happens.
 *
 * A checkpoint is taken every `every` events. Node states and messages are
 * immutable, so a checkpoint costs a shallow copy of the cluster, not a deep copy
 * of every log (deep-copying the model at every step makes time travel quadratic).
 * Seeking restores the nearest earlier checkpoint and replays at most `every`
 * events from there.
 */
import type { Command } from '../scenario/ast.ts';
import { applyCommand, evaluate, newSession, type ExpectFailure, type Session } from '../scenario/run.ts';
import { formatCommand } from '../scenario/format.ts';
import { cloneCluster } from '../sim/cluster.ts';
import { ignore, nextDue, processNext, releaseHeldTimers, STABILIZE_LIMIT, type Emit } from '../sim/simulator.ts';

/** Where a long command (run, step, stabilize) was interrupted, so it can resume exactly. */
export type Resume =
  | { readonly kind: 'run'; readonly end: number }
  | { readonly kind: 'step'; readonly left: number }
  | { readonly kind: 'stabilize'; readonly t0: number; readonly done: number }
  | null;

interface Cursor {
  session: Session;
  /** Index of the command being executed (or next to execute when `resume` is null). */
  command: number;
  resume: Resume;
  position: number;
}

interface Checkpoint {
  readonly position: number;
  readonly command: number;
  readonly resume: Resume;
  readonly session: Session;
}

export interface Timeline {
  readonly commands: readonly Command[];
  /** Sorted by position; the first is position 0. */
  readonly checkpoints: readonly Checkpoint[];
  /** Position at the end of the script. */
  readonly length: number;
  readonly every: number;
  /** The first `expect` that failed, if any; the timeline still covers the whole script. */
  readonly failure: ExpectFailure | null;
}

const copySession = (s: Session): Session => ({ config: s.config, cluster: s.cluster === null ? null : cloneCluster(s.cluster) });

/**
 * Execute commands from the cursor until `stopAt` events have been processed and
 * the next step would be another event, or the script ends. `afterEvent` sees the
 * cursor after each event, positioned to resume exactly where it stands.
 */
function advance(
  commands: readonly Command[],
  cur: Cursor,
  stopAt: number,
  emit: Emit,
  afterEvent: (c: Cursor) => void,
  onFailure: (f: ExpectFailure) => void,
): void {
  const event = (resume: Resume, finished: boolean): void => {
    cur.position++;
    if (finished) {
      cur.command++;
      cur.resume = null;
    } else cur.resume = resume;
    afterEvent(cur);
  };
  while (cur.command < commands.length) {
    const cmd = commands[cur.command];
    const s = cur.session.cluster;
    if (cmd.kind === 'cluster' || cmd.kind === 'preset') {
      applyCommand(cur.session, cmd, emit);
    } else if (cmd.kind === 'expect') {
      const r = evaluate(s!, cmd.check);
      if (r.expected !== r.actual) onFailure({ line: cmd.line, col: cmd.col, command: formatCommand(cmd), ...r });
    } else if (cmd.kind === 'run') {
      const end = cur.resume?.kind === 'run' ? cur.resume.end : s!.time + cmd.ms;
      for (;;) {
        const due = nextDue(s!);
        if (due === null || due.at > end) break;
        if (cur.position >= stopAt) return void (cur.resume = { kind: 'run', end });
        processNext(s!, emit);
        event({ kind: 'run', end }, false);
      }
      s!.time = end;
    } else if (cmd.kind === 'step') {
      let left = cur.resume?.kind === 'step' ? cur.resume.left : cmd.count;
      while (left > 0 && nextDue(s!) !== null) {
        if (cur.position >= stopAt) return void (cur.resume = { kind: 'step', left });
        processNext(s!, emit);
        left--;
        event({ kind: 'step', left }, false);
      }
    } else if (cmd.kind === 'stabilize') {
      const held = cur.resume?.kind === 'stabilize' ? cur.resume : { kind: 'stabilize' as const, t0: s!.time, done: 0 };
      let done = held.done;
      while (done < STABILIZE_LIMIT && nextDue(s!, true) !== null) {
        if (cur.position >= stopAt) return void (cur.resume = { kind: 'stabilize', t0: held.t0, done });
        processNext(s!, emit, true);
        done++;
        event({ kind: 'stabilize', t0: held.t0, done }, false);
      }
      releaseHeldTimers(s!, held.t0);
    } else {
      // Every other command is exactly one event.
      if (cur.position >= stopAt) return void (cur.resume = null);
      applyCommand(cur.session, cmd, emit);
      event(null, true);
      continue;
    }
    cur.command++;
    cur.resume = null;
  }
}

/** Run a whole script once, keeping a checkpoint every `every` events. */
export function buildTimeline(commands: readonly Command[], every = 256, emit: Emit = ignore): Timeline {
  const cur: Cursor = { session: newSession(), command: 0, resume: null, position: 0 };
  const checkpoints: Checkpoint[] = [{ position: 0, command: 0, resume: null, session: newSession() }];
  let failure: ExpectFailure | null = null;
  advance(
    commands,
    cur,
    Infinity,
    emit,
    (c) => {
      if (c.position % every === 0) {
        checkpoints.push({ position: c.position, command: c.command, resume: c.resume, session: copySession(c.session) });
      }
    },
    (f) => (failure ??= f),
  );
  return { commands, checkpoints, length: cur.position, every, failure };
}

/**
 * The session as it stands at `position` (clamped to the script), as a new,
 * independent copy. `emit` receives the records of the replayed events only.
 */
export function seek(t: Timeline, position: number, emit: Emit = ignore): Session {
  const p = Math.max(0, Math.min(t.length, Math.floor(position)));
  let lo = 0;
  let hi = t.checkpoints.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t.checkpoints[mid].position <= p) lo = mid;
    else hi = mid - 1;
  }
  const cp = t.checkpoints[lo];
  const cur: Cursor = { session: copySession(cp.session), command: cp.command, resume: cp.resume, position: cp.position };
  advance(t.commands, cur, p, emit, () => {}, () => {});
  return cur.session;
}
