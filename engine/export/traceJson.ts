/**
 * A run as one JSON document: every event record with its time and event number,
 * every happening at a node with its vector clock, and for each cluster the
 * config and node ids. trace.schema.json (next to this file) is the same contract
 * as a JSON Schema, for readers in other languages.
 *
 * Versioned: `version` changes whenever a field is removed or changes meaning, so
 * a reader can refuse a trace it does not know. Adding a record type or a field is
 * not a new version; readers should ignore what they do not know.
 */
import type { EventRecord, MessageSummary, RecordType } from '../events.ts';
import type { LocalCause } from '../sim/causality.ts';
import type { VectorClock } from '../sim/vectorClock.ts';
import type { ClusterConfig, NodeId } from '../types.ts';
import type { NodeEvent, RunLog } from './runLog.ts';

export const TRACE_VERSION = 1;

export interface TraceJson {
  readonly version: typeof TRACE_VERSION;
  readonly generator: 'raftviz';
  /** One per cluster the script set up (`cluster` or `preset` line), in order; most scripts have one. */
  readonly runs: readonly TraceRun[];
}

export interface TraceRun {
  readonly config: ClusterConfig;
  /** `n1`..`nN`, the hosts of the clocks. */
  readonly nodes: readonly NodeId[];
  /** As the simulator emits them (events.ts): `type`, `event` (0 for what a preset's boot found), `time` in ms, and the fields of that type. */
  readonly records: readonly EventRecord[];
  /** Every happening at a node, in order, with the node's clock right after it. */
  readonly nodeEvents: readonly TraceNodeEvent[];
}

interface TraceStamp {
  readonly node: NodeId;
  readonly event: number;
  readonly time: number;
  /** Node id -> count, in node order, zero entries left out. */
  readonly clock: VectorClock;
}

export type TraceNodeEvent =
  | (TraceStamp & { readonly kind: 'local'; readonly cause: LocalCause })
  /** A send and its receive carry the same message id. */
  | (TraceStamp & { readonly kind: 'send'; readonly message: MessageSummary })
  | (TraceStamp & { readonly kind: 'receive'; readonly message: MessageSummary });

export function toTraceJson(logs: readonly RunLog[]): TraceJson {
  return { version: TRACE_VERSION, generator: 'raftviz', runs: logs.map(traceRun) };
}

function traceRun(log: RunLog): TraceRun {
  return { config: log.config, nodes: log.nodes, records: log.records, nodeEvents: log.nodeEvents.map((e) => traceNodeEvent(e, log.nodes)) };
}

function traceNodeEvent(e: NodeEvent, ids: readonly NodeId[]): TraceNodeEvent {
  const { node, event, time } = e;
  const clock = inNodeOrder(e.clock, ids);
  if (e.kind === 'local') return { node, event, time, clock, kind: e.kind, cause: e.cause };
  const m = e.message;
  const message = { id: m.id, type: m.type, from: m.from, to: m.to, term: m.term };
  return { node, event, time, clock, kind: e.kind, message };
}

function inNodeOrder(c: VectorClock, ids: readonly NodeId[]): VectorClock {
  const out: Record<NodeId, number> = {};
  for (const id of ids) if (c[id] !== undefined) out[id] = c[id];
  return out;
}

/**
 * Every record type a trace may hold. The compiler checks this names every
 * RecordType, and a test checks that trace.schema.json lists the same.
 */
const RECORD_TYPE_SET: Record<RecordType, true> = {
  electionTimeout: true,
  becameCandidate: true,
  becameLeader: true,
  becameFollower: true,
  voteGranted: true,
  voteRefused: true,
  voteCounted: true,
  voteIgnored: true,
  appendAccepted: true,
  appendRejected: true,
  truncated: true,
  matchAdvanced: true,
  nextIndexBackedOff: true,
  quorumChecked: true,
  probeSettled: true,
  staleResponse: true,
  commitAdvanced: true,
  commitDeferred: true,
  heartbeat: true,
  proposed: true,
  proposalRefused: true,
  crashed: true,
  restarted: true,
  linkCut: true,
  linkHealed: true,
  messageLost: true,
  violation: true,
  clientInvoked: true,
  clientQueued: true,
  clientRetried: true,
  clientReturned: true,
  notLeader: true,
  commandAppended: true,
  duplicateAnswered: true,
  duplicatePending: true,
  applied: true,
  readQueued: true,
  readServed: true,
  readsDropped: true,
  workloadScheduled: true,
};
export const RECORD_TYPES = Object.keys(RECORD_TYPE_SET) as RecordType[];

/** Likewise for the causes of a local happening. */
const LOCAL_CAUSE_SET: Record<LocalCause, true> = {
  'election-timer': true,
  'heartbeat-timer': true,
  campaign: true,
  propose: true,
  crash: true,
  restart: true,
  'client-timer': true,
  'client-issue': true,
};
export const LOCAL_CAUSES = Object.keys(LOCAL_CAUSE_SET) as LocalCause[];
