/**
 * The discrete-event simulator. It owns time, randomness and the network, and it
 * is the only code that changes a ClusterState. Events are message arrivals and
 * timer firings, processed in order of (time, sequence number); commands from a
 * scenario (crash, cut, propose, ...) are events too, numbered in the same series.
 *
 * After every event the invariant checker looks at what changed.
 *
 * An Emit may carry a causal observer (causality.ts): it is then told of each
 * happening at a node (a receive, a send, a timer or a command), which is what
 * vector clocks are built from. Without one, the simulator does exactly what it
 * did before, at the cost of one property check per happening.
 */
import type { EventRecord, LossReason, RecordBody } from '../events.ts';
import type { Flight, Message, MessageType, NodeId, Outgoing } from '../types.ts';
import type { Input } from '../raft/node.ts';
import { crashNode, createNode, isUp, restartNode, stepInto } from '../raft/node.ts';
import { applyCommitted } from '../raft/apply.ts';
import { newEffects, type Effects } from '../raft/effects.ts';
import { lastIndex } from '../raft/log.ts';
import type { TimerRequest } from '../raft/effects.ts';
import { clocked, nodeContext, type ClockedContext } from '../raft/context.ts';
import { membership, votesIn } from '../raft/configs.ts';
import { configOf } from '../raft/membership.ts';
import { checkNodeChange } from '../check/invariants.ts';
import { type ClusterState, type ScheduledOp, type Timer, currentLeader, isClientId, linkKey } from './cluster.ts';
import type { CausalObserver, LocalCause } from './causality.ts';
import * as flights from './flightQueue.ts';
import { drawInt } from './rng.ts';
import { LIMITS } from '../config.ts';
import type { ChangeRequest, ClientId, KvOp } from '../types.ts';
import { newClientEffects, stepClient, type ClientInput } from '../client/client.ts';
import { push as pushList } from '../raft/chunkedList.ts';

/** Receives every record as it is produced; optionally, every happening too. */
export interface Emit {
  (r: EventRecord): void;
  readonly causal?: CausalObserver;
}
export const ignore: Emit = () => {};

/** `emit`, with `observer` told of every happening at a node. */
export const observe = (emit: Emit, observer: CausalObserver): Emit => Object.assign((r: EventRecord) => emit(r), { causal: observer });

/** Report a local happening at `node`, if anyone listens (the check comes first, so an unobserved run allocates nothing). */
function local(s: ClusterState, node: NodeId, cause: LocalCause, emit: Emit): void {
  const observer = emit.causal;
  if (observer !== undefined) observer({ kind: 'local', node, cause, event: s.event, time: s.time });
}

export type Due =
  | { readonly kind: 'message'; readonly at: number; readonly seq: number }
  | { readonly kind: 'timer'; readonly at: number; readonly seq: number; readonly node: NodeId; readonly timer: 'election' | 'heartbeat' }
  /** A client's request timed out. */
  | { readonly kind: 'client-timer'; readonly at: number; readonly seq: number; readonly client: ClientId }
  /** A `workload` hands its next operation to a client. */
  | { readonly kind: 'workload'; readonly at: number; readonly seq: number };

/** True if `x` is due before the best so far, (`at`, `seq`); ties in time go to the lower sequence number. */
const earlier = (x: { readonly at: number; readonly seq: number }, at: number, seq: number): boolean => x.at < at || (x.at === at && x.seq < seq);

/**
 * The next event, or null if nothing is pending. With `messagesOnly`, timers are held.
 * (Called before every event: it scans with plain locals and allocates only its answer.)
 */
export function nextDue(s: ClusterState, messagesOnly = false): Due | null {
  const top = flights.peek(s.inFlight);
  let at = top === undefined ? Infinity : top.arrivesAt;
  let seq = top === undefined ? Infinity : top.seq;
  let node: NodeId | null = null;
  let timer: 'election' | 'heartbeat' = 'election';
  if (!messagesOnly) {
    const ids = s.ids;
    for (let i = 0; i < ids.length; i++) {
      const t = s.timers[ids[i]];
      const e = t.election;
      if (e !== null && earlier(e, at, seq)) {
        at = e.at;
        seq = e.seq;
        node = ids[i];
        timer = 'election';
      }
      const h = t.heartbeat;
      if (h !== null && earlier(h, at, seq)) {
        at = h.at;
        seq = h.seq;
        node = ids[i];
        timer = 'heartbeat';
      }
    }
  }
  let client: ClientId | null = null;
  let workload = false;
  if (!messagesOnly) {
    const cs = s.clientIds;
    for (let i = 0; i < cs.length; i++) {
      const t = s.clientTimers[cs[i]];
      if (t !== null && earlier(t, at, seq)) {
        at = t.at;
        seq = t.seq;
        client = cs[i];
        node = null;
      }
    }
    const w = s.workload;
    if (w !== null && w.next < w.ops.length && earlier(w.ops[w.next], at, seq)) {
      at = w.ops[w.next].at;
      seq = w.ops[w.next].seq;
      workload = true;
      client = null;
      node = null;
    }
  }
  if (workload) return { kind: 'workload', at, seq };
  if (client !== null) return { kind: 'client-timer', at, seq, client };
  if (node !== null) return { kind: 'timer', at, seq, node, timer };
  return top === undefined ? null : { kind: 'message', at, seq };
}

/** Process the next event. Returns false if there was none. */
export function processNext(s: ClusterState, emit: Emit, messagesOnly = false): boolean {
  const due = nextDue(s, messagesOnly);
  if (due === null) return false;
  processDue(s, due, emit);
  return true;
}

/** Process `due`, which `nextDue` has just returned (for callers that look at it first). */
export function processDue(s: ClusterState, due: Due, emit: Emit): void {
  s.time = due.at;
  s.event++;
  if (due.kind === 'message') deliver(s, flights.pop(s.inFlight)!, emit);
  else if (due.kind === 'client-timer') {
    s.clientTimers[due.client] = null;
    local(s, due.client, 'client-timer', emit);
    applyClientStep(s, due.client, CLIENT_TIMEOUT, emit);
  } else if (due.kind === 'workload') {
    const w = s.workload!;
    const next = w.ops[w.next];
    w.next++;
    if (w.next === w.ops.length) s.workload = null;
    local(s, next.client, 'client-issue', emit);
    applyClientStep(s, next.client, { kind: 'issue', op: next.op }, emit);
  } else {
    const t = s.timers[due.node];
    s.timers[due.node] = due.timer === 'election' ? { election: null, heartbeat: t.heartbeat } : { election: t.election, heartbeat: null };
    local(s, due.node, due.timer === 'election' ? 'election-timer' : 'heartbeat-timer', emit);
    applyStep(s, due.node, timerInput(s, due.node, due.timer), emit);
  }
}

const ELECTION_TIMEOUT: Input = { kind: 'electionTimeout', forced: false };
const CAMPAIGN: Input = { kind: 'electionTimeout', forced: true };
const SNAPSHOT: Input = { kind: 'snapshot' };
const HEARTBEAT_TIMEOUT: Input = { kind: 'heartbeatTimeout' };
const CHECK_QUORUM: Input = { kind: 'checkQuorum' };

/**
 * What a timer's firing means to its node. A leader runs an election timer only
 * with CheckQuorum, where it means "check the quorum" (thesis §6.2); for anyone
 * else it means an election timeout (§5.2).
 */
function timerInput(s: ClusterState, id: NodeId, timer: 'election' | 'heartbeat'): Input {
  if (timer === 'heartbeat') return HEARTBEAT_TIMEOUT;
  return s.nodes[id].volatile?.role === 'leader' ? CHECK_QUORUM : ELECTION_TIMEOUT;
}

function deliver(s: ClusterState, m: Message, emit: Emit): void {
  // Clients never crash: what reaches one is always received.
  if (m.type === 'ClientReply' || m.type === 'NotLeader') {
    const observer = emit.causal;
    if (observer !== undefined) observer({ kind: 'receive', node: m.to, message: m, event: s.event, time: s.time });
    applyClientStep(s, m.to, { kind: 'message', message: m }, emit);
    return;
  }
  if (!isUp(s.nodes[m.to])) return lose(s, m, 'receiver-down', emit);
  const observer = emit.causal;
  if (observer !== undefined) observer({ kind: 'receive', node: m.to, message: m, event: s.event, time: s.time });
  applyStep(s, m.to, m.type === 'ClientRequest' ? { kind: 'clientRequest', request: m } : { kind: 'message', message: m }, emit);
}

const CLIENT_TIMEOUT: ClientInput = { kind: 'timeout' };

/**
 * Step one client, then apply its effects as for a node: records (and the
 * history they make), its timer, and its requests.
 */
function applyClientStep(s: ClusterState, id: ClientId, input: ClientInput, emit: Emit): void {
  const fx = newClientEffects();
  s.clients[id] = stepClient(s.clients[id], input, s.ids, fx);
  for (const body of fx.records) {
    if (body.type === 'clientInvoked') {
      s.history = pushList(s.history, [{ type: 'invoke', client: id, serial: body.serial, op: body.op, time: s.time, event: s.event }]);
    } else if (body.type === 'clientReturned') {
      s.history = pushList(s.history, [{ type: 'return', client: id, serial: body.serial, result: body.result, time: s.time, event: s.event }]);
    }
    record(s, body, emit);
  }
  if (fx.timer === 'reset') s.clientTimers[id] = { at: s.time + s.config.clientTimeout, setAt: s.time, seq: s.seq++ };
  else if (fx.timer === 'stop') s.clientTimers[id] = null;
  for (const out of fx.outbox) send(s, out, emit);
}

/**
 * Node contexts derive from the config alone: cache them per config object (the
 * last one used is kept at hand, since a run steps through one config).
 */
const contexts = new WeakMap<object, Record<NodeId, ClockedContext>>();
let lastConfig: object | null = null;
let lastContexts: Record<NodeId, ClockedContext> = {};

function contextFor(s: ClusterState, id: NodeId): ClockedContext {
  if (s.config !== lastConfig) {
    let byNode = contexts.get(s.config);
    if (byNode === undefined) {
      byNode = {};
      // The initial configuration (`members=`, or every node): each node's until its log holds another (§6).
      const bootstrap = initialConfig(s.config, s.ids);
      for (const n of s.ids) byNode[n] = clocked(nodeContext(s.ids.filter((x) => x !== n), bootstrap, s.config.raft, s.config.election.min));
      contexts.set(s.config, byNode);
    }
    lastConfig = s.config;
    lastContexts = byNode;
  }
  return lastContexts[id];
}

/**
 * The accumulator every step's effects go into, drained and emptied after the
 * step (its arrays keep their capacity, so steps allocate none). A step that
 * starts while another is being applied (an `emit` that runs a simulation of
 * its own) gets a fresh one.
 */
const scratch: Effects = newEffects();
let applying = false;

/** Step one node, then apply its effects: records, timers, messages, and the invariant check. */
function applyStep(s: ClusterState, id: NodeId, input: Input, emit: Emit): void {
  const before = s.nodes[id];
  const ctx = contextFor(s, id);
  // The node's clock is the simulator's: every node reads the same simulated time.
  ctx.now = s.time;
  const nested = applying;
  const fx = nested ? newEffects() : scratch;
  applying = true;
  try {
    const after = stepInto(before, input, ctx, fx);
    s.nodes[id] = after;
    const records = fx.records;
    for (let i = 0; i < records.length; i++) {
      const body = records[i];
      if (body.type === 'appendRejected') s.stats.rejections++;
      else if (body.type === 'nextIndexBackedOff') countProbe(s, body.peer, 1);
      else if (body.type === 'probeSettled') countProbe(s, body.peer, 0);
      record(s, body, emit);
    }
    if (fx.election !== undefined) setTimer(s, id, 'election', fx.election);
    if (fx.heartbeat !== undefined) setTimer(s, id, 'heartbeat', fx.heartbeat);
    const outbox = fx.outbox;
    for (let i = 0; i < outbox.length; i++) send(s, outbox[i], emit);
    if (after !== before) check(s, before, after, emit);
  } finally {
    applying = nested;
    empty(fx.records);
    empty(fx.outbox);
    fx.election = undefined;
    fx.heartbeat = undefined;
  }
}

/** Empty an array but keep its storage (`length = 0` would free it, and the next push allocate it again). */
function empty(a: unknown[]): void {
  while (a.length > 0) a.pop();
}

/** A round trip of a leader's probe of `peer`'s log; `rejections` is 1 if it was refused. */
function countProbe(s: ClusterState, peer: NodeId, rejections: number): void {
  const c = s.stats.probes[peer] ?? { rejections: 0, roundTrips: 0 };
  s.stats.probes[peer] = { rejections: c.rejections + rejections, roundTrips: c.roundTrips + 1 };
}

function check(s: ClusterState, before: ClusterState['nodes'][string], after: ClusterState['nodes'][string], emit: Emit): void {
  // The cluster state is the observation: its event, time and nodes are as of now.
  const found = checkNodeChange(s.checker, before, after, s);
  for (let i = 0; i < found.length; i++) {
    const v = found[i];
    s.violations.push(v);
    record(s, { type: 'violation', invariant: v.invariant, detail: v.detail }, emit);
  }
}

function record(s: ClusterState, body: RecordBody, emit: Emit): void {
  if (emit !== ignore) emit({ ...body, event: s.event, time: s.time });
}

function setTimer(s: ClusterState, id: NodeId, which: 'election' | 'heartbeat', req: TimerRequest): void {
  let timer: Timer | null = null;
  if (req === 'reset') {
    let duration = s.config.heartbeat;
    if (which === 'election') {
      // §5.2: randomized election timeouts make split votes rare.
      duration = drawInt(s, s.config.election.min, s.config.election.max);
    }
    timer = { at: s.time + duration, setAt: s.time, seq: s.seq++ };
  }
  const t = s.timers[id];
  s.timers[id] = which === 'election' ? { election: timer, heartbeat: t.heartbeat } : { election: t.election, heartbeat: timer };
}

function send(s: ClusterState, out: Outgoing, emit: Emit): void {
  s.stats.messages++;
  s.stats.byType[out.type]++;
  const latency = drawInt(s, s.config.latency.min, s.config.latency.max);
  // A step's outbox holds fresh objects that nothing else references yet, so the
  // network stamps them in place (cheaper than copying); from here on they are frozen facts.
  const m = out as Outgoing & { -readonly [K in keyof Flight]: Flight[K] };
  m.id = s.nextMessageId++;
  m.sentAt = s.time;
  m.arrivesAt = s.time + latency;
  m.seq = s.seq++;
  const observer = emit.causal;
  if (observer !== undefined) observer({ kind: 'send', node: m.from, message: m, event: s.event, time: s.time });
  if (hasCuts(s) && s.cuts[linkKey(m.from, m.to)]) return lose(s, m, 'link-cut', emit);
  flights.push(s.inFlight, m);
}

function hasCuts(s: ClusterState): boolean {
  for (const _ in s.cuts) return true;
  return false;
}

function lose(s: ClusterState, m: Message, why: LossReason, emit: Emit): void {
  s.stats.lost++;
  record(s, { type: 'messageLost', message: { id: m.id, type: m.type, from: m.from, to: m.to, term: m.term }, why }, emit);
}

// ------------------------------------------------------------------ commands
// Each command is one event: it takes the next event number.

/** The cluster's initial configuration: the `members=` voters, or every node (§6). */
export const initialConfig = (config: ClusterState['config'], ids: readonly NodeId[]) => membership(config.members ?? ids);

/**
 * Start every up node's election timer (a fresh cluster, or a loaded preset).
 * A node outside the configuration has no election to start: its timer waits
 * for a leader's word (follower.ts).
 */
export function startTimers(s: ClusterState): void {
  for (const id of s.ids) {
    const v = s.nodes[id].volatile;
    if (v === null) continue;
    if (v.role === 'leader') setTimer(s, id, 'heartbeat', 'reset');
    else if (votesIn(configOf(s.nodes[id], contextFor(s, id)), id)) setTimer(s, id, 'election', 'reset');
  }
}

export function crash(s: ClusterState, id: NodeId, emit: Emit): void {
  s.event++;
  if (!isUp(s.nodes[id])) return;
  local(s, id, 'crash', emit);
  const before = s.nodes[id];
  s.nodes[id] = crashNode(before);
  s.timers[id] = { election: null, heartbeat: null };
  record(s, { type: 'crashed', node: id }, emit);
  // Whatever was on its way to the crashed node is lost with it.
  for (const m of flights.removeWhere(s.inFlight, (x) => x.to === id)) lose(s, m, 'receiver-down', emit);
  check(s, before, s.nodes[id], emit);
}

export function restart(s: ClusterState, id: NodeId, emit: Emit): void {
  s.event++;
  if (isUp(s.nodes[id])) return;
  local(s, id, 'restart', emit);
  const before = s.nodes[id];
  s.nodes[id] = restartNode(before, s.time);
  const p = s.nodes[id].persistent;
  record(s, { type: 'restarted', node: id, term: p.currentTerm, logLength: lastIndex(p.log) - p.log.start, snapshot: p.log.start }, emit);
  setTimer(s, id, 'election', 'reset');
  check(s, before, s.nodes[id], emit);
}

/** The node's election timer fires now. */
export function campaign(s: ClusterState, id: NodeId, emit: Emit): void {
  s.event++;
  if (!isUp(s.nodes[id])) return;
  s.timers[id] = { ...s.timers[id], election: null };
  local(s, id, 'campaign', emit);
  applyStep(s, id, CAMPAIGN, emit);
}

/** A client request arrives at `target`, or at the current leader. */
export function propose(s: ClusterState, target: NodeId | 'leader', value: string, emit: Emit): void {
  s.event++;
  const id = target === 'leader' ? currentLeader(s) : target;
  if (id === null) {
    record(s, { type: 'proposalRefused', node: null, value, why: 'no-leader', leader: null }, emit);
    return;
  }
  if (!isUp(s.nodes[id])) {
    record(s, { type: 'proposalRefused', node: id, value, why: 'down', leader: null }, emit);
    return;
  }
  local(s, id, 'propose', emit);
  applyStep(s, id, { kind: 'propose', value }, emit);
}

/** The node snapshots its state machine now (§7). A crashed node does nothing. */
export function snapshot(s: ClusterState, id: NodeId, emit: Emit): void {
  s.event++;
  if (!isUp(s.nodes[id])) return;
  local(s, id, 'snapshot', emit);
  applyStep(s, id, SNAPSHOT, emit);
}

/**
 * A membership change (§6) is given to the current leader; with none, it is
 * refused. `asked` is the request as the script wrote it.
 */
export function changeMembership(s: ClusterState, request: ChangeRequest, asked: string, emit: Emit): void {
  toLeader(s, 'change', { kind: 'change', request, asked }, { type: 'changeRefused', node: null, asked, why: { kind: 'no-leader' } }, emit);
}

/** The current leader is asked to hand its leadership to `target` (thesis §3.10); with none, it is refused. */
export function transferLeadership(s: ClusterState, target: NodeId, emit: Emit): void {
  toLeader(s, 'transfer', { kind: 'transfer', target }, { type: 'transferRefused', node: null, target, why: { kind: 'no-leader' } }, emit);
}

/** One event: `input` stepped at the current leader, or, with no leader, `refusal` recorded. */
function toLeader(s: ClusterState, cause: LocalCause, input: Input, refusal: RecordBody, emit: Emit): void {
  s.event++;
  const id = currentLeader(s);
  if (id === null) {
    record(s, refusal, emit);
    return;
  }
  local(s, id, cause, emit);
  applyStep(s, id, input, emit);
}

/** A client is given an operation: it starts it now, or queues it behind the one it waits on. */
export function clientIssue(s: ClusterState, client: ClientId, op: KvOp, emit: Emit): void {
  s.event++;
  local(s, client, 'client-issue', emit);
  applyClientStep(s, client, { kind: 'issue', op }, emit);
}

/** What a `workload` command asks for. */
export interface WorkloadSpec {
  readonly ops: number;
  /** Operations per simulated second, over all clients together. */
  readonly rate: number;
  readonly keys: number;
  /** The share of reads, in percent; the writes are half puts, half appends. */
  readonly reads: number;
}

/**
 * Schedule `spec.ops` random operations from now on, drawn from the run's
 * generator: each goes to a random client at a random gap (uniform, averaging
 * 1/rate) after the one before, on a random key k1..kN. Written values are
 * numbered across the run, so every write is told apart in the history:
 * a put writes `7`, an append `.7`.
 */
export function workload(s: ClusterState, spec: WorkloadSpec, emit: Emit): void {
  s.event++;
  if (s.clientIds.length === 0) return;
  const gap = 1000 / spec.rate;
  const ops: ScheduledOp[] = [];
  let at = s.time;
  for (let i = 0; i < spec.ops; i++) {
    at += drawInt(s, 0, Math.max(0, Math.round(2 * gap)));
    const client = s.clientIds[drawInt(s, 0, s.clientIds.length - 1)];
    const key = `k${drawInt(s, 1, spec.keys)}`;
    let op: KvOp;
    if (drawInt(s, 0, 99) < spec.reads) op = { kind: 'get', key };
    else {
      const n = ++s.values;
      op = drawInt(s, 0, 1) === 0 ? { kind: 'put', key, value: String(n) } : { kind: 'append', key, value: `.${n}` };
    }
    ops.push({ at, seq: s.seq++, client, op });
  }
  const rest = s.workload === null ? [] : s.workload.ops.slice(s.workload.next);
  const all = rest.length === 0 ? ops : [...rest, ...ops].sort((a, b) => a.at - b.at || a.seq - b.seq);
  s.workload = all.length === 0 ? null : { ops: all, next: 0 };
  record(s, { type: 'workloadScheduled', ops: spec.ops, rate: spec.rate, keys: spec.keys, reads: spec.reads, until: at }, emit);
}

export function cut(s: ClusterState, a: NodeId, b: NodeId, emit: Emit): void {
  s.event++;
  cutLink(s, a, b, emit);
}

/** Cut every link between different groups, as one event; links inside a group and to unlisted nodes stay as they are. */
export function partition(s: ClusterState, groups: readonly (readonly NodeId[])[], emit: Emit): void {
  s.event++;
  // Clients have links only to nodes, so two clients in different groups have nothing to cut.
  for (let i = 0; i < groups.length; i++)
    for (let j = i + 1; j < groups.length; j++)
      for (const a of groups[i]) for (const b of groups[j]) if (!(isClientId(a) && isClientId(b))) cutLink(s, a, b, emit);
}

function cutLink(s: ClusterState, a: NodeId, b: NodeId, emit: Emit): void {
  const key = linkKey(a, b);
  if (s.cuts[key]) return;
  s.cuts[key] = true;
  const [x, y] = key.split('-');
  record(s, { type: 'linkCut', a: x, b: y }, emit);
  // Messages already on the link are lost with it.
  const onLink = (m: Message): boolean => (m.from === a && m.to === b) || (m.from === b && m.to === a);
  for (const m of flights.removeWhere(s.inFlight, onLink)) lose(s, m, 'link-cut', emit);
}

/** Restore one link, or every link when no pair is given. */
export function heal(s: ClusterState, pair: readonly [NodeId, NodeId] | null, emit: Emit): void {
  const keys = pair === null ? Object.keys(s.cuts) : [linkKey(pair[0], pair[1])];
  let any = false;
  for (const key of keys.sort()) {
    if (!s.cuts[key]) continue;
    if (!any) s.event++;
    any = true;
    delete s.cuts[key];
    const [a, b] = key.split('-');
    record(s, { type: 'linkHealed', a, b }, emit);
  }
  if (!any) s.event++;
}

/** Drop messages now in flight from `from` to `to` (of one type, if given). Returns how many. */
export function dropBetween(s: ClusterState, from: NodeId, to: NodeId, type: MessageType | null, emit: Emit): number {
  s.event++;
  const hit = (m: Message): boolean => m.from === from && m.to === to && (type === null || m.type === type);
  const removed = flights.removeWhere(s.inFlight, hit);
  for (const m of removed) lose(s, m, 'dropped', emit);
  return removed.length;
}

/** Drop one message by id. Returns whether it was in flight. */
export function dropMessage(s: ClusterState, id: number, emit: Emit): boolean {
  s.event++;
  const removed = flights.removeWhere(s.inFlight, (m) => m.id === id);
  for (const m of removed) lose(s, m, 'dropped', emit);
  return removed.length > 0;
}

// ------------------------------------------------------------- advancing time

/** Process every event due within `ms`, then set the clock to exactly `time + ms`. */
export function runFor(s: ClusterState, ms: number, emit: Emit): void {
  const end = s.time + ms;
  for (let due = nextDue(s); due !== null && due.at <= end; due = nextDue(s)) processDue(s, due, emit);
  s.time = end;
}

/** Process up to `count` events. Returns how many were processed. */
export function stepEvents(s: ClusterState, count: number, emit: Emit): number {
  let done = 0;
  while (done < count && processNext(s, emit)) done++;
  return done;
}

/**
 * Deliver every message in flight, and the ones they cause, until none remain.
 * Timers are held: they neither fire nor run down while this lasts, so afterwards
 * each has exactly the time left that it had (or was given) when the clock froze.
 * Returns false if the network had not settled after `limit` deliveries.
 */
export function stabilize(s: ClusterState, emit: Emit, limit: number = STABILIZE_LIMIT): boolean {
  const t0 = s.time;
  let n = 0;
  while (n < limit && processNext(s, emit, true)) n++;
  releaseHeldTimers(s, t0);
  return flights.peek(s.inFlight) === undefined;
}

/** The most deliveries one `stabilize` makes before giving up on a network that never settles. */
export const STABILIZE_LIMIT = LIMITS.maxStabilize;

/**
 * End a stretch during which timers were held since `t0`: shift every timer so it
 * has exactly the time left that it had (or was given) when the clock froze.
 */
export function releaseHeldTimers(s: ClusterState, t0: number): void {
  const t1 = s.time;
  if (t1 <= t0) return;
  const shift = (x: Timer | null): Timer | null => {
    if (x === null) return null;
    const by = t1 - Math.max(x.setAt, t0);
    return { ...x, at: x.at + by, setAt: x.setAt + by };
  };
  for (const id of s.ids) {
    const t = s.timers[id];
    s.timers[id] = { election: shift(t.election), heartbeat: shift(t.heartbeat) };
  }
  // Clients' timeouts and a workload's schedule were held too: they move on by the time that passed.
  for (const c of s.clientIds) s.clientTimers[c] = shift(s.clientTimers[c]);
  const w = s.workload;
  if (w !== null) {
    const by = t1 - t0;
    s.workload = { ops: w.ops.slice(w.next).map((op) => ({ ...op, at: Math.max(op.at, t0) + by })), next: 0 };
  }
}

/**
 * Make a new cluster live: teach the invariant checker what the nodes already hold
 * (a preset may start with logs and commits) and start every timer.
 */
export function boot(s: ClusterState, emit: Emit): void {
  for (const id of s.ids) {
    const empty = createNode(id);
    check(s, { ...empty, volatile: s.nodes[id].volatile === null ? null : empty.volatile }, s.nodes[id], emit);
    // A preset's nodes start with entries committed: their state machines hold them from the start.
    const n = s.nodes[id];
    if (isUp(n) && n.volatile.machine.lastApplied < n.volatile.commitIndex) {
      const ctx = contextFor(s, id);
      ctx.now = s.time;
      const fx = newEffects();
      s.nodes[id] = applyCommitted(n, ctx, fx);
      for (const body of fx.records) record(s, body, emit);
    }
  }
  startTimers(s);
}
