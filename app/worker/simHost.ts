/**
 * The simulation as the worker hosts it: it takes protocol messages and returns
 * the replies; worker.ts only moves them across the boundary, so this class
 * runs unchanged in Vitest. What it routes to:
 * - runHistory.ts: the run's timeline (the one source of the script), undo, redo;
 * - viewer.ts: the moment shown (seeking, stepping, playing the recorded run);
 * - liveFeed.ts: the events list and role history of the live end;
 * - stopConditions.ts: when a tick must stop short;
 * - snapshotPublisher.ts: what the page is sent.
 *
 * Every change goes through the scenario language: a line is parsed against the
 * cluster in force and appended to the timeline, which applies it exactly as the
 * command-line runner does. Looking at the past changes nothing. Acting there
 * forks: the timeline is cut at the moment shown (see `Timeline.fork`) and the
 * action applies there; the old run goes on the undo stack, whole.
 *
 * A whole script (`load`) runs in slices (loadJob.ts): `handle` runs the
 * first, and while `loading`, worker.ts calls `work` for the next ones between
 * its messages. Messages that arrive meanwhile wait, in order, until the load
 * is done, except `cancel-load`, which gives it up at once.
 */
import { isAnnotation, type Command } from '../../engine/scenario/ast.ts';
import { formatDuration } from '../../engine/scenario/format.ts';
import { initialContext, parseScript } from '../../engine/scenario/parse.ts';
import { evaluate, expectFailure, type ExpectFailure } from '../../engine/scenario/run.ts';
import type { Standing } from '../../engine/timeline/timeline.ts';
import type { ClusterState } from '../../engine/sim/cluster.ts';
import { exportRun } from '../../engine/export/exportRun.ts';
import { assertNever, type Cursor, type ExportFormat, type FromWorker, type SnapshotCause, type StopWhen, type ToWorker } from './protocol.ts';
import { RunHistory, type HistoryMark, type SavedRun } from './runHistory.ts';
import { LoadJob, SLICE_EVENTS } from './loadJob.ts';
import { Viewer } from './viewer.ts';
import { LiveFeed } from './liveFeed.ts';
import { StopCheck } from './stopConditions.ts';
import { SnapshotPublisher } from './snapshotPublisher.ts';
import type { RoleHistory } from './roleHistory.ts';

/** What a run on the undo stack keeps besides its timeline: its role history, and the moment that was shown (null: its live end). */
interface Kept {
  readonly roles: RoleHistory;
  readonly at: Standing | null;
}

type SetupCommand = Extract<Command, { kind: 'cluster' | 'preset' }>;

/** What a load given up goes back to: the run history as it was, and what the host kept with the run on screen. */
interface BeforeLoad {
  readonly history: HistoryMark<Kept>;
  readonly kept: Kept;
}

export class SimHost {
  private readonly runs = new RunHistory<Kept>();
  private readonly publisher = new SnapshotPublisher();
  private readonly viewer = new Viewer(() => this.publisher.resetEvents());
  private readonly feed = new LiveFeed(() => this.runs.timeline?.session.cluster ?? null);
  /** The load under way, if any. */
  private job: LoadJob<BeforeLoad> | null = null;
  /** Messages that arrived while it runs, answered in order once it is done. */
  private readonly waiting: ToWorker[] = [];

  /** `sliceEvents`: how many events a slice of a load runs (smaller in tests, to see slices on short scripts). */
  constructor(private readonly sliceEvents = SLICE_EVENTS) {}

  /** A load is under way: call `work` for its next slice. */
  get loading(): boolean {
    return this.job !== null;
  }

  handle(msg: ToWorker): FromWorker[] {
    if (msg.kind === 'cancel-load') return this.cancelLoads();
    if (this.job !== null) {
      this.waiting.push(msg);
      return [];
    }
    const t = this.runs.timeline;
    switch (msg.kind) {
      case 'command':
        this.viewer.forgetTrail();
        return this.act(msg.text, 'command');
      case 'load':
        return this.load(msg.text, msg.cursor, msg.afterLine);
      case 'tick':
        return this.tick(msg.ms, msg.stop);
      case 'snapshot':
        this.publisher.resetAll();
        return this.snapshot('request');
      case 'seek':
        if (t !== null) this.viewer.seek(t, msg.time === undefined ? { position: msg.position } : { position: msg.position, time: msg.time });
        return this.snapshot('seek');
      case 'step-back':
        if (t !== null) this.viewer.stepBack(t);
        return this.snapshot('command');
      case 'step-forward':
        if (t !== null && !this.viewer.live) {
          this.viewer.stepForward(t);
          return this.snapshot('command');
        }
        return this.stepLive();
      case 'undo':
        return this.bringBack(this.runs.undo(this.kept()));
      case 'redo':
        return this.bringBack(this.runs.redo(this.kept()));
      case 'export':
        return [{ kind: 'exported', format: msg.format, text: this.exportText(msg.format) }];
      default:
        return assertNever(msg);
    }
  }

  // ---- Acting ----------------------------------------------------------------

  /**
   * Scenario line(s), parsed (all of them before any applies, so a bad line
   * changes nothing) and applied. `stop`, for a tick at the live end, can cut
   * its `run` short; the reply then says why.
   */
  private act(text: string, cause: SnapshotCause, stop?: StopCheck): FromWorker[] {
    const parsed = parseScript(text, { ...this.runs.context });
    if (!parsed.ok) {
      const error = parsed.errors[0];
      return [{ kind: 'error', cause, text: lineAt(text, error.line), error }, ...this.snapshot(cause)];
    }
    const commands = parsed.script.commands;
    const replies: FromWorker[] = [];
    const past = this.viewer.standing;
    if (past !== null) {
      // Checks look at the moment shown; anything else changes the past, so it forks.
      if (commands.every(isAnnotation)) return [...this.snapshot(cause), ...failed(this.checkView(commands))];
      if (commands[0].kind !== 'cluster' && commands[0].kind !== 'preset') replies.push(this.fork(past));
    }
    const { failure, stopped } = this.applyAll(commands, stop);
    const t = this.runs.timeline;
    if (stop !== undefined && t !== null && (stopped || stop.reachedLive(t.end))) replies.push({ kind: 'stopped', reason: stop.reason(t.session.cluster!) });
    return [...replies, ...this.snapshot(cause), ...failed(failure)];
  }

  private checkView(commands: readonly Command[]): ExpectFailure | null {
    const s = this.viewer.shown!;
    for (const c of commands) {
      if (c.kind !== 'expect') continue;
      const r = evaluate(s, c.check);
      if (r.expected !== r.actual) return expectFailure(c, r);
    }
    return null;
  }

  /**
   * Apply parsed commands in order, up to the first `expect` that fails (as the
   * command-line runner does), or until `stop` stops one. A `cluster` or
   * `preset` line starts a new run; the one it replaces can be brought back
   * with undo.
   */
  private applyAll(commands: readonly Command[], stop?: StopCheck): { failure: ExpectFailure | null; stopped: boolean } {
    let replaced = false;
    for (const cmd of commands) {
      if (cmd.kind === 'cluster' || cmd.kind === 'preset') {
        // One undo step per message, however many setup lines it has (a reset sends two).
        this.startRun(cmd, false, !replaced);
        replaced = true;
        continue;
      }
      const r = this.runs.append(cmd, this.feed.emit, stop?.atLiveEnd);
      if (r.failure !== null) return r;
      this.feed.sweep(this.runs.timeline!.session.cluster!);
      if (r.stopped) return r;
    }
    return { failure: null, stopped: false };
  }

  private startRun(cmd: SetupCommand, fresh: boolean, save: boolean): void {
    const kept = save ? this.kept() : null;
    this.feed.newRun(() => {
      this.runs.startRun(cmd, fresh, kept, this.feed.emit);
      return this.runs.timeline!.session.cluster!;
    });
    this.viewer.reset();
    this.publisher.resetAll();
  }

  /** Cut the run at the moment shown; what came after goes on the undo stack with the whole run. */
  private fork(at: Standing): FromWorker {
    const events = this.viewer.feed!;
    const dropped = this.runs.fork(at, this.kept());
    this.viewer.reset();
    const t = this.runs.timeline!;
    this.feed.cutAt(t.session.cluster!, events);
    this.publisher.resetEvents();
    return { kind: 'forked', at: t.length, time: t.end.time, dropped };
  }

  /** A recorded `step` at the live end; a step back returns to the moment it left. */
  private stepLive(): FromWorker[] {
    const from = this.runs.timeline?.end;
    const replies = this.act('step', 'command');
    if (from !== undefined) this.viewer.steppedLive(from);
    return replies;
  }

  /** What goes on the undo stack with the current run. */
  private kept(): Kept {
    return { roles: this.feed.roles.clone(), at: this.viewer.standing };
  }

  /** A run brought back by undo or redo, shown at the moment it was left at. */
  private bringBack(run: SavedRun<Kept> | null): FromWorker[] {
    const t = this.runs.timeline;
    if (run !== null && t !== null) {
      this.feed.bringBack(t, run.extra.roles);
      this.viewer.reset();
      this.publisher.resetAll();
      if (run.extra.at !== null) this.viewer.seek(t, run.extra.at);
    }
    return this.snapshot('command');
  }

  // ---- Whole scripts ---------------------------------------------------------

  /**
   * A whole script, from a fresh start (as the command-line runner runs a file),
   * shown at `cursor` if given, or at the moment line `afterLine` was done. Its
   * first slice runs now; the answer comes when the last one is done.
   */
  private load(text: string, cursor: Cursor | undefined, afterLine: number | undefined): FromWorker[] {
    const parsed = parseScript(text, initialContext());
    if (!parsed.ok) {
      const error = parsed.errors[0];
      return [{ kind: 'loaded', result: { ok: false, text: lineAt(text, error.line), error } }];
    }
    // The parser makes a script's first command set up a cluster, so a script
    // with any command replaces the simulation.
    if (parsed.script.commands.length === 0) {
      return [{ kind: 'loaded', result: { ok: false, text: '', error: { line: 1, col: 1, message: 'the script has no commands' } } }];
    }
    this.job = new LoadJob(parsed.script.commands, cursor, afterLine, { history: this.runs.mark(), kept: this.kept() });
    return this.work();
  }

  /**
   * The next slice of the load under way: about `sliceEvents` events (every
   * command counts at least one). Answers with its progress, or, once the
   * script is done, as `load` does, followed by the answers to the messages that waited.
   */
  work(): FromWorker[] {
    const job = this.job;
    if (job === null) return [];
    let left = this.sliceEvents;
    for (let cmd = job.next(); cmd !== null; cmd = job.next()) {
      if (left <= 0) return [{ kind: 'load-progress', progress: job.progress(this.runs.timeline?.end ?? { position: 0, time: 0 }) }];
      if (cmd.kind === 'cluster' || cmd.kind === 'preset') {
        // One undo step per load, however many setup lines it has.
        this.startRun(cmd, !job.replaced, !job.replaced);
        job.replaced = true;
        job.ran(cmd, { position: 0, time: 0 }, { position: 0, time: 0 }, false);
        left--;
      } else {
        const from = this.runs.timeline!.end;
        const r = this.runs.append(cmd, this.feed.emit, job.sliceStop(cmd, left, from));
        const to = this.runs.timeline!.end;
        if (r.failure !== null) job.failure = r.failure;
        else this.feed.sweep(this.runs.timeline!.session.cluster!);
        job.ran(cmd, from, to, r.stopped);
        left -= Math.max(1, to.position - from.position);
      }
      // A setup line starts a new run: a mark in the run it replaced means nothing.
      if (job.afterLine !== undefined && (cmd.line <= job.afterLine || cmd.kind === 'cluster' || cmd.kind === 'preset')) {
        const end = this.runs.timeline!.end;
        job.mark = { event: end.position, time: end.time };
      }
    }
    this.job = null;
    const at = job.cursor ?? job.mark;
    if (at !== undefined) this.viewer.goTo(this.runs.timeline!, at);
    const s = this.shown();
    return [...this.snapshot('command'), { kind: 'loaded', result: { ok: true, time: s.time, event: s.event, failure: job.failure } }, ...this.drain()];
  }

  /**
   * Give up the load under way and the loads waiting behind it: the run
   * history goes back to where it stood, and the run that was on screen comes
   * back at the moment it showed. The other messages that waited are answered after.
   */
  private cancelLoads(): FromWorker[] {
    const job = this.job;
    if (job === null) return [];
    this.job = null;
    this.runs.rewind(job.before.history);
    const t = this.runs.timeline;
    const replies: FromWorker[] = t === null ? [] : this.bringBack({ timeline: t, extra: job.before.kept });
    replies.push({ kind: 'load-cancelled' });
    for (let i = 0; i < this.waiting.length; ) {
      if (this.waiting[i].kind === 'load') {
        this.waiting.splice(i, 1);
        replies.push({ kind: 'load-cancelled' });
      } else i++;
    }
    return [...replies, ...this.drain()];
  }

  /** Answer the messages that waited for a load, until one starts another. */
  private drain(): FromWorker[] {
    const replies: FromWorker[] = [];
    while (this.job === null && this.waiting.length > 0) replies.push(...this.handle(this.waiting.shift()!));
    return replies;
  }

  // ---- Playing ---------------------------------------------------------------

  /**
   * Playing: in the past, the recorded run replays until it reaches the live
   * end; at the live end, `run <ms>`, recorded. Either way it stops short where
   * `when` says (a violation, a moment), and says so before its snapshot.
   */
  private tick(ms: number, when: StopWhen | undefined): FromWorker[] {
    const whole = Math.max(1, Math.round(ms));
    const t = this.runs.timeline;
    if (t === null) return this.act(`run ${formatDuration(whole)}`, 'tick');
    this.viewer.forgetTrail();
    const stop = new StopCheck(when, this.shown());
    let left = whole;
    if (!this.viewer.live) {
      const played = this.viewer.play(t, whole, stop);
      if (played.kind === 'stopped') return [{ kind: 'stopped', reason: played.reason }, ...this.snapshot('tick')];
      if (played.kind === 'played') return this.snapshot('tick');
      left = played.left;
    }
    if (stop.reachedLive(t.end)) return [{ kind: 'stopped', reason: stop.reason(t.session.cluster!) }, ...this.snapshot('tick')];
    left = stop.timeLeft(t.end.time, left);
    return left >= 1 ? this.act(`run ${formatDuration(left)}`, 'tick', stop) : this.snapshot('tick');
  }

  // ---- Exports and snapshots -------------------------------------------------

  /** The whole recorded run, replayed from its script, as a ShiViz log, a JSON trace, or its client history. */
  private exportText(format: ExportFormat): string {
    const t = this.runs.timeline;
    if (t === null) return '';
    const files = exportRun(t.commands);
    switch (format) {
      case 'shiviz':
        return files.shiviz;
      case 'trace':
        return `${JSON.stringify(files.trace, null, 2)}\n`;
      case 'history-edn':
        return files.historyEdn;
      case 'history-json':
        return `${JSON.stringify(files.history, null, 2)}\n`;
      default:
        return assertNever(format);
    }
  }

  /** The state shown: the moment in the past the viewer stands at, or the live end. */
  private shown(): ClusterState {
    return (this.viewer.shown ?? this.runs.timeline!.session.cluster)!;
  }

  private snapshot(cause: SnapshotCause): FromWorker[] {
    const t = this.runs.timeline;
    if (t === null || t.session.cluster === null) return [];
    return [
      this.publisher.publish(cause, {
        cluster: this.shown(),
        events: this.viewer.feed ?? this.feed.events,
        roles: this.feed.roles,
        recording: this.runs.recording,
        timeline: { length: t.length, headTime: t.end.time, live: this.viewer.live, canUndo: this.runs.canUndo, canRedo: this.runs.canRedo },
      }),
    ];
  }
}

const failed = (failure: ExpectFailure | null): FromWorker[] => (failure === null ? [] : [{ kind: 'expect-failed', failure }]);

/** Line `n` (1-based) of a script, for an error message. */
const lineAt = (text: string, n: number): string => text.split('\n')[n - 1] ?? text;
