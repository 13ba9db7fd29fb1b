/**
 * Leadership transfer (thesis §3.10), the leader's side and the target's.
 *
 * 1. The leader stops accepting new client requests (clients.ts holds them).
 * 2. It brings the target's log up to date: ordinary replication does that.
 * 3. Once the target's log matches its own, it sends TimeoutNow, and the target
 *    starts an election at once, as if its election timer had fired. Its
 *    RequestVote says so (`transfer`), so voters that still hear from the old
 *    leader grant it anyway (etcd's campaignTransfer does the same).
 * 4. If no election has ended the transfer an election timeout after it began,
 *    the leader gives up and accepts requests again.
 * A new leader's AppendEntries, of a higher term, ends the old leader's term and
 * the transfer with it (§5.1).
 */
import type { FollowerNode, LeaderNode, NodeId, PendingTransfer, TimeoutNow, UpNode } from '../types.ts';
import type { ChangeRefusal } from '../events.ts';
import type { Effects } from './effects.ts';
import type { StepContext } from './context.ts';
import { configOf } from './membership.ts';
import { votesIn } from './configs.ts';
import { lastIndex } from './log.ts';
import { startElection } from './transitions.ts';

const withTransfer = (node: LeaderNode, transfer: PendingTransfer | null, leaseRevoked = node.volatile.leaseRevoked): LeaderNode => ({
  id: node.id,
  persistent: node.persistent,
  volatile: { ...node.volatile, transfer, leaseRevoked },
});

/** A transfer given to a node that does not lead: only a leader can hand leadership over. */
export function refuseTransfer(node: UpNode, target: NodeId, fx: Effects): UpNode {
  fx.records.push({ type: 'transferRefused', node: node.id, target, why: { kind: 'not-leader', leader: node.volatile.leader } });
  return node;
}

/** The leader is asked to hand its leadership to `target`. */
export function requestTransfer(node: LeaderNode, target: NodeId, ctx: StepContext, fx: Effects): LeaderNode {
  const v = node.volatile;
  let why: ChangeRefusal | null = null;
  if (target === node.id) why = { kind: 'is-leader' };
  else if (!votesIn(configOf(node, ctx), target)) why = { kind: 'not-a-voter', target };
  else if (v.transfer !== null) why = { kind: 'transferring', target: v.transfer.target };
  if (why !== null) {
    fx.records.push({ type: 'transferRefused', node: node.id, target, why });
    return node;
  }
  const match = v.progress[target]?.match ?? 0;
  fx.records.push({ type: 'transferStarted', node: node.id, target, match, lastIndex: lastIndex(node.persistent.log) });
  return advanceTransfer(withTransfer(node, { target, since: ctx.now, sent: false }), ctx, fx);
}

/**
 * After each of the leader's steps while a transfer is under way: give up once
 * an election timeout has passed (4), or send TimeoutNow once the target's log
 * matches (3).
 */
export function advanceTransfer(node: LeaderNode, ctx: StepContext, fx: Effects): LeaderNode {
  const t = node.volatile.transfer;
  if (t === null) return node;
  if (ctx.now - t.since >= ctx.minElectionTimeout) {
    fx.records.push({ type: 'transferAborted', node: node.id, target: t.target, after: ctx.now - t.since, why: 'timeout' });
    return withTransfer(node, null);
  }
  if (t.sent) return node;
  const match = node.volatile.progress[t.target]?.match ?? 0;
  if (match < lastIndex(node.persistent.log)) return node;
  fx.records.push({ type: 'timeoutNowSent', node: node.id, target: t.target, match });
  fx.outbox.push({ type: 'TimeoutNow', from: node.id, to: t.target, term: node.persistent.currentTerm });
  // Voters grant the target even within this leader's lease: the lease no longer proves anything this term.
  return withTransfer(node, { target: t.target, since: t.since, sent: true }, true);
}

/** A follower told by its leader to campaign now (3): it starts an election at once, skipping PreVote, if it is a voter. */
export function onTimeoutNow(node: FollowerNode, m: TimeoutNow, ctx: StepContext, fx: Effects): UpNode {
  if (!votesIn(configOf(node, ctx), node.id)) {
    fx.records.push({ type: 'campaignRefused', node: node.id, term: node.persistent.currentTerm, why: { kind: 'not-voter' } });
    return node;
  }
  fx.records.push({ type: 'timeoutNowReceived', node: node.id, from: m.from, term: m.term });
  return startElection(node, ctx, fx, true);
}
