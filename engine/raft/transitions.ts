/**
 * Role changes (Figure 2, "Rules for Servers"). These are the only functions that
 * change a node's role, so every role change is recorded and sets its timers.
 */
import type { CandidateNode, CandidateState, FollowerNode, LeaderNode, LeaderState, NodeId, Progress, UpNode } from '../types.ts';
import type { FollowReason } from '../events.ts';
import type { Effects } from './effects.ts';
import type { StepContext } from './context.ts';
import { appended, lastIndex, lastTerm } from './log.ts';
import { voteResult, voterIds, type JointConfig } from './quorum.ts';
import { configOf } from './membership.ts';
import { serversOf, votesIn } from './configs.ts';
import { initialProgress } from './progress.ts';
import { noopEntry } from './entry.ts';
import { broadcastAppend, maybeCommit } from './replication.ts';

/**
 * Whether `self`'s own vote is a quorum (a cluster of one): then a pre-vote
 * would only ask itself, and an election is won the moment it starts. (etcd
 * tallies the candidate's own vote first, to the same effect.)
 */
const winsAlone = (self: NodeId, voters: JointConfig): boolean => voteResult(voters, { [self]: true }) === 'won';

/**
 * Become (or stay) a follower at `term`. A new term clears the vote (§5.1).
 * A former leader or candidate needs a running election timer again; a follower
 * keeps the one it has, because only hearing from a leader or granting a vote
 * resets it (Figure 2, Followers).
 */
export function becomeFollower(
  node: UpNode,
  term: number,
  leader: NodeId | null,
  reason: FollowReason,
  cause: NodeId,
  fx: Effects,
): FollowerNode {
  const v = node.volatile;
  const p = node.persistent;
  const newTerm = term > p.currentTerm;
  if (v.role !== 'follower' || newTerm) {
    fx.records.push({ type: 'becameFollower', node: node.id, term, was: v.role, reason, cause });
  }
  if (v.role !== 'follower') {
    fx.election = 'reset';
    fx.heartbeat = 'stop';
  }
  if (v.role === 'leader') {
    // Reads held for ReadIndex cannot be answered by a follower: their clients will time out and retry.
    if (v.reads.length > 0) fx.records.push({ type: 'readsDropped', node: node.id, count: v.reads.length });
    // A change or transfer under way dies with the leadership that carried it; say so.
    if (v.change !== null) fx.records.push({ type: 'changeAborted', node: node.id, asked: v.change.asked, why: 'stepped-down', behind: [] });
    const t = v.transfer;
    if (t !== null && cause !== t.target) fx.records.push({ type: 'transferAborted', node: node.id, target: t.target, after: -1, why: 'stepped-down' });
  }
  return {
    ...node,
    persistent: newTerm ? { ...p, currentTerm: term, votedFor: null } : p,
    // Who leads is known only from its AppendEntries, which sets when it was heard (follower.ts).
    volatile: { role: 'follower', commitIndex: v.commitIndex, leader, leaderHeardAt: null, restartedAt: v.role === 'follower' ? v.restartedAt : null, machine: v.machine },
  };
}

/**
 * §5.2: on election timeout a follower or candidate starts an election: a new term,
 * a vote for itself, a fresh randomized timeout, and RequestVote to every peer.
 *
 * With PreVote (thesis §9.6) it first becomes a pre-candidate: it keeps its term
 * and vote and asks whether a majority would vote for it at the next term. Only
 * a majority of yes votes lets it raise its term (`startElection`), so a node
 * cut off from the cluster cannot inflate its term while it is away.
 */
export function becomeCandidate(node: UpNode, ctx: StepContext, fx: Effects): UpNode {
  // A server its own latest configuration leaves out (membership.ts, mayCampaign) always
  // asks first: it may be needed to finish a change, but must not raise terms for nothing.
  const config = configOf(node, ctx);
  const preVote = ctx.options.prevote || !votesIn(config, node.id);
  if (!preVote || winsAlone(node.id, config)) return startElection(node, ctx, fx, false);
  const v = node.volatile;
  const term = node.persistent.currentTerm + 1;
  const candidate: CandidateState = { role: 'candidate', pre: true, commitIndex: v.commitIndex, leader: null, machine: v.machine, votes: { [node.id]: true } };
  fx.records.push({ type: 'becameCandidate', node: node.id, term, pre: true });
  fx.election = 'reset';
  fx.heartbeat = 'stop';
  requestVotes(node, term, true, false, ctx, fx);
  return { ...node, volatile: candidate };
}

/**
 * The election proper: a new term and a vote for itself (§5.2). `transfer`: the
 * leader told this node to campaign (TimeoutNow, thesis §3.10), so it skips
 * PreVote and its voters grant it even while they hear from that leader.
 */
export function startElection(node: UpNode, ctx: StepContext, fx: Effects, transfer: boolean): UpNode {
  const v = node.volatile;
  const term = node.persistent.currentTerm + 1;
  const candidate: CandidateState = { role: 'candidate', pre: false, commitIndex: v.commitIndex, leader: null, machine: v.machine, votes: { [node.id]: true } };
  const next: CandidateNode = {
    ...node,
    persistent: { ...node.persistent, currentTerm: term, votedFor: node.id },
    volatile: candidate,
  };
  fx.records.push({ type: 'becameCandidate', node: node.id, term, pre: false });
  fx.election = 'reset';
  fx.heartbeat = 'stop';
  if (winsAlone(node.id, configOf(node, ctx))) return becomeLeader(next, ctx, fx);
  requestVotes(node, term, false, transfer, ctx, fx);
  return next;
}

/** Ask every other voter of the node's configuration, both halves while joint (§6); learners do not vote. */
function requestVotes(node: UpNode, term: number, preVote: boolean, transfer: boolean, ctx: StepContext, fx: Effects): void {
  const log = node.persistent.log;
  const lastLogIndex = lastIndex(log);
  const lastLogTerm = lastTerm(log);
  for (const peer of voterIds(configOf(node, ctx))) {
    if (peer !== node.id) fx.outbox.push({ type: 'RequestVote', from: node.id, to: peer, term, lastLogIndex, lastLogTerm, preVote, transfer });
  }
}

/**
 * §5.2 and §5.3: the winner of an election reinitializes nextIndex to just past its
 * log and matchIndex to 0, appends a no-op of its own term if configured (§8; it
 * lets earlier entries commit, §5.4.2), and asserts itself at once with
 * AppendEntries to every peer.
 */
export function becomeLeader(node: CandidateNode, ctx: StepContext, fx: Effects): LeaderNode {
  const v = node.volatile;
  const term = node.persistent.currentTerm;
  const votes = Object.keys(v.votes).filter((k) => v.votes[k]);
  const next = lastIndex(node.persistent.log) + 1;
  const progress: Record<string, Progress> = {};
  // Every other server of its configuration, learners included: whom it replicates to (§6).
  for (const peer of serversOf(configOf(node, ctx))) if (peer !== node.id) progress[peer] = initialProgress(next);
  const leader: LeaderState = { role: 'leader', commitIndex: v.commitIndex, leader: node.id, machine: v.machine, progress, reads: [], change: null, transfer: null, leaseRevoked: false };
  fx.records.push({ type: 'becameLeader', node: node.id, term, votes });
  // With CheckQuorum the leader keeps an election timer: when it fires, the leader
  // checks it heard from a majority since the last time (see `checkQuorum`).
  fx.election = ctx.options.checkquorum ? 'reset' : 'stop';
  fx.heartbeat = 'reset';
  let persistent = node.persistent;
  if (ctx.options.noop) persistent = { ...persistent, log: appended(persistent.log, [noopEntry(term)]) };
  const elected: LeaderNode = { ...node, persistent, volatile: leader };
  return maybeCommit(broadcastAppend(elected, ctx, fx), ctx, fx);
}
