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
import type { ClientId, ClusterConfig, KvOp, Message, NodeId } from '../types.ts';
import { hostsOf, type NodeEvent, type RunLog } from './runLog.ts';

export const TRACE_VERSION = 1;

export interface TraceJson {
  readonly version: typeof TRACE_VERSION;
  readonly generator: 'raftviz';
  /** One per cluster the script set up (`cluster` or `preset` line), in order; most scripts have one. */
  readonly runs: readonly TraceRun[];
}

export interface TraceRun {
  readonly config: ClusterConfig;
  /** `n1`..`nN`: hosts of the clocks. */
  readonly nodes: readonly NodeId[];
  /** `c1`..`cN` (empty without clients): hosts of the clocks too, after the nodes. */
  readonly clients: readonly ClientId[];
  /** As the simulator emits them (events.ts): `type`, `event` (0 for what a preset's boot found), `time` in ms, and the fields of that type. */
  readonly records: readonly EventRecord[];
  /** Every happening at a host (a node or a client), in order, with its clock right after it. */
  readonly nodeEvents: readonly TraceNodeEvent[];
}

interface TraceStamp {
  /** The host: a node, or a client (`c1`...). */
  readonly node: NodeId | ClientId;
  readonly event: number;
  readonly time: number;
  /** Host id -> count, nodes first then clients, each in number order, zero entries left out. */
  readonly clock: VectorClock;
}

/**
 * A message as a trace names it: id, type, ends and term, and for the clients'
 * messages their payload too (the same fields `--json` shows of one in flight),
 * since a client message is read by what it asks or answers.
 */
export type TraceMessage =
  | MessageSummary
  | (MessageSummary & { readonly type: 'ClientRequest'; readonly serial: number; readonly op: KvOp })
  | (MessageSummary & { readonly type: 'ClientReply'; readonly serial: number; readonly result: string })
  | (MessageSummary & { readonly type: 'NotLeader'; readonly serial: number; readonly leaderHint: NodeId | null });

export type TraceNodeEvent =
  | (TraceStamp & { readonly kind: 'local'; readonly cause: LocalCause })
  /** A send and its receive carry the same message id. */
  | (TraceStamp & { readonly kind: 'send'; readonly message: TraceMessage })
  | (TraceStamp & { readonly kind: 'receive'; readonly message: TraceMessage });

export function toTraceJson(logs: readonly RunLog[]): TraceJson {
  return { version: TRACE_VERSION, generator: 'raftviz', runs: logs.map(traceRun) };
}

function traceRun(log: RunLog): TraceRun {
  const hosts = hostsOf(log);
  return { config: log.config, nodes: log.nodes, clients: log.clients, records: log.records, nodeEvents: log.nodeEvents.map((e) => traceNodeEvent(e, hosts)) };
}

function traceNodeEvent(e: NodeEvent, hosts: readonly string[]): TraceNodeEvent {
  const { node, event, time } = e;
  const clock = inHostOrder(e.clock, hosts);
  if (e.kind === 'local') return { node, event, time, clock, kind: e.kind, cause: e.cause };
  return { node, event, time, clock, kind: e.kind, message: traceMessage(e.message) };
}

export function traceMessage(m: Message): TraceMessage {
  const { id, from, to, term } = m;
  switch (m.type) {
    case 'ClientRequest':
      return { id, type: m.type, from, to, term, serial: m.serial, op: m.op };
    case 'ClientReply':
      return { id, type: m.type, from, to, term, serial: m.serial, result: m.result };
    case 'NotLeader':
      return { id, type: m.type, from, to, term, serial: m.serial, leaderHint: m.leaderHint };
    default:
      return { id, type: m.type, from, to, term };
  }
}

function inHostOrder(c: VectorClock, ids: readonly string[]): VectorClock {
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
  campaignRefused: true,
  snapshotTaken: true,
  snapshotSkipped: true,
  snapshotSent: true,
  snapshotInstalled: true,
  snapshotIgnored: true,
  snapshotAcknowledged: true,
  changeStarted: true,
  changeRefused: true,
  changeWaiting: true,
  configAppended: true,
  configAdopted: true,
  learnerCaughtUp: true,
  changeDone: true,
  changeAborted: true,
  transferStarted: true,
  transferRefused: true,
  timeoutNowSent: true,
  timeoutNowReceived: true,
  transferAborted: true,
  requestHeld: true,
};
export const RECORD_TYPES = Object.keys(RECORD_TYPE_SET) as RecordType[];

/** Likewise for the causes of a local happening. */
const LOCAL_CAUSE_SET: Record<LocalCause, true> = {
  'election-timer': true,
  'heartbeat-timer': true,
  campaign: true,
  propose: true,
  snapshot: true,
  change: true,
  transfer: true,
  crash: true,
  restart: true,
  'client-timer': true,
  'client-issue': true,
};
export const LOCAL_CAUSES = Object.keys(LOCAL_CAUSE_SET) as LocalCause[];
