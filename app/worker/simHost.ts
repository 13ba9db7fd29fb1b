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
import { applyCommand, newSession, type Session } from '../../engine/scenario/run.ts';
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
      return [{ kind: 'error', cause, text: text.split('\n')[error.line - 1] ?? text, error }, ...this.snapshot(cause)];
    }
    this.context = context;
    for (const cmd of parsed.script.commands) this.apply(cmd);
    return this.snapshot(cause);
  }

  private apply(cmd: Command): void {
    const fresh = cmd.kind === 'cluster' || cmd.kind === 'preset';
    if (fresh) this.trackers.events.reset();
    const configBefore = this.session.config;
    const outcome = applyCommand(this.session, cmd, this.emit);
    if (!outcome.ok) return; // only `expect` can fail, and a failed expectation changes nothing
    this.recording = record(this.recording, cmd, configBefore);
    const s = this.session.cluster!;
    if (fresh) {
      this.trackers.history.reset(s);
      this.fullPending = true;
    } else this.trackers.history.sweep(s);
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
