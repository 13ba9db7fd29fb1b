/**
 * Reads without the log (thesis §6.4). A `get` appended like any command is
 * linearizable but costs a log entry and a round of replication. A leader can
 * instead answer from its state machine, once it knows that it still led when
 * the read arrived and that its state machine holds every write committed by
 * then:
 *
 * ReadIndex (`reads=readindex`):
 * 1. if the leader has not yet committed an entry of its own term, it waits
 *    (only then is its commitIndex known to be the cluster's);
 * 2. it saves its commitIndex as the read index;
 * 3. it sends a round of heartbeats and waits until a majority acknowledged a
 *    round sent at or after the read arrived: no other leader can have been
 *    elected before that round;
 * 4. it waits until it has applied up to the read index, and answers.
 *
 * Leases (`reads=lease`) skip step 3 while the lease holds: a majority
 * acknowledged a round sent within the lease, so no other leader can exist until
 * about an election timeout after that round was sent. That rests on two things:
 * followers do not time out sooner than the minimum election timeout after
 * hearing from the leader, and under `reads=lease` they refuse to vote while
 * they have heard from it that recently (node.ts, lease.ts). The lease is cut
 * short by a bound on clock drift, as the thesis asks.
 *
 * A round is identified by the leader's clock when it sent it (AppendEntries
 * `round`, echoed by the answer, kept per follower as Progress `acked`).
 */
import type { ClientRequest, LeaderNode, PendingRead } from '../types.ts';
import type { Effects } from './effects.ts';
import type { StepContext } from './context.ts';
import { termAt } from './log.ts';
import { committedIndex } from './quorum.ts';
import { configOf } from './membership.ts';
import { readResult } from '../kv/stateMachine.ts';

/** The share of the minimum election timeout a lease lasts: the rest allows for clocks that drift apart. */
export const LEASE_SHARE = 0.9;

export const leaseDuration = (ctx: StepContext): number => Math.floor(ctx.minElectionTimeout * LEASE_SHARE);

/**
 * The latest round a quorum acknowledged, the leader itself included (its own
 * clock: it is always up to date with itself). A voter the leader tracks no
 * progress for has acknowledged no round (-1, as a new follower's Progress).
 */
export function quorumAcked(node: LeaderNode, ctx: StepContext): number {
  const self = node.id;
  const now = ctx.now;
  const progress = node.volatile.progress;
  const round = committedIndex(configOf(node, ctx), (id) => (id === self ? now : (progress[id]?.acked ?? -1)));
  // No round is confirmed past the present (this also bounds COMMIT_ANY, an empty configuration's answer).
  return round < now ? round : now;
}

/** Step 1: the leader has committed an entry of its current term (§5.4.2), so its commitIndex is current. */
export const committedOwnTerm = (node: LeaderNode): boolean =>
  termAt(node.persistent.log, node.volatile.commitIndex) === node.persistent.currentTerm;

/** True while the leader's lease holds: a majority acknowledged a round sent less than the lease ago. */
export function leaseHolds(node: LeaderNode, ctx: StepContext): boolean {
  if (node.volatile.leaseRevoked) return false;
  const since = quorumAcked(node, ctx);
  return since >= 0 && ctx.now - since < leaseDuration(ctx);
}

function reply(node: LeaderNode, client: string, serial: number, result: string, fx: Effects): void {
  fx.outbox.push({ type: 'ClientReply', from: node.id, to: client, term: node.persistent.currentTerm, serial, result });
}

/**
 * A `get` reaches the leader under `reads=readindex` or `lease`, or with
 * `unsafe=stale-reads`. Returns the reads it must now hold (the same array if
 * it answered at once); the caller sends a heartbeat round when it grew.
 */
export function onRead(node: LeaderNode, req: ClientRequest, ctx: StepContext, fx: Effects): readonly PendingRead[] {
  const key = req.op.key;
  const v = node.volatile;
  const applied = v.machine.lastApplied;
  if (ctx.unsafe['stale-reads']) {
    // Whatever this node holds, with no check that it still leads.
    const result = readResult(v.machine.data, key);
    fx.records.push({ type: 'readServed', node: node.id, client: req.from, serial: req.serial, key, result, how: 'stale', readIndex: applied });
    reply(node, req.from, req.serial, result, fx);
    return v.reads;
  }
  const lease = ctx.options.reads === 'lease';
  if (lease && committedOwnTerm(node) && leaseHolds(node, ctx) && applied >= v.commitIndex) {
    const result = readResult(v.machine.data, key);
    fx.records.push({ type: 'readServed', node: node.id, client: req.from, serial: req.serial, key, result, how: 'lease', readIndex: v.commitIndex });
    reply(node, req.from, req.serial, result, fx);
    return v.reads;
  }
  const readIndex = committedOwnTerm(node) ? v.commitIndex : null;
  fx.records.push({ type: 'readQueued', node: node.id, client: req.from, serial: req.serial, key, readIndex, lease });
  return [...v.reads, { client: req.from, serial: req.serial, key, at: ctx.now, readIndex }];
}

/**
 * Answer every held read that is now safe (steps 1-4 above); returns the reads
 * still held. Called after every step of a leader that holds any.
 */
export function serveReads(node: LeaderNode, ctx: StepContext, fx: Effects): readonly PendingRead[] {
  const v = node.volatile;
  const own = committedOwnTerm(node);
  const confirmedUpTo = quorumAcked(node, ctx);
  let kept: PendingRead[] | null = null;
  for (let i = 0; i < v.reads.length; i++) {
    let r = v.reads[i];
    if (r.readIndex === null && own) r = { ...r, readIndex: v.commitIndex };
    const ready = r.readIndex !== null && confirmedUpTo >= r.at && v.machine.lastApplied >= r.readIndex;
    if (ready) {
      const result = readResult(v.machine.data, r.key);
      fx.records.push({ type: 'readServed', node: node.id, client: r.client, serial: r.serial, key: r.key, result, how: 'readindex', readIndex: r.readIndex! });
      reply(node, r.client, r.serial, result, fx);
    }
    if (kept === null && (ready || r !== v.reads[i])) kept = v.reads.slice(0, i);
    if (kept !== null && !ready) kept.push(r);
  }
  return kept ?? v.reads;
}
