/**
 * The whole state of a simulated cluster as one plain, JSON-safe object: nodes,
 * network, clock, timers, random generator and invariant checker. Nothing about a
 * run lives anywhere else, so `cloneCluster` (or a JSON round trip) captures it
 * exactly, and a restored copy continues exactly as the original would.
 */
import type { ClusterConfig, Message, NodeId, NodeState } from '../types.ts';
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

export const CLUSTER_FORMAT = 1;

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

/** A link is undirected; its key names the lower-numbered node first. */
export const linkKey = (a: NodeId, b: NodeId): string =>
  nodeNumber(a) < nodeNumber(b) ? `${a}-${b}` : `${b}-${a}`;

export function createCluster(config: ClusterConfig, nodes?: Record<NodeId, NodeState>): ClusterState {
  const ids = nodeIds(config.nodes);
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
    inFlight: [],
    cuts: {},
    stats: { messages: 0, rejections: 0, lost: 0, probes: {} },
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
    inFlight: s.inFlight.slice(),
    cuts: { ...s.cuts },
    stats: { ...s.stats, probes: { ...s.stats.probes } },
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
