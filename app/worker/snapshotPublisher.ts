/**
 * The snapshot publisher: what the page must be sent, given what it was sent
 * before. Logs go as deltas (logDeltas.ts), the script as the lines that changed
 * (recording.ts), state machines and configurations when they changed (machineDeltas.ts, configDeltas.ts), the events list as what is new, or whole when the view moved
 * to another moment; everything goes whole after a new cluster or another run.
 */
import type { ClusterState } from '../../engine/sim/cluster.ts';
import type { EventFeed } from './eventFeed.ts';
import { HistoryPublisher } from './historyView.ts';
import { LogDeltas } from './logDeltas.ts';
import { MachineDeltas } from './machineDeltas.ts';
import { SnapshotDeltas } from './snapshotDeltas.ts';
import { ConfigDeltas } from './configDeltas.ts';
import type { FromWorker, SnapshotCause } from './protocol.ts';
import { scriptDelta, type Recording } from './recording.ts';
import type { RoleHistory } from './roleHistory.ts';
import { buildSnapshot } from './snapshot.ts';
import type { TimelineView } from './viewModel.ts';

/** Everything a snapshot shows. */
export interface Shown {
  /** The state shown, its clock the moment's. */
  readonly cluster: ClusterState;
  /** What led up to it. */
  readonly events: EventFeed;
  readonly roles: RoleHistory;
  readonly recording: Recording;
  readonly timeline: TimelineView;
}

export class SnapshotPublisher {
  /** The script as the page has it. */
  private linesSent: readonly string[] = [];
  private readonly logs = new LogDeltas();
  private readonly clientHistory = new HistoryPublisher();
  private readonly machines = new MachineDeltas();
  private readonly snapshots = new SnapshotDeltas();
  private readonly configs = new ConfigDeltas();
  /** The next snapshot must carry everything (a new cluster, another run, a page that asked). */
  private fullPending = true;
  /** The next snapshot replaces the events list (the view moved). */
  private eventsPending = false;

  /** Send everything next time. */
  resetAll(): void {
    this.fullPending = true;
  }

  /** Send the whole events list next time. */
  resetEvents(): void {
    this.eventsPending = true;
  }

  publish(cause: SnapshotCause, shown: Shown): FromWorker {
    const full = this.fullPending;
    const lines = shown.recording.lines;
    const script = full ? scriptDelta([], lines) : lines === this.linesSent ? null : scriptDelta(this.linesSent, lines);
    this.linesSent = lines;
    this.fullPending = false;
    const eventsReset = this.eventsPending;
    this.eventsPending = false;
    const snapshot = buildSnapshot({
      cluster: shown.cluster,
      trackers: { logs: this.logs, machines: this.machines, snapshots: this.snapshots, configs: this.configs, events: shown.events, history: shown.roles },
      full,
      eventsReset,
      script,
      setup: script === null ? null : shown.recording.setup,
      timeline: shown.timeline,
    });
    if (full) this.clientHistory.reset();
    const history = this.clientHistory.take(shown.cluster.history, cause === 'tick');
    const changed = history.delta !== null || history.verdict !== null;
    return { kind: 'snapshot', cause, snapshot: changed ? { ...snapshot, clientHistory: history } : snapshot };
  }
}
