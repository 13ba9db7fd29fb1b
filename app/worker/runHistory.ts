/**
 * The run's history: the timeline of the run on screen, and the runs undo and
 * redo bring back.
 *
 * The timeline is the one source of the script. The recording the page shows
 * and shares (recording.ts: consecutive `run`s and `step`s merged) is derived
 * from the timeline's commands, never kept beside them, so whatever changes the
 * timeline (an appended command, a command cut short where playing stopped, a
 * fork) changes the script with it.
 *
 * Undo keeps whole runs. A run is replaced by a new cluster or a loaded script,
 * or forked by acting in the past; the run it was goes on the undo stack, whole,
 * so undo brings its future back. Runs on the stacks share checkpoints with each
 * other (a fork keeps its parent's), so each costs little beyond what differs.
 */
import { DEFAULT_CONFIG } from '../../engine/config.ts';
import type { Command } from '../../engine/scenario/ast.ts';
import { parseScript, type ParseContext, initialContext } from '../../engine/scenario/parse.ts';
import type { Emit } from '../../engine/sim/simulator.ts';
import type { ExpectFailure } from '../../engine/scenario/run.ts';
import type { ClusterConfig } from '../../engine/types.ts';
import { Timeline, type Moment, type StopWhen } from '../../engine/timeline/timeline.ts';
import { emptyRecording, record, recordAll, type Recording } from './recording.ts';

/** Runs the undo stack keeps. */
const UNDO_DEPTH = 50;

/** A run on the undo or redo stack, with what the host keeps along with it (the view, the role history). */
export interface SavedRun<Extra> {
  readonly timeline: Timeline;
  readonly extra: Extra;
}

/** The run history at one moment (see `RunHistory.mark`). */
export interface HistoryMark<Extra> {
  readonly current: Timeline | null;
  readonly undo: readonly SavedRun<Extra>[];
  readonly redo: readonly SavedRun<Extra>[];
}

/** A recording derived from the first `count` commands of a timeline. */
interface Derived {
  readonly timeline: Timeline;
  readonly count: number;
  /** The last of those commands (a timeline replaces its last command in place: a merged `run`, a stop). */
  readonly last: Command | undefined;
  readonly recording: Recording;
  /** The cluster options after those commands: what a `preset` among the next ones builds on. */
  readonly config: ClusterConfig;
}

/** Are the first `d.count` commands of `t` still the ones `d` was derived from? */
const still = (d: Derived, t: Timeline): boolean =>
  d.timeline === t && d.count <= t.commands.length && (d.count === 0 || t.commands[d.count - 1] === d.last);

export class RunHistory<Extra> {
  private current: Timeline | null = null;
  private undoStack: SavedRun<Extra>[] = [];
  private redoStack: SavedRun<Extra>[] = [];
  /** The recording of the commands so far, and of all but the last (what a replaced last command builds on). */
  private derived: Derived | null = null;
  private derivedBefore: Derived | null = null;

  get timeline(): Timeline | null {
    return this.current;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** The script of the run, derived from the timeline's commands. */
  get recording(): Recording {
    const t = this.current;
    if (t === null) return emptyRecording;
    const cmds = t.commands;
    const d = this.derived;
    if (d !== null && still(d, t) && d.count === cmds.length) return d.recording;
    // A timeline only grows at its end, and replaces only its last command (a `run` merged into the one before, a
    // command cut where playing stopped): if a derived prefix is still in place, only what follows it needs formatting.
    const from = d !== null && still(d, t) ? d : this.derivedBefore !== null && still(this.derivedBefore, t) ? this.derivedBefore : null;
    const start = from?.count ?? 0;
    const r = recordAll(from?.recording ?? emptyRecording, cmds.slice(start), from?.config ?? DEFAULT_CONFIG);
    // The prefix before the last command: computed here when more than one was added, else the one we started from.
    const before: Derived | null =
      cmds.length - start > 1
        ? { timeline: t, count: cmds.length - 1, last: cmds[cmds.length - 2], recording: r.beforeLast, config: r.configBeforeLast }
        : from;
    this.derivedBefore = before;
    this.derived = { timeline: t, count: cmds.length, last: cmds.at(-1), recording: r.recording, config: r.config };
    return r.recording;
  }

  /** How the next command line parses: against the cluster at the live end. */
  get context(): ParseContext {
    const s = this.current?.session;
    return s === undefined ? initialContext() : { nodes: s.cluster?.ids.length ?? null, config: s.config };
  }

  /**
   * A new run for a `cluster` or `preset` line, replacing the current one (kept
   * for undo along with `extra`, unless that is null: the second setup line of
   * one message). `fresh`: a whole script starts from the defaults, not from
   * the options of the run it replaces.
   */
  startRun(cmd: Extract<Command, { kind: 'cluster' | 'preset' }>, fresh: boolean, extra: Extra | null, emit: Emit): void {
    const setup = record(emptyRecording, cmd, fresh ? DEFAULT_CONFIG : this.context.config).setup;
    // The run is built from its setup as the recording writes it (a preset after a `cluster` line if its options differ), so the two agree.
    const parsed = parseScript(setup.join('\n'));
    if (!parsed.ok) throw new Error(`the setup does not parse: ${setup.join(' / ')}`);
    if (extra !== null) this.save(extra);
    const timeline = new Timeline();
    for (const c of parsed.script.commands) timeline.append(c, emit);
    this.current = timeline;
  }

  /** Run a command at the live end (see `Timeline.appendUntil`): returns its failure if it is a failed `expect`, and whether `stop` stopped it. */
  append(cmd: Command, emit: Emit, stop?: StopWhen): { failure: ExpectFailure | null; stopped: boolean } {
    const t = this.current!;
    if (cmd.kind === 'expect') return { failure: t.append(cmd, emit), stopped: false };
    return { failure: null, stopped: t.appendUntil(cmd, stop, emit) };
  }

  /** Cut the run at `at`, to grow from there; the whole run goes on the undo stack with `extra`. Returns how many events were set aside. */
  fork(at: Moment, extra: Extra): number {
    const old = this.current!;
    this.save(extra);
    this.current = old.fork(at);
    return old.length - this.current.length;
  }

  /** Put the current run on the undo stack, and forget what was undone. */
  private save(extra: Extra): void {
    if (this.current === null) return;
    this.undoStack.push({ timeline: this.current, extra });
    if (this.undoStack.length > UNDO_DEPTH) this.undoStack.shift();
    this.redoStack = [];
  }

  /** Bring back the run before the last replacement or fork, keeping the current one (with `extra`) for redo. Null if there is none. */
  undo(extra: Extra): SavedRun<Extra> | null {
    return this.swap(this.undoStack, this.redoStack, extra);
  }

  redo(extra: Extra): SavedRun<Extra> | null {
    return this.swap(this.redoStack, this.undoStack, extra);
  }

  /** Where the history stands: `rewind` goes back there, dropping whatever replaced the run since (a load given up). */
  mark(): HistoryMark<Extra> {
    return { current: this.current, undo: [...this.undoStack], redo: [...this.redoStack] };
  }

  rewind(mark: HistoryMark<Extra>): void {
    this.current = mark.current;
    this.undoStack = [...mark.undo];
    this.redoStack = [...mark.redo];
  }

  private swap(from: SavedRun<Extra>[], to: SavedRun<Extra>[], extra: Extra): SavedRun<Extra> | null {
    const run = from.pop();
    if (run === undefined || this.current === null) return null;
    to.push({ timeline: this.current, extra });
    this.current = run.timeline;
    return run;
  }
}
