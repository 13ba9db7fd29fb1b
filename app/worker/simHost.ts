/**
 * The simulation as the worker hosts it: one scenario session, the recording, and
 * the trackers that turn the engine's state into snapshots. It takes protocol
 * messages and returns the replies; worker.ts only moves them across the
 * boundary, so this class runs unchanged in Vitest.
 *
 * Every change goes through the scenario language: a line is parsed against the
 * cluster in force (`parseScript` with the session's context) and applied with
 * `applyCommand`, exactly as the command-line runner does.
 */
import type { EventRecord } from '../../engine/events.ts';
import type { Command } from '../../engine/scenario/ast.ts';
import { formatDuration } from '../../engine/scenario/format.ts';
import { initialContext, parseScript, type ParseContext } from '../../engine/scenario/parse.ts';
import { applyCommand, newSession, type ExpectFailure, type Session } from '../../engine/scenario/run.ts';
import { assertNever, type FromWorker, type SnapshotCause, type ToWorker } from './protocol.ts';
import { emptyRecording, record, scriptLines, type Recording } from './recording.ts';
import { buildSnapshot, type Trackers } from './snapshot.ts';
import { LogDeltas } from './logDeltas.ts';
import { EventFeed } from './eventFeed.ts';
import { RoleHistory } from './roleHistory.ts';

export class SimHost {
  private session: Session = newSession();
  private context: ParseContext = initialContext();
  private recording: Recording = emptyRecording;
  private readonly trackers: Trackers = { logs: new LogDeltas(), events: new EventFeed(), history: new RoleHistory() };
  /** The next snapshot must carry everything (a new cluster). */
  private fullPending = true;

  private readonly emit = (r: EventRecord): void => {
    this.trackers.events.push(r);
    const s = this.session.cluster;
    if (s !== null && 'node' in r && r.node !== null) this.trackers.history.observe(s.nodes[r.node], r.time);
  };

  handle(msg: ToWorker): FromWorker[] {
    switch (msg.kind) {
      case 'command':
        return this.run(msg.text, 'command');
      case 'load':
        return this.load(msg.text);
      case 'tick':
        // Playing is `run <ms>`, like any other command, so it is recorded and replays.
        return this.run(`run ${formatDuration(Math.max(1, Math.round(msg.ms)))}`, 'tick');
      case 'snapshot':
        this.fullPending = true;
        return this.snapshot('request');
      default:
        return assertNever(msg);
    }
  }

  private run(text: string, cause: SnapshotCause): FromWorker[] {
    // Parse every line before applying any, against a copy of the context, so a
    // bad line leaves both the simulation and the recording untouched.
    const context = { ...this.context };
    const parsed = parseScript(text, context);
    if (!parsed.ok) {
      const error = parsed.errors[0];
      return [{ kind: 'error', cause, text: lineAt(text, error.line), error }, ...this.snapshot(cause)];
    }
    const failure = this.applyAll(parsed.script.commands);
    return [...this.snapshot(cause), ...(failure === null ? [] : [{ kind: 'expect-failed' as const, failure }])];
  }

  /** A whole script, from a fresh start: as the command-line runner runs a file. */
  private load(text: string): FromWorker[] {
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
    const failure = this.applyAll(parsed.script.commands);
    const s = this.session.cluster!;
    return [...this.snapshot('command'), { kind: 'loaded', result: { ok: true, time: s.time, event: s.event, failure } }];
  }

  /**
   * Apply parsed commands in order, up to the first `expect` that fails (as the
   * command-line runner does). The parse context then follows the cluster in
   * force, which is the script's own only if every line ran.
   */
  private applyAll(commands: readonly Command[]): ExpectFailure | null {
    let failure: ExpectFailure | null = null;
    for (const cmd of commands) {
      failure = this.apply(cmd);
      if (failure !== null) break;
    }
    const s = this.session.cluster;
    this.context = { nodes: s === null ? null : s.ids.length, config: this.session.config };
    return failure;
  }

  private apply(cmd: Command): ExpectFailure | null {
    const fresh = cmd.kind === 'cluster' || cmd.kind === 'preset';
    if (fresh) this.trackers.events.reset();
    const configBefore = this.session.config;
    const outcome = applyCommand(this.session, cmd, this.emit);
    if (!outcome.ok) return outcome.failure; // only `expect` can fail, and a failed expectation changes nothing
    this.recording = record(this.recording, cmd, configBefore);
    const s = this.session.cluster!;
    if (fresh) {
      this.trackers.history.reset(s);
      this.fullPending = true;
    } else this.trackers.history.sweep(s);
    return null;
  }

  private snapshot(cause: SnapshotCause): FromWorker[] {
    const cluster = this.session.cluster;
    if (cluster === null) return [];
    const full = this.fullPending;
    this.fullPending = false;
    const snapshot = buildSnapshot({ cluster, trackers: this.trackers, full, script: scriptLines(this.recording), setup: this.recording.setup });
    return [{ kind: 'snapshot', cause, snapshot }];
  }
}

/** Line `n` (1-based) of a script, for an error message. */
const lineAt = (text: string, n: number): string => text.split('\n')[n - 1] ?? text;
