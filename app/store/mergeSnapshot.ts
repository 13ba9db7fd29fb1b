/**
 * Folds a snapshot from the worker into what the page holds. Snapshots arrive up
 * to once a frame, but most of what they carry has not changed, so this keeps
 * the previous object wherever the new one is equal: components that select it
 * then see the same reference and do not re-render.
 */
import type { ClientId, ClusterConfig, LogView, NodeId, Snapshot as RaftSnapshot, StateMachine } from '../../engine/types.ts';
import { DEFAULT_CONFIG } from '../../engine/config.ts';
import { applyLogDelta, EMPTY_LOG_VIEW } from '../worker/logDeltas.ts';
import { applyScriptDelta } from '../worker/recording.ts';
import { trimEvents } from '../worker/eventWindow.ts';
import {
  type ClientView,
  type ConfigDelta,
  type EventView,
  type MessageView,
  type NodeView,
  type RoleSpan,
  type Snapshot,
  type StatsView,
  type TimelineView,
  type ViolationView,
} from '../worker/viewModel.ts';

export interface SimData {
  /** False until the first snapshot arrives. */
  readonly loaded: boolean;
  readonly time: number;
  readonly event: number;
  readonly config: ClusterConfig;
  readonly ids: readonly NodeId[];
  readonly leader: NodeId | null;
  readonly nodes: Readonly<Record<NodeId, NodeView>>;
  /** Each node's log as it starts after its snapshot (§7): index `start + 1` is `entries[0]`. */
  readonly logs: Readonly<Record<NodeId, LogView>>;
  /** Each node's state machine; null while the node is down. */
  readonly machines: Readonly<Record<NodeId, StateMachine | null>>;
  /** Each node's snapshot (§7); null when it has none. Persistent: a crashed node keeps it. */
  readonly snapshots: Readonly<Record<NodeId, RaftSnapshot | null>>;
  /** The configuration each node uses (§6), and the index it came from (0: the initial one). Persistent. */
  readonly configs: Readonly<Record<NodeId, ConfigView>>;
  readonly clientIds: readonly ClientId[];
  readonly clients: Readonly<Record<ClientId, ClientView>>;
  readonly messages: readonly MessageView[];
  readonly cuts: ReadonlySet<string>;
  /** Oldest first. */
  readonly events: readonly EventView[];
  readonly history: Readonly<Record<NodeId, readonly RoleSpan[]>>;
  readonly violationCount: number;
  readonly violations: readonly ViolationView[];
  readonly stats: StatsView;
  readonly script: readonly string[];
  readonly setup: readonly string[];
  /** Where the view stands in the recorded run. */
  readonly timeline: TimelineView;
}

/** A node's configuration as the page holds it: a ConfigDelta without its node. */
export type ConfigView = Omit<ConfigDelta, 'node'>;

export const emptySimData: SimData = {
  loaded: false,
  time: 0,
  event: 0,
  config: DEFAULT_CONFIG,
  ids: [],
  leader: null,
  nodes: {},
  logs: {},
  machines: {},
  snapshots: {},
  configs: {},
  clientIds: [],
  clients: {},
  messages: [],
  cuts: new Set(),
  events: [],
  history: {},
  violationCount: 0,
  violations: [],
  stats: { messages: 0, rejections: 0, lost: 0, probes: {} },
  script: [],
  setup: [],
  timeline: { length: 0, headTime: 0, live: true, canUndo: false, canRedo: false },
};

export function mergeSnapshot(prev: SimData, s: Snapshot): SimData {
  const base = s.reset ? { ...emptySimData, nodes: prev.nodes, clients: prev.clients, messages: prev.messages } : prev;
  return {
    loaded: true,
    time: s.time,
    event: s.event,
    config: sameJson(base.config, s.config) ? base.config : s.config,
    ids: sameList(base.ids, s.ids) ? base.ids : s.ids,
    leader: s.leader,
    nodes: mergeNodes(base.nodes, s.nodes),
    logs: mergeLogs(base.logs, s),
    machines: mergeMachines(base.machines, s),
    snapshots: mergeSnapshots(base.snapshots, s),
    configs: mergeConfigs(base.configs, s),
    clientIds: sameList(base.clientIds, s.clientIds) ? base.clientIds : s.clientIds,
    clients: mergeClients(base.clients, s.clients),
    messages: mergeMessages(base.messages, s.messages),
    cuts: sameList([...base.cuts], s.cuts) ? base.cuts : new Set(s.cuts),
    events: s.eventsReset ? s.events : s.events.length === 0 ? base.events : trimEvents([...base.events, ...s.events]),
    history: Object.keys(s.history).length === 0 ? base.history : { ...base.history, ...s.history },
    violationCount: s.violationCount,
    violations: s.violationCount === base.violationCount && !s.reset ? base.violations : s.violations,
    stats: mergeStats(base.stats, s.stats),
    script: s.script === null ? base.script : applyScriptDelta(base.script, s.script),
    setup: s.setup === null || sameList(base.setup, s.setup) ? base.setup : s.setup,
    timeline: sameJson(base.timeline, s.timeline) ? base.timeline : s.timeline,
  };
}

/** The counters change with every message; the probe counts rarely, so they keep their reference for the log view. */
function mergeStats(prev: StatsView, next: StatsView): StatsView {
  if (sameJson(prev, next)) return prev;
  return sameJson(prev.probes, next.probes) ? { ...next, probes: prev.probes } : next;
}

function mergeNodes(prev: Readonly<Record<NodeId, NodeView>>, views: readonly NodeView[]): Record<NodeId, NodeView> {
  const out: Record<NodeId, NodeView> = {};
  for (const v of views) {
    const p = prev[v.id];
    out[v.id] = p !== undefined && sameJson(p, v) ? p : v;
  }
  return out;
}

function mergeLogs(prev: Readonly<Record<NodeId, LogView>>, s: Snapshot): Record<NodeId, LogView> {
  const out: Record<NodeId, LogView> = {};
  for (const id of s.ids) out[id] = prev[id] ?? EMPTY_LOG_VIEW;
  // The other logs are passed so that entries the nodes have in common are held once (see applyLogDelta).
  for (const d of s.logs) out[d.node] = applyLogDelta(out[d.node], d, Object.values(out));
  return out;
}

/** Machines arrive only when they changed; a node no longer in the cluster loses its own. */
function mergeMachines(prev: Readonly<Record<NodeId, StateMachine | null>>, s: Snapshot): Readonly<Record<NodeId, StateMachine | null>> {
  if (s.machines.length === 0 && Object.keys(prev).length === s.ids.length) return prev;
  const out: Record<NodeId, StateMachine | null> = {};
  for (const id of s.ids) out[id] = prev[id] ?? null;
  for (const d of s.machines) out[d.node] = d.machine;
  return out;
}

/** Like machines: snapshots arrive only when they changed. */
function mergeSnapshots(prev: Readonly<Record<NodeId, RaftSnapshot | null>>, s: Snapshot): Readonly<Record<NodeId, RaftSnapshot | null>> {
  if (s.snapshots.length === 0 && Object.keys(prev).length === s.ids.length) return prev;
  const out: Record<NodeId, RaftSnapshot | null> = {};
  for (const id of s.ids) out[id] = prev[id] ?? null;
  for (const d of s.snapshots) out[d.node] = d.snapshot;
  return out;
}

/** Like machines: configurations arrive only when they changed, which is seldom (§6). */
function mergeConfigs(prev: Readonly<Record<NodeId, ConfigView>>, s: Snapshot): Readonly<Record<NodeId, ConfigView>> {
  if (s.configs.length === 0 && Object.keys(prev).length === s.ids.length) return prev;
  const out: Record<NodeId, ConfigView> = {};
  for (const id of s.ids) if (prev[id] !== undefined) out[id] = prev[id];
  for (const d of s.configs) out[d.node] = { config: d.config, index: d.index };
  return out;
}

/** Like nodes: a client whose view is unchanged keeps its object, and the record its reference when none changed. */
function mergeClients(prev: Readonly<Record<ClientId, ClientView>>, views: readonly ClientView[]): Readonly<Record<ClientId, ClientView>> {
  let changed = Object.keys(prev).length !== views.length;
  const out: Record<ClientId, ClientView> = {};
  for (const v of views) {
    const p = prev[v.id];
    const same = p !== undefined && sameJson(p, v);
    out[v.id] = same ? p : v;
    if (!same) changed = true;
  }
  return changed ? out : prev;
}

/** Messages never change while in flight, so one with a known id is the same message. */
function mergeMessages(prev: readonly MessageView[], next: readonly MessageView[]): readonly MessageView[] {
  if (prev.length === next.length && prev.every((m, i) => m.id === next[i].id)) return prev;
  const known = new Map(prev.map((m) => [m.id, m]));
  return next.map((m) => known.get(m.id) ?? m);
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** Structural equality for small plain objects (a node view, the config). Key order is the worker's, fixed. */
const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
