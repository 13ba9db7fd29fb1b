/** Builds the view model the page draws from the engine's cluster state. */
import { type ClusterState, currentLeader } from '../../engine/sim/cluster.ts';
import { inOrder } from '../../engine/sim/flightQueue.ts';
import type { ClientId, Message, NodeState } from '../../engine/types.ts';
import type { Violation } from '../../engine/check/invariants.ts';
import { lastIndex } from '../../engine/raft/log.ts';
import { INVARIANTS, type InvariantName } from '../../engine/events.ts';
import type { ClientView, ConfigDelta, MachineDelta, MessageView, NodeView, Snapshot, SnapshotDelta, TimelineView, ViolationView } from './viewModel.ts';
import type { LogDeltas } from './logDeltas.ts';
import type { MachineDeltas } from './machineDeltas.ts';
import type { SnapshotDeltas } from './snapshotDeltas.ts';
import type { ConfigDeltas } from './configDeltas.ts';
import type { EventFeed } from './eventFeed.ts';
import type { RoleHistory } from './roleHistory.ts';
import type { ScriptDelta } from './recording.ts';
import { drawnRole } from './roleHistory.ts';

export interface Trackers {
  readonly logs: LogDeltas;
  readonly machines: MachineDeltas;
  readonly snapshots: SnapshotDeltas;
  readonly configs: ConfigDeltas;
  readonly events: EventFeed;
  readonly history: RoleHistory;
}

export interface SnapshotInput {
  readonly cluster: ClusterState;
  readonly trackers: Trackers;
  /** Send everything, not only what changed since the previous snapshot. */
  readonly full: boolean;
  /** Send the whole events list: the view moved to another moment. */
  readonly eventsReset: boolean;
  /** Null when unchanged since the previous snapshot. */
  readonly script: ScriptDelta | null;
  readonly setup: readonly string[] | null;
  readonly timeline: TimelineView;
}

export function buildSnapshot({ cluster: s, trackers, full, eventsReset, script, setup, timeline }: SnapshotInput): Snapshot {
  if (full) {
    trackers.logs.reset();
    trackers.machines.reset();
    trackers.snapshots.reset();
    trackers.configs.reset();
  }
  const logs = [];
  const machines: MachineDelta[] = [];
  const snapshots: SnapshotDelta[] = [];
  const configs: ConfigDelta[] = [];
  for (const id of s.ids) {
    const n = s.nodes[id];
    const d = trackers.logs.delta(id, n.persistent.log);
    if (d !== null) logs.push(d);
    const m = trackers.machines.delta(id, n.volatile?.machine ?? null);
    if (m !== null) machines.push(m);
    const sn = trackers.snapshots.delta(id, n.persistent.snapshot);
    if (sn !== null) snapshots.push(sn);
    const c = trackers.configs.delta(id, n.persistent, s.config, s.ids);
    if (c !== null) configs.push(c);
  }
  return {
    reset: full,
    time: s.time,
    event: s.event,
    config: s.config,
    ids: s.ids,
    leader: currentLeader(s),
    nodes: s.ids.map((id) => nodeView(s, s.nodes[id])),
    logs,
    machines,
    snapshots,
    configs,
    clientIds: s.clientIds,
    clients: s.clientIds.map((c) => clientView(s, c)),
    messages: inOrder(s.inFlight).map(messageView),
    cuts: Object.keys(s.cuts).sort(),
    events: trackers.events.take(full || eventsReset),
    eventsReset: full || eventsReset,
    history: trackers.history.take(full),
    violationCount: s.violations.length,
    violations: firstOfEach(s.violations),
    stats: { ...s.stats, probes: { ...s.stats.probes } },
    script,
    setup,
    timeline,
  };
}

/**
 * The first violation of each invariant, in the order they happened: at most one
 * per invariant, so a run that breaks one property over and over sends little,
 * and the count says how many there are in all.
 */
function firstOfEach(all: readonly Violation[]): ViolationView[] {
  const seen = new Set<InvariantName>();
  const out: ViolationView[] = [];
  for (const v of all) {
    if (seen.has(v.invariant)) continue;
    seen.add(v.invariant);
    out.push({ invariant: v.invariant, event: v.event, time: v.time, detail: v.detail, nodes: v.nodes, index: v.index });
    if (out.length === INVARIANTS.length) break;
  }
  return out;
}

function nodeView(s: ClusterState, n: NodeState): NodeView {
  const v = n.volatile;
  const p = n.persistent;
  const t = s.timers[n.id];
  return {
    id: n.id,
    up: v !== null,
    role: drawnRole(n),
    term: p.currentTerm,
    votedFor: p.votedFor,
    commitIndex: v?.commitIndex ?? 0,
    leader: v?.leader ?? null,
    leaderHeardAt: v?.role === 'follower' ? v.leaderHeardAt : null,
    logLength: lastIndex(p.log),
    pre: v?.role === 'candidate' && v.pre,
    votes: v?.role === 'candidate' ? v.votes : null,
    progress: v?.role === 'leader' ? v.progress : null,
    electionTimer: t.election && { setAt: t.election.setAt, at: t.election.at },
    heartbeatTimer: t.heartbeat && { setAt: t.heartbeat.setAt, at: t.heartbeat.at },
    change: v?.role === 'leader' && v.change !== null ? { asked: v.change.asked, target: v.change.target } : null,
    transfer: v?.role === 'leader' && v.transfer !== null ? { target: v.transfer.target, sent: v.transfer.sent } : null,
  };
}

function clientView(s: ClusterState, id: ClientId): ClientView {
  const c = s.clients[id];
  const t = s.clientTimers[id];
  return {
    id,
    pending: c.pending && { serial: c.pending.serial, op: c.pending.op, target: c.pending.target, attempts: c.pending.attempts },
    queued: c.queue.length,
    leaderGuess: c.leaderGuess,
    timer: t && { setAt: t.setAt, at: t.at },
  };
}

function messageView(m: Message): MessageView {
  if (m.type !== 'AppendEntries') return m;
  const { entries, ...rest } = m;
  return { ...rest, entryCount: entries.length, entryTerms: entries.slice(0, 20).map((e) => e.term) };
}
