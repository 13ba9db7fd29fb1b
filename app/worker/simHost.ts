/**
 * The simulation as the worker hosts it: the run's timeline (its script, its
 * checkpoints and its live end), the moment the page is looking at, the undo
 * history, and the trackers that turn the engine's state into snapshots. It
 * takes protocol messages and returns the replies; worker.ts only moves them
 * across the boundary, so this class runs unchanged in Vitest.
 *
 * Every change goes through the scenario language: a line is parsed against the
 * cluster in force (`parseScript` with the session's context) and appended to
 * the timeline, which applies it exactly as the command-line runner does.
 *
 * Looking at the past changes nothing. Acting there forks: the timeline is cut
 * at the moment shown (see `Timeline.fork`) and the action applies there. The
 * old timeline goes on the undo stack, whole, so undo brings its future back.
 */
import type { EventRecord } from '../../engine/events.ts';
import { isAnnotation, type Command } from '../../engine/scenario/ast.ts';
import { formatDuration } from '../../engine/scenario/format.ts';
import { initialContext, parseScript, type ParseContext } from '../../engine/scenario/parse.ts';
import { evaluate, expectFailure, type ExpectFailure } from '../../engine/scenario/run.ts';
import { Timeline, type Moment, type Playhead } from '../../engine/timeline/timeline.ts';
import { DEFAULT_CONFIG } from '../../engine/config.ts';
import { assertNever, type Cursor, type ExportFormat, type FromWorker, type SnapshotCause, type ToWorker } from './protocol.ts';
import { exportRun } from '../../engine/export/exportRun.ts';
import { emptyRecording, record, scriptDelta, type Recording } from './recording.ts';
import { buildSnapshot } from './snapshot.ts';
import { LogDeltas } from './logDeltas.ts';
import { EventFeed } from './eventFeed.ts';
import { RoleHistory } from './roleHistory.ts';
import { EVENT_WINDOW } from './viewModel.ts';

/** How many events before a moment are replayed to list what led up to it. */
const LEAD_IN_EVENTS = 2 * EVENT_WINDOW;
/** Runs the undo stack keeps. They share checkpoints, so each costs little beyond what differs. */
const UNDO_DEPTH = 50;
/** A seek this far ahead of the view replays forward from it rather than from a checkpoint. */
const REPLAY_AHEAD = 256;

/** The page is looking at the past. */
interface View {
  readonly playhead: Playhead;
  /** How the moment was reached (an event, or a time while replaying): a fork cuts exactly there. */
  at: Moment;
  /** The clock as shown: a time the replay moved to, or the state's own clock. */
  time: number;
  /** What led up to the moment. */
  readonly feed: EventFeed;
}

/** A whole run, as the undo stack keeps it. */
interface SavedRun {
  readonly timeline: Timeline;
  readonly recording: Recording;
  readonly history: RoleHistory;
  readonly at: Moment | null;
  /** The position shown at `at`, so the events that led there can be replayed along with it. */
  readonly position: number;
}

export class SimHost {
  private timeline: Timeline | null = null;
  private context: ParseContext = initialContext();
  private recording: Recording = emptyRecording;
  /** The script as the page has it: only what changed is sent. */
  private linesSent: readonly string[] = [];
  private readonly logs = new LogDeltas();
  /** Events at the live end. */
  private events = new EventFeed();
  private history = new RoleHistory();
  private view: View | null = null;
  private undoStack: SavedRun[] = [];
  private redoStack: SavedRun[] = [];
  /** The next snapshot must carry everything (a new cluster, another run). */
  private fullPending = true;
  /** The next snapshot replaces the events list (the view moved). */
  private eventsReset = false;

  private readonly emit = (r: EventRecord): void => {
    this.events.push(r);
    const s = this.timeline?.session.cluster;
    if (s != null && 'node' in r && r.node !== null) this.history.observe(s.nodes[r.node], r.time);
  };

  handle(msg: ToWorker): FromWorker[] {
    switch (msg.kind) {
      case 'command':
        return this.run(msg.text, 'command');
      case 'load':
        return this.load(msg.text, msg.cursor, msg.afterLine);
      case 'tick':
        return this.tick(msg.ms);
      case 'snapshot':
        this.fullPending = true;
        return this.snapshot('request');
      case 'seek':
        this.travel(msg.position);
        return this.snapshot('seek');
      case 'step-back':
        if (this.timeline !== null) this.travel(this.position() - 1);
        return this.snapshot('command');
      case 'step-forward':
        if (this.view === null) return this.run('step', 'command');
        this.travel(this.position() + 1);
        return this.snapshot('command');
      case 'undo':
        this.swap(this.undoStack, this.redoStack);
        return this.snapshot('command');
      case 'redo':
        this.swap(this.redoStack, this.undoStack);
        return this.snapshot('command');
      case 'export':
        return [{ kind: 'exported', format: msg.format, text: this.exportText(msg.format) }];
      default:
        return assertNever(msg);
    }
  }

  /** The position shown. */
  private position(): number {
    return this.view?.playhead.position ?? this.timeline?.length ?? 0;
  }

  // ---- Acting ----------------------------------------------------------------

  private run(text: string, cause: SnapshotCause): FromWorker[] {
    // Parse every line before applying any, against a copy of the context, so a
    // bad line leaves both the simulation and the recording untouched.
    const parsed = parseScript(text, { ...this.context });
    if (!parsed.ok) {
      const error = parsed.errors[0];
      return [{ kind: 'error', cause, text: lineAt(text, error.line), error }, ...this.snapshot(cause)];
    }
    const commands = parsed.script.commands;
    const replies: FromWorker[] = [];
    if (this.view !== null) {
      // Checks look at the moment shown; anything else changes the past, so it forks.
      if (commands.every(isAnnotation)) {
        const failure = this.checkView(commands);
        return [...this.snapshot(cause), ...(failure === null ? [] : [{ kind: 'expect-failed' as const, failure }])];
      }
      if (commands[0].kind !== 'cluster' && commands[0].kind !== 'preset') replies.push(this.fork());
    }
    const failure = this.applyAll(commands);
    return [...replies, ...this.snapshot(cause), ...(failure === null ? [] : [{ kind: 'expect-failed' as const, failure }])];
  }

  private checkView(commands: readonly Command[]): ExpectFailure | null {
    const s = this.view!.playhead.session.cluster!;
    for (const c of commands) {
      if (c.kind !== 'expect') continue;
      const r = evaluate(s, c.check);
      if (r.expected !== r.actual) return expectFailure(c, r);
    }
    return null;
  }

  /**
   * Apply parsed commands in order, up to the first `expect` that fails (as the
   * command-line runner does). A `cluster` or `preset` line starts a new run;
   * the one it replaces can be brought back with undo.
   */
  private applyAll(commands: readonly Command[], fresh = false, applied?: (cmd: Command) => void): ExpectFailure | null {
    let replaced = false;
    for (const cmd of commands) {
      if (cmd.kind === 'cluster' || cmd.kind === 'preset') {
        // One undo step per message, however many setup lines it has (a reset sends two).
        if (!replaced) this.save();
        // A whole script starts from the defaults, not from the options of the run it replaces.
        const from = fresh && !replaced ? { recording: emptyRecording, config: DEFAULT_CONFIG } : { recording: this.recording, config: this.context.config };
        replaced = true;
        this.startRun(record(from.recording, cmd, from.config));
        applied?.(cmd);
        continue;
      }
      const failure = this.timeline!.append(cmd, this.emit);
      if (failure !== null) return failure;
      this.setRecording(record(this.recording, cmd, this.context.config));
      this.history.sweep(this.timeline!.session.cluster!);
      applied?.(cmd);
    }
    return null;
  }

  /** A new run, from a recording that holds only its setup lines. */
  private startRun(recording: Recording): void {
    const timeline = new Timeline();
    const parsed = parseScript(recording.setup.join('\n'));
    if (!parsed.ok) throw new Error(`the recording's setup does not parse: ${recording.setup.join(' / ')}`);
    this.events.reset();
    for (const c of parsed.script.commands) timeline.append(c, this.emit);
    this.timeline = timeline;
    this.view = null;
    this.setRecording(recording);
    this.history.reset(timeline.session.cluster!);
    this.fullPending = true;
  }

  /** The recording of the current timeline, and the parse context that follows its live end. */
  private setRecording(recording: Recording): void {
    this.recording = recording;
    const s = this.timeline!.session;
    this.context = { nodes: s.cluster?.ids.length ?? null, config: s.config };
  }

  /** Cut the run at the moment shown; what came after goes on the undo stack with the whole run. */
  private fork(): FromWorker {
    const view = this.view!;
    const old = this.timeline!;
    this.save();
    const timeline = old.fork(view.at);
    const dropped = old.length - timeline.length;
    this.timeline = timeline;
    this.view = null;
    this.setRecording(recordingOf(timeline.commands));
    this.history.truncate(timeline.session.cluster!.time);
    this.history.sweep(timeline.session.cluster!);
    this.events = view.feed;
    this.eventsReset = true;
    return { kind: 'forked', at: timeline.length, time: timeline.session.cluster!.time, dropped };
  }

  // ---- Whole scripts ---------------------------------------------------------

  /**
   * A whole script, from a fresh start (as the command-line runner runs a file),
   * shown at `cursor` if given, or at the moment line `afterLine` was done.
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
    let mark: Cursor | undefined;
    const failure = this.applyAll(parsed.script.commands, true, (cmd) => {
      if (afterLine === undefined) return;
      // A setup line starts a new run: a mark in the run it replaced means nothing.
      if (cmd.line <= afterLine || cmd.kind === 'cluster' || cmd.kind === 'preset') {
        const t = this.timeline!;
        mark = { event: t.length, time: t.session.cluster!.time };
      }
    });
    const at = cursor ?? mark;
    if (at !== undefined) this.goTo(at);
    const s = this.shown();
    return [...this.snapshot('command'), { kind: 'loaded', result: { ok: true, time: this.view?.time ?? s.time, event: s.event, failure } }];
  }

  /**
   * Show the moment a link was made at. It was either just after an event, or
   * (made while replaying) a time between two events; the event number alone
   * finds the first, and the time the second.
   */
  private goTo(cursor: Cursor): void {
    const t = this.timeline!;
    if (cursor.event >= t.length) return;
    this.travel(cursor.event);
    if (this.view !== null && this.view.time !== cursor.time && cursor.time < t.session.cluster!.time) {
      const feed = new EventFeed();
      const byTime = t.playhead({ time: cursor.time }, (r) => feed.push(r), cursor.event - LEAD_IN_EVENTS);
      if (byTime.position === cursor.event) this.showPast(byTime, { time: cursor.time }, feed);
    }
    // A moment this replay never passes through (the simulator changed, or the
    // link was altered) is not shown as if it were that moment: the run's end is.
    if (this.view !== null && this.view.time !== cursor.time) this.goLive();
  }

  // ---- Time travel -----------------------------------------------------------

  /** Show the run just after event `position`; its end is the live state. */
  private travel(position: number): void {
    const t = this.timeline;
    if (t === null) return;
    const p = Math.max(0, Math.min(t.length, Math.floor(position)));
    if (p === t.length) return this.goLive();
    const v = this.view;
    if (v !== null && p >= v.playhead.position && p - v.playhead.position <= REPLAY_AHEAD && 'position' in v.at) {
      // Forward, and not far: replay from the view, adding to its events list.
      v.playhead.advance({ position: p }, (r) => v.feed.push(r));
      v.at = { position: p };
      v.time = v.playhead.session.cluster!.time;
      return;
    }
    const feed = new EventFeed();
    const playhead = t.playhead({ position: p }, (r) => feed.push(r), p - LEAD_IN_EVENTS);
    this.view = { playhead, at: { position: p }, time: playhead.session.cluster!.time, feed };
    this.eventsReset = true;
  }

  /** Show a moment reached by time (between two events); `feed` holds what led up to it. */
  private showPast(playhead: Playhead, at: { time: number }, feed: EventFeed): void {
    this.view = { playhead, at, time: at.time, feed };
    this.eventsReset = true;
  }

  private goLive(): void {
    if (this.view === null) return;
    this.view = null;
    this.eventsReset = true;
  }

  /** Playing: at the live end, `run <ms>`, recorded; in the past, the recorded run replays until it reaches the live end. */
  private tick(ms: number): FromWorker[] {
    const whole = Math.max(1, Math.round(ms));
    const v = this.view;
    if (v === null) return this.run(`run ${formatDuration(whole)}`, 'tick');
    const target = v.time + whole;
    const headTime = this.timeline!.session.cluster!.time;
    if (target < headTime) {
      v.playhead.advance({ time: target }, (r) => v.feed.push(r));
      v.at = { time: target };
      v.time = target;
      return this.snapshot('tick');
    }
    this.goLive();
    const beyond = target - headTime;
    return beyond >= 1 ? this.run(`run ${formatDuration(beyond)}`, 'tick') : this.snapshot('tick');
  }

  // ---- Exports ---------------------------------------------------------------

  /** The whole recorded run, replayed from its script, as a ShiViz log or a JSON trace. */
  private exportText(format: ExportFormat): string {
    if (this.timeline === null) return '';
    const files = exportRun(this.timeline.commands);
    return format === 'shiviz' ? files.shiviz : `${JSON.stringify(files.trace, null, 2)}\n`;
  }

  // ---- Undo ------------------------------------------------------------------

  /** Put the current run on the undo stack, and forget what was undone. */
  private save(): void {
    if (this.timeline === null) return;
    this.undoStack.push(this.current());
    if (this.undoStack.length > UNDO_DEPTH) this.undoStack.shift();
    this.redoStack = [];
  }

  private current(): SavedRun {
    const v = this.view;
    return { timeline: this.timeline!, recording: this.recording, history: this.history.clone(), at: v?.at ?? null, position: v?.playhead.position ?? 0 };
  }

  /** Bring back the top run of `from`, keeping the current one on `to`. */
  private swap(from: SavedRun[], to: SavedRun[]): void {
    const run = from.pop();
    if (run === undefined) return;
    to.push(this.current());
    this.timeline = run.timeline;
    this.setRecording(run.recording);
    this.history = run.history.clone();
    this.history.touchAll();
    // The events that led to the live end, replayed.
    this.events = new EventFeed();
    const t = run.timeline;
    t.playhead({ position: t.length }, (r) => this.events.push(r), t.length - LEAD_IN_EVENTS);
    this.view = null;
    this.fullPending = true;
    if (run.at !== null) {
      if ('position' in run.at) this.travel(run.at.position);
      else {
        const feed = new EventFeed();
        this.showPast(t.playhead(run.at, (r) => feed.push(r), run.position - LEAD_IN_EVENTS), run.at, feed);
      }
    }
  }

  // ---- Snapshots -------------------------------------------------------------

  private shown() {
    return (this.view?.playhead.session.cluster ?? this.timeline!.session.cluster)!;
  }

  private snapshot(cause: SnapshotCause): FromWorker[] {
    const t = this.timeline;
    if (t === null || t.session.cluster === null) return [];
    const full = this.fullPending;
    const lines = this.recording.lines;
    const script = full ? scriptDelta([], lines) : lines === this.linesSent ? null : scriptDelta(this.linesSent, lines);
    this.linesSent = lines;
    this.fullPending = false;
    const eventsReset = this.eventsReset;
    this.eventsReset = false;
    const v = this.view;
    const shown = this.shown();
    const cluster = v === null || v.time === shown.time ? shown : { ...shown, time: v.time };
    const snapshot = buildSnapshot({
      cluster,
      trackers: { logs: this.logs, events: v?.feed ?? this.events, history: this.history },
      full,
      eventsReset,
      script,
      setup: script === null ? null : this.recording.setup,
      timeline: {
        length: t.length,
        headTime: t.session.cluster.time,
        live: v === null,
        canUndo: this.undoStack.length > 0,
        canRedo: this.redoStack.length > 0,
      },
    });
    return [{ kind: 'snapshot', cause, snapshot }];
  }
}

/** The recording of a timeline's commands (a fork's), as if they had been applied one by one. */
function recordingOf(commands: readonly Command[]): Recording {
  let rec = emptyRecording;
  let config = DEFAULT_CONFIG;
  for (const c of commands) {
    rec = record(rec, c, config);
    if (c.kind === 'cluster') config = c.config;
  }
  return rec;
}

/** Line `n` (1-based) of a script, for an error message. */
const lineAt = (text: string, n: number): string => text.split('\n')[n - 1] ?? text;
