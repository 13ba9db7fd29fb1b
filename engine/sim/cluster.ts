/**
 * The whole state of a simulated cluster as one plain, JSON-safe object: nodes,
 * network, clock, timers, random generator and invariant checker. Nothing about a
 * run lives anywhere else, so `cloneCluster` (or a JSON round trip) captures it
 * exactly, and a restored copy continues exactly as the original would.
 */
import { MESSAGE_TYPES, type ClientId, type ClusterConfig, type KvOp, type Message, type MessageType, type NodeId, type NodeState } from '../types.ts';
import { createClient, type ClientState } from '../client/client.ts';
import type { HistoryEvent } from '../linearize/history.ts';
import { emptyList, type ChunkedList } from '../raft/chunkedList.ts';
import { cloneChecker, emptyChecker, type CheckerState, type Violation } from '../check/invariants.ts';
import { createNode } from '../raft/node.ts';
import { seedState } from './rng.ts';

/** A pending timer. `setAt` lets a view draw how much of the timeout has elapsed. */
export interface Timer {
  readonly at: number;
  readonly setAt: number;
  readonly seq: number;
}

export interface NodeTimers {
  readonly election: Timer | null;
  readonly heartbeat: Timer | null;
}

export interface ClusterStats {
  /** Messages handed to the network, including the ones it lost. */
  messages: number;
  /** The same, by message type (every type present, 0 included): what clients cost the cluster in messages. */
  readonly byType: Record<MessageType, number>;
  /** Rejected AppendEntries requests. */
  rejections: number;
  /** Messages lost to cut links, crashed receivers or `drop`. */
  lost: number;
  /** Per follower, what leaders spent probing its log (§5.3), over the whole run. */
  probes: Record<NodeId, ProbeCount>;
}

export interface ProbeCount {
  /** AppendEntries it rejected that made a leader back off. */
  readonly rejections: number;
  /** Those rejections, plus the success that ended each probe. */
  readonly roundTrips: number;
}

/** A count of 0 for every message type, in MESSAGE_TYPES order. */
export function emptyByType(): Record<MessageType, number> {
  const out = {} as Record<MessageType, number>;
  for (const t of MESSAGE_TYPES) out[t] = 0;
  return out;
}

/** An operation a `workload` will hand to a client at a set time. */
export interface ScheduledOp {
  readonly at: number;
  readonly seq: number;
  readonly client: ClientId;
  readonly op: KvOp;
}

/**
 * The operations still to come from `workload` commands, in order of (at, seq).
 * `ops` is never changed (copies share it); `next` moves along it.
 */
export interface Workload {
  readonly ops: readonly ScheduledOp[];
  next: number;
}

export const CLUSTER_FORMAT = 3;

export interface ClusterState {
  readonly format: typeof CLUSTER_FORMAT;
  readonly config: ClusterConfig;
  /** Simulated time in ms. */
  time: number;
  /** Number of the last event processed; events are numbered from 1. */
  event: number;
  /** Next sequence number; every scheduled message or timer takes one. */
  seq: number;
  rng: number;
  nextMessageId: number;
  readonly ids: readonly NodeId[];
  readonly nodes: Record<NodeId, NodeState>;
  readonly timers: Record<NodeId, NodeTimers>;
  /** Clients `c1..cN`, actors on the network like the nodes (§8). */
  readonly clientIds: readonly ClientId[];
  readonly clients: Record<ClientId, ClientState>;
  /** Each client's request timeout, while it waits for an answer. */
  readonly clientTimers: Record<ClientId, Timer | null>;
  workload: Workload | null;
  /** Writes a `workload` has made up so far: its values are numbered by this. */
  values: number;
  /** Every invocation and answer, in order: the client history (linearize/history.ts). Shared between copies. */
  history: ChunkedList<HistoryEvent>;
  /** Binary heap: see flightQueue.ts. */
  readonly inFlight: Message[];
  /** Cut links, keyed by `linkKey`. */
  readonly cuts: Record<string, true>;
  readonly stats: ClusterStats;
  readonly checker: CheckerState;
  /** Every violation found, in order. Never trimmed. */
  readonly violations: Violation[];
}

export const nodeIds = (count: number): NodeId[] => Array.from({ length: count }, (_, i) => `n${i + 1}`);

/** `n1..n9` compare by number, so `n2` sorts before `n10`-style names would. */
export const nodeNumber = (id: NodeId): number => Number(id.slice(1));

export const isClientId = (id: string): boolean => id.startsWith('c');

/** Nodes before clients, each in number order: how link keys and lists name them. */
const rank = (id: string): number => (isClientId(id) ? 100 : 0) + nodeNumber(id);

/** A link is undirected; its key names the lower-ranked end first (a node before a client): `n1-n3`, `n2-c1`. */
export const linkKey = (a: string, b: string): string => (rank(a) < rank(b) ? `${a}-${b}` : `${b}-${a}`);

export function createCluster(config: ClusterConfig, nodes?: Record<NodeId, NodeState>): ClusterState {
  const ids = nodeIds(config.nodes);
  const clientIds = Array.from({ length: config.clients }, (_, i) => `c${i + 1}`);
  const clients: Record<ClientId, ClientState> = {};
  const clientTimers: Record<ClientId, Timer | null> = {};
  for (const c of clientIds) {
    clients[c] = createClient(c);
    clientTimers[c] = null;
  }
  const timers: Record<NodeId, NodeTimers> = {};
  const all: Record<NodeId, NodeState> = {};
  for (const id of ids) {
    all[id] = nodes?.[id] ?? createNode(id);
    timers[id] = { election: null, heartbeat: null };
  }
  return {
    format: CLUSTER_FORMAT,
    config,
    time: 0,
    event: 0,
    seq: 0,
    rng: seedState(config.seed),
    nextMessageId: 1,
    ids,
    nodes: all,
    timers,
    clientIds,
    clients,
    clientTimers,
    workload: null,
    values: 0,
    history: emptyList(),
    inFlight: [],
    cuts: {},
    stats: { messages: 0, byType: emptyByType(), rejections: 0, lost: 0, probes: {} },
    checker: emptyChecker(),
    violations: [],
  };
}

/**
 * An independent copy. Node states and messages are immutable (see types.ts), so
 * they are shared; only the containers the simulator mutates are copied.
 */
export function cloneCluster(s: ClusterState): ClusterState {
  return {
    ...s,
    nodes: { ...s.nodes },
    timers: { ...s.timers },
    clients: { ...s.clients },
    clientTimers: { ...s.clientTimers },
    workload: s.workload === null ? null : { ops: s.workload.ops, next: s.workload.next },
    inFlight: s.inFlight.slice(),
    cuts: { ...s.cuts },
    stats: { ...s.stats, byType: { ...s.stats.byType }, probes: { ...s.stats.probes } },
    checker: cloneChecker(s.checker),
    violations: s.violations.slice(),
  };
}

/** The up leader with the highest term, if any. */
export function currentLeader(s: ClusterState): NodeId | null {
  let best: NodeId | null = null;
  let bestTerm = -1;
  for (const id of s.ids) {
    const n = s.nodes[id];
    if (n.volatile?.role === 'leader' && n.persistent.currentTerm > bestTerm) {
      best = id;
      bestTerm = n.persistent.currentTerm;
    }
  }
  return best;
}
