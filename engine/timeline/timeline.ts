/**
 * Time travel over a scenario, by checkpoints plus deterministic replay.
 *
 * A timeline is a script (one `cluster` or `preset` line, then commands) and the
 * run it produces. It grows at its head, one command at a time, as the user acts
 * or plays; any earlier moment can be looked at; and it can be cut at an earlier
 * moment and grown from there (a fork).
 *
 * A position counts the events processed since the script began: every message
 * delivery and timer firing, and every command that changes the cluster (each is
 * exactly one event). `cluster`, `preset` and `expect` lines are not events, and
 * `expect` lines are checked against the head but not kept: they change nothing.
 * Nor are a tour's `say` and `pause` lines kept.
 *
 * `seek(p)` gives the state just after event p: the clock at that event's time,
 * before anything else happens (not even a clock advance, so the answer does not
 * depend on how the time between two events was split into `run` lines). The
 * end of the run is the exception: `seek(length)` is the head, clock and all.
 * `seekTime(t)` gives the state at simulated time t: every event due at or before
 * t processed, and a `run` under way advanced to exactly t.
 *
 * The clock can stand between two events (a pause while playing leaves a `run`
 * that ends before the next event), so a moment is a pair: a playhead or a fork
 * at `{ position, time }` stands just after event `position` with the clock at
 * `time`, and reports where it stands as both numbers (`Standing`). Going back
 * to a moment by its two numbers gives back exactly that moment.
 *
 * The head can also run a command until a condition holds after an event
 * (`appendUntil`: playing stops at a violation); the command is then kept as far
 * as it went, the way a fork cuts it, so the script always replays to the head.
 *
 * A checkpoint is taken every `every` events. Node states and messages are
 * immutable, so a checkpoint costs a shallow copy of the cluster, not a deep copy
 * of every log (deep-copying the model at every step makes time travel quadratic).
 * Seeking restores the nearest earlier checkpoint and replays from there.
 *
 * Old checkpoints are thinned (thinning.ts): all are kept near the head, and
 * `density` per doubling of the distance further back, so a long run keeps
 * O(log n) of them, and a seek d events behind the head replays at most about
 * max(every, d / density) events. The script is never thinned: it is the run.
 *
 * Consecutive `run`s merge as they are appended (`run a` then `run b` processes
 * exactly the events `run a+b` does), up to the longest `run` the language
 * accepts, so playing, which appends a short `run` every frame, grows the
 * script by the commands the user gave, not by the frames it was watched in.
 */
import { LIMITS } from '../config.ts';
import type { Command, CommandBody } from '../scenario/ast.ts';
import { applyCommand, evaluate, expectFailure, newSession, type ExpectFailure, type Session } from '../scenario/run.ts';
import { cloneCluster } from '../sim/cluster.ts';
import { ignore, nextDue, processDue, releaseHeldTimers, STABILIZE_LIMIT, type Emit } from '../sim/simulator.ts';
import { CHECKPOINT_DENSITY, leaving } from './thinning.ts';

/** How far into a long command (run, step, stabilize) a cursor stands, so it can resume exactly. */
export type Resume =
  /** A `run` that started at `t0`; it ends at `t0 + ms`. */
  | { readonly kind: 'run'; readonly t0: number }
  | { readonly kind: 'step'; readonly done: number }
  /** Timers are held since `t0` and released when the command ends. */
  | { readonly kind: 'stabilize'; readonly t0: number; readonly done: number }
  /** The command has not started. */
  | null;

interface Cursor {
  session: Session;
  /** Index of the command under way (or next to start when `resume` is null). */
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

/**
 * Where a cursor must stop: before the event numbered `position + 1`, and before
 * any event due after `time`; and, if `stop` is given, right after the first
 * event whose resulting state it accepts (before anything else happens, even a
 * clock advance).
 */
interface Limit {
  readonly position: number;
  readonly time: number;
  readonly stop?: StopWhen;
}

/** A condition checked after every event: true stops the cursor right there. */
export type StopWhen = (s: Session) => boolean;

const NO_LIMIT: Limit = { position: Infinity, time: Infinity };

/**
 * A moment in a run. The clock can stand between two events (a pause while
 * playing, a run that ends before the next event is due), so a moment is a pair:
 * - `{ position }`: just after event `position`, the clock at that event's time;
 * - `{ position, time }`: just after event `position`, the clock moved on to
 *   `time` with no other event due by then (as far as the run lets it: a moment
 *   the run never passes through stands where the run stood instead);
 * - `{ time }`: simulated time `time`, every event due by then processed.
 * The end of the run (position `length` or more, no time) is the head, clock and all.
 */
export type Moment = { readonly position: number; readonly time?: number } | { readonly time: number };

/** Where a cursor or playhead stands: the events processed, and the clock. */
export interface Standing {
  readonly position: number;
  readonly time: number;
}

const nothing = (): void => {};

/** A located command for lines the timeline writes itself (a fork's shortened command). */
const at0 = (body: CommandBody): Command => ({ ...body, line: 0, col: 0 }) as Command;

const copySession = (s: Session): Session => ({ config: s.config, cluster: s.cluster === null ? null : cloneCluster(s.cluster) });

/**
 * Execute commands from the cursor until the limit, or the end of the commands.
 * `afterEvent` sees the cursor after each event, positioned to resume exactly
 * where it stands. `expect` lines are checked and reported to `onFailure`.
 * Returns true if the limit's `stop` condition stopped it.
 */
function advance(
  commands: readonly Command[],
  cur: Cursor,
  limit: Limit,
  emit: Emit,
  afterEvent: (c: Cursor) => void,
  onFailure: (f: ExpectFailure) => void,
): boolean {
  let stopped = false;
  const event = (resume: Resume, finished: boolean): void => {
    cur.position++;
    if (finished) {
      cur.command++;
      cur.resume = null;
    } else cur.resume = resume;
    afterEvent(cur);
    if (limit.stop?.(cur.session) === true) stopped = true;
  };
  /** No further event may happen: the position limit is reached, or the stop condition held. */
  const reached = (): boolean => stopped || cur.position >= limit.position;
  /**
   * Reached by position with a time given too, the clock still moves on toward
   * that time through the rest of a `run`, as long as no event comes first.
   * Reached by position alone, or stopped by the condition, it stays at the
   * event's time (so a position's state does not depend on how the time between
   * two events was split into `run` lines).
   */
  const clockMoves = (): boolean => !stopped && limit.time !== Infinity;
  /** May the event due at `at` happen within the limit? */
  const allowed = (at: number): boolean => !reached() && at <= limit.time;
  while (cur.command < commands.length) {
    const cmd = commands[cur.command];
    // The setup before the first event belongs to position 0.
    const setup = cur.position === 0 && (cmd.kind === 'cluster' || cmd.kind === 'preset');
    if (reached() && !setup && !(cmd.kind === 'run' && clockMoves())) return stopped;
    const s = cur.session.cluster;
    if (cmd.kind === 'cluster' || cmd.kind === 'preset') {
      applyCommand(cur.session, cmd, emit);
    } else if (cmd.kind === 'expect') {
      const r = evaluate(s!, cmd.check);
      if (r.expected !== r.actual) onFailure(expectFailure(cmd, r));
    } else if (cmd.kind === 'run') {
      const t0 = cur.resume?.kind === 'run' ? cur.resume.t0 : s!.time;
      const end = t0 + cmd.ms;
      const resume = { kind: 'run', t0 } as const;
      for (;;) {
        const due = nextDue(s!);
        if (due === null || due.at > end) break;
        if (!allowed(due.at)) {
          // Stopped by time, the clock still moves up to the limit: nothing is due before then.
          if (due.at > limit.time && !stopped) s!.time = Math.max(s!.time, limit.time);
          cur.resume = resume;
          return stopped;
        }
        processDue(s!, due, emit);
        event(resume, false);
      }
      if (reached() && !clockMoves()) {
        cur.resume = resume;
        return stopped;
      }
      if (end > limit.time) {
        s!.time = Math.max(s!.time, limit.time);
        cur.resume = resume;
        return stopped;
      }
      s!.time = end;
    } else if (cmd.kind === 'step') {
      let done = cur.resume?.kind === 'step' ? cur.resume.done : 0;
      for (let due = nextDue(s!); done < cmd.count && due !== null; due = nextDue(s!)) {
        if (!allowed(due.at)) {
          cur.resume = { kind: 'step', done };
          return stopped;
        }
        processDue(s!, due, emit);
        done++;
        event({ kind: 'step', done }, false);
      }
    } else if (cmd.kind === 'stabilize') {
      const t0 = cur.resume?.kind === 'stabilize' ? cur.resume.t0 : s!.time;
      let done = cur.resume?.kind === 'stabilize' ? cur.resume.done : 0;
      const most = Math.min(cmd.limit ?? STABILIZE_LIMIT, STABILIZE_LIMIT);
      for (let due = nextDue(s!, true); done < most && due !== null; due = nextDue(s!, true)) {
        if (!allowed(due.at)) {
          cur.resume = { kind: 'stabilize', t0, done };
          return stopped;
        }
        processDue(s!, due, emit);
        done++;
        event({ kind: 'stabilize', t0, done }, false);
      }
      if (reached()) {
        cur.resume = { kind: 'stabilize', t0, done };
        return stopped;
      }
      releaseHeldTimers(s!, t0);
    } else {
      // Every other command is exactly one event, at the current time.
      if (!allowed(s!.time)) {
        cur.resume = null;
        return stopped;
      }
      applyCommand(cur.session, cmd, emit);
      event(null, true);
      continue;
    }
    cur.command++;
    cur.resume = null;
  }
  return stopped;
}

/** The commands that take a cluster from the start of `cmd` to where `cur` stands inside it. */
function shortened(cmd: Command, cur: Cursor, eventsDone: number): CommandBody[] {
  const r = cur.resume;
  const s = cur.session.cluster!;
  if (r === null) return [];
  switch (r.kind) {
    case 'run': {
      const ms = s.time - r.t0;
      const due = nextDue(s);
      // A shorter `run` does it, unless the next event is due at this very instant (it would run too).
      if (ms >= 1 && (due === null || due.at > s.time)) return [{ kind: 'run', ms }];
      return stepsOf(eventsDone);
    }
    case 'step':
      return stepsOf(r.done);
    case 'stabilize':
      return r.done > 0 ? [{ kind: 'stabilize', limit: r.done }] : [];
    default:
      throw new Error(`no resume for ${cmd.kind}`);
  }
}

/** `step n`, in pieces the language accepts. */
function stepsOf(n: number): CommandBody[] {
  const out: CommandBody[] = [];
  for (let left = n; left > 0; left -= LIMITS.maxStep) out.push({ kind: 'step', count: Math.min(left, LIMITS.maxStep) });
  return out;
}

export class Timeline {
  /** The script so far, without `expect`, `say` and `pause` lines. */
  readonly commands: Command[];
  /** Sorted by position; the first is position 0, before the script's first line. */
  readonly checkpoints: Checkpoint[];
  /** The position at which each command started. */
  private readonly starts: number[];
  /** The live end of the run. */
  private readonly head: Cursor;

  /**
   * `every`: events between two checkpoints near the head. `density`:
   * checkpoints kept per doubling of the distance from the head (Infinity keeps
   * them all).
   */
  constructor(
    readonly every = 256,
    init?: { commands: Command[]; checkpoints: Checkpoint[]; starts: number[]; head: Cursor },
    readonly density = CHECKPOINT_DENSITY,
  ) {
    this.commands = init?.commands ?? [];
    this.checkpoints = init?.checkpoints ?? [{ position: 0, command: 0, resume: null, session: newSession() }];
    this.starts = init?.starts ?? [];
    this.head = init?.head ?? { session: newSession(), command: 0, resume: null, position: 0 };
  }

  /** Events in the whole run: the head's position. */
  get length(): number {
    return this.head.position;
  }

  /** The session at the head. It is the timeline's own: change it only through `append`. */
  get session(): Session {
    return this.head.session;
  }

  /**
   * Run one command at the head and keep it. An `expect` is checked and not kept:
   * it returns its failure, if it fails, and changes nothing either way.
   * Precondition: the command was parsed against the head's cluster.
   */
  append(cmd: Command, emit: Emit = ignore): ExpectFailure | null {
    if (cmd.kind === 'expect') {
      const r = evaluate(this.head.session.cluster!, cmd.check);
      return r.expected === r.actual ? null : expectFailure(cmd, r);
    }
    this.appendUntil(cmd, undefined, emit);
    return null;
  }

  /**
   * Run one command at the head, stopping right after the first event whose
   * state `stop` (if given) accepts. The command is then kept as far as it went: a `run`
   * becomes a shorter `run` (or `step n`), a `step` or `stabilize` fewer, exactly
   * as a fork there would cut it, so the script still replays to the head.
   * Returns true if it stopped. `expect` lines are not kept; use `append`.
   */
  appendUntil(cmd: Command, stop: StopWhen | undefined, emit: Emit = ignore): boolean {
    // A tour's captions and stops change nothing, so the run does not keep them.
    if (cmd.kind === 'expect' || cmd.kind === 'say' || cmd.kind === 'pause') return false;
    if (!this.mergeRun(cmd)) {
      this.starts.push(this.head.position);
      this.commands.push(cmd);
    }
    const stopped = advance(this.commands, this.head, { ...NO_LIMIT, stop }, emit, (c) => this.checkpointIfDue(c), nothing);
    if (stopped && this.head.resume !== null) {
      const cut = this.cut(this.head);
      if (this.head.resume.kind === 'stabilize') releaseHeldTimers(this.head.session.cluster!, this.head.resume.t0);
      this.commands.splice(0, this.commands.length, ...cut.commands);
      this.starts.splice(0, this.starts.length, ...cut.starts);
      this.checkpoints.splice(0, this.checkpoints.length, ...cut.checkpoints);
      this.head.command = this.commands.length;
      this.head.resume = null;
    }
    return stopped;
  }

  /** Where the head stands: the run's length, and its clock. */
  get end(): Standing {
    return { position: this.head.position, time: this.head.session.cluster?.time ?? 0 };
  }

  /**
   * A `run` after a finished `run` at the head becomes part of it: the last
   * command is replaced by the longer `run` (the same source position), and the
   * head resumes inside it, at the time it started. Its checkpoints stay valid:
   * they resume a `run` that started at that same time and ends no sooner.
   * Not past the longest `run` the language accepts, so the script still parses.
   */
  private mergeRun(cmd: Command): boolean {
    const n = this.commands.length;
    const last = this.commands[n - 1] as Command | undefined;
    const s = this.head.session.cluster;
    if (cmd.kind !== 'run' || last?.kind !== 'run' || s === null) return false;
    if (this.head.command !== n || this.head.resume !== null || last.ms + cmd.ms > LIMITS.maxRunMs) return false;
    // A finished `run` left the clock at its end: it started `last.ms` before.
    this.commands[n - 1] = { ...last, ms: last.ms + cmd.ms };
    this.head.command = n - 1;
    this.head.resume = { kind: 'run', t0: s.time - last.ms };
    return true;
  }

  private checkpointIfDue(c: Cursor): void {
    if (c.position % this.every !== 0) return;
    this.checkpoints.push({ position: c.position, command: c.command, resume: c.resume, session: copySession(c.session) });
    for (const index of leaving(c.position / this.every, this.density)) this.dropCheckpoint(index * this.every);
  }

  /** Forget the checkpoint at `position`, if there is one (a fork may have dropped it already). */
  private dropCheckpoint(position: number): void {
    const cps = this.checkpoints;
    let lo = 0;
    let hi = cps.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cps[mid].position < position) lo = mid + 1;
      else hi = mid;
    }
    if (cps[lo]?.position === position && position > 0) cps.splice(lo, 1);
  }

  /** The latest checkpoint that `keep` accepts; the first one always qualifies. */
  private checkpointBefore(keep: (c: Checkpoint) => boolean): Checkpoint {
    let lo = 0;
    let hi = this.checkpoints.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (keep(this.checkpoints[mid])) lo = mid;
      else hi = mid - 1;
    }
    return this.checkpoints[lo];
  }

  private cursorAt(limit: Limit, emit: Emit): Cursor {
    const cp = this.checkpointBefore((c) => c.position <= limit.position && (c.session.cluster?.time ?? 0) <= limit.time);
    const cur: Cursor = { session: copySession(cp.session), command: cp.command, resume: cp.resume, position: cp.position };
    advance(this.commands, cur, limit, emit, nothing, nothing);
    return cur;
  }

  /** The end of the run is the head itself, with every clock advance after the last event. */
  private limitOf(at: Moment): Limit {
    if (!('position' in at)) return { position: Infinity, time: at.time };
    const p = Math.max(0, Math.floor(at.position));
    return { position: p >= this.length ? Infinity : p, time: at.time ?? Infinity };
  }

  /**
   * The session after event `position` (clamped to the run), as a new,
   * independent copy. `emit` receives the records of the replayed events only.
   */
  seek(position: number, emit: Emit = ignore): Session {
    return this.cursorAt(this.limitOf({ position }), emit).session;
  }

  /** The session at simulated time `time` (at most the head's), as a new, independent copy. */
  seekTime(time: number, emit: Emit = ignore): Session {
    return this.cursorAt(this.limitOf({ time }), emit).session;
  }

  /**
   * A playhead at `at`, to watch the run from there. `emit` receives the records
   * of the events after position `recordsFrom` (so a view can list what led up
   * to the moment), and of every event the playhead later moves over.
   */
  playhead(at: Moment, emit: Emit = ignore, recordsFrom = Infinity): Playhead {
    const limit = this.limitOf(at);
    const cur = this.cursorAt({ position: Math.min(recordsFrom, limit.position), time: limit.time }, ignore);
    advance(this.commands, cur, limit, emit, nothing, nothing);
    return new Playhead(this.commands, cur, (m) => this.limitOf(m), limit);
  }

  /**
   * A new timeline that ends where `seek(position)` (or, with `time`,
   * `seekTime(time)`) stands, and can grow from there. Its script is this one's,
   * cut at that moment: a command under way there is shortened to what had
   * happened of it (a `run` to a shorter `run`, or to `step n` when another
   * event is due at that same instant; a `stabilize` to `stabilize n`). Run on
   * its own, that script reaches exactly the new head.
   *
   * The differences from the state seek shows: cut inside a `stabilize`, the
   * held timers are released, as the shortened `stabilize n` would; and at a
   * moment between two events of a `step` or `stabilize` (as a playhead shows
   * it), a `run` brings the clock there.
   *
   * This timeline is left as it was, and the two share checkpoints (they are
   * never changed once taken).
   */
  fork(at: Moment): Timeline {
    const limit = this.limitOf(at);
    const cur = this.cursorAt(limit, ignore);
    // In the middle of a `step` or `stabilize`, the moment shown may be later than its last event (see `Playhead`).
    const idle = shownTime(this.commands, cur, limit, false) - (cur.session.cluster?.time ?? 0);
    const { commands, starts, checkpoints } = this.cut(cur);
    if (cur.resume?.kind === 'stabilize') releaseHeldTimers(cur.session.cluster!, cur.resume.t0);
    const head: Cursor = { session: cur.session, command: commands.length, resume: null, position: cur.position };
    const forked = new Timeline(this.every, { commands, starts, checkpoints, head }, this.density);
    // The clock gets there as the script says it: a `run` (nothing is due before then, but after a cut
    // `stabilize` its released timers may be, and the run then processes them, as a replay of the script would).
    if (idle >= 1) forked.append(at0({ kind: 'run', ms: idle }));
    return forked;
  }

  /** The script, starts and checkpoints of this run cut where `cur` stands (see `fork`); new arrays, this timeline untouched. */
  private cut(cur: Cursor): { commands: Command[]; starts: number[]; checkpoints: Checkpoint[] } {
    const c = cur.command;
    const commands = this.commands.slice(0, c);
    const starts = this.starts.slice(0, c);
    if (c < this.commands.length) {
      const start = this.starts[c];
      let p = start;
      for (const body of shortened(this.commands[c], cur, cur.position - start)) {
        commands.push(at0(body));
        starts.push(p);
        p += body.kind === 'step' ? body.count : body.kind === 'stabilize' ? (body.limit ?? 0) : cur.position - p;
      }
    }
    const replaced = commands[c];
    const checkpoints = this.checkpoints
      .filter((cp) => cp.position <= cur.position)
      .flatMap((cp) => {
        // A checkpoint inside the command that was cut resumes the shortened one.
        if (cp.command !== c || cp.resume === null) return [cp];
        const done = cp.position - this.starts[c];
        if (replaced?.kind === 'step') return done < replaced.count ? [{ ...cp, resume: { kind: 'step', done } as const }] : [];
        return [cp];
      });
    return { commands, starts, checkpoints };
  }
}

/**
 * A moving view of a timeline's past: it replays forward from where it stands,
 * so watching the recorded run costs one event per event, not a seek per frame.
 * It holds its own copy of the state; the timeline is never changed through it.
 */
export class Playhead {
  /** The clock as shown: the state's, or later in the middle of a `step` or `stabilize` (see `shownTime`). */
  private shown: number;

  constructor(
    private readonly commands: readonly Command[],
    private readonly cur: Cursor,
    private readonly limitOf: (m: Moment) => Limit,
    reached: Limit,
  ) {
    this.shown = shownTime(commands, cur, reached, false);
  }

  get session(): Session {
    return this.cur.session;
  }

  get position(): number {
    return this.cur.position;
  }

  /** The moment it stands at: the events processed, and the clock as shown. */
  get standing(): Standing {
    return { position: this.cur.position, time: this.shown };
  }

  /**
   * Replay forward to `to`, or (with `stop`) to the first event whose state it
   * accepts, whichever comes first; a moment behind the playhead leaves it where
   * it is. Returns true if `stop` stopped it.
   */
  advance(to: Moment, emit: Emit = ignore, stop?: StopWhen): boolean {
    const limit = { ...this.limitOf(to), stop };
    const stopped = advance(this.commands, this.cur, limit, emit, nothing, nothing);
    this.shown = Math.max(this.shown, shownTime(this.commands, this.cur, limit, stopped));
    return stopped;
  }
}

/**
 * The time until which nothing happens from where `cur` stands: in a `step` or
 * `stabilize` (under way, or next), the time its next event is due. A `run`
 * moves the clock itself, other commands happen at once, and the end of the
 * script is the head, whose clock is final: there, the cursor's own clock.
 */
function idleUntil(commands: readonly Command[], cur: Cursor): number {
  const s = cur.session.cluster;
  if (s === null) return 0;
  const cmd = commands[cur.command] as Command | undefined;
  if (cmd?.kind !== 'step' && cmd?.kind !== 'stabilize') return s.time;
  const due = nextDue(s, cmd.kind === 'stabilize');
  return due === null ? s.time : due.at;
}

/**
 * The clock to show once a cursor stopped at `limit`. A `step` or `stabilize`
 * takes its next event whenever it is due, so in the recorded run the clock
 * jumps there; watched in real time, it runs up to the limit meanwhile, as
 * nothing happens before that event. Stopped at an event (by position, or by a
 * stop condition), it is the event's own time.
 */
function shownTime(commands: readonly Command[], cur: Cursor, limit: Limit, stopped: boolean): number {
  const clock = cur.session.cluster?.time ?? 0;
  if (stopped || limit.time === Infinity) return clock;
  return limit.time < idleUntil(commands, cur) ? Math.max(clock, limit.time) : clock;
}

/** Run a whole script once, keeping a checkpoint every `every` events near the head, thinned by `density` further back. */
export function buildTimeline(
  commands: readonly Command[],
  every = 256,
  emit: Emit = ignore,
  density = CHECKPOINT_DENSITY,
): Timeline & { readonly failure: ExpectFailure | null } {
  const t = new Timeline(every, undefined, density);
  let failure: ExpectFailure | null = null;
  for (const cmd of commands) {
    const f = t.append(cmd, emit);
    failure ??= f;
  }
  return Object.assign(t, { failure });
}

/** `t.seek(position)`, as a function. */
export const seek = (t: Timeline, position: number, emit: Emit = ignore): Session => t.seek(position, emit);
