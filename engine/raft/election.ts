/** Leader election (§5.2) and the election restriction (§5.4.1). */
import type { CandidateNode, LeaderNode, RequestVote, RequestVoteResponse, UpNode } from '../types.ts';
import type { VoteRefusal } from '../events.ts';
import type { Effects } from './effects.ts';
import type { StepContext } from './context.ts';
import { isUpToDate, position } from './log.ts';
import { majority, voteResult, voterIds } from './quorum.ts';
import { configOf } from './membership.ts';
import { inLease } from './lease.ts';
import { leaseHolds } from './reads.ts';
import { becomeLeader, startElection } from './transitions.ts';

/**
 * Figure 2, RequestVote RPC: grant at most one vote per term, first come first
 * served, and only to a candidate whose log is at least as up-to-date as ours.
 * The caller has already adopted any higher term, so `m.term <= currentTerm`.
 *
 * A pre-vote (thesis §9.6) is answered without changing anything here: yes if
 * an election at `m.term` would be news to us (it is above our term, and we are
 * not within the lease of a leader: lease.ts) and the candidate's log is
 * up-to-date enough to win it.
 */
/**
 * The vote lease (lease.ts): a leader, or a follower that heard from its leader
 * within the minimum election timeout, sees no reason for an election. Null when
 * the node is outside any lease.
 */
export function leaseRefusal(node: UpNode, ctx: StepContext): VoteRefusal | null {
  const v = node.volatile;
  const lease = ctx.minElectionTimeout;
  if (v.role === 'leader') return { kind: 'has-leader', leader: node.id, ago: 0, minElectionTimeout: lease };
  if (v.role === 'follower' && v.leader !== null && v.leaderHeardAt !== null && inLease(v.leaderHeardAt, ctx.now, lease)) {
    return { kind: 'has-leader', leader: v.leader, ago: ctx.now - v.leaderHeardAt, minElectionTimeout: lease };
  }
  return null;
}

/**
 * Under `reads=lease`, why a node ignores a request for votes (and a command to
 * campaign), or null: it leads and its lease holds (reads.ts); it follows a
 * leader it heard from within the minimum election timeout (lease.ts); or it
 * restarted within the minimum election timeout, and so may have forgotten a
 * leader whose lease it helped confirm. (A leader whose lease has lapsed gives
 * way as usual, so a cut-off leader cannot hold up elections for ever.)
 */
export function leaseVoteRefusal(node: UpNode, ctx: StepContext): VoteRefusal | null {
  const v = node.volatile;
  if (v.role === 'leader') return leaseHolds(node as LeaderNode, ctx) ? leaseRefusal(node, ctx) : null;
  if (v.role === 'follower' && v.restartedAt !== null && ctx.now - v.restartedAt < ctx.minElectionTimeout) {
    return { kind: 'restarted', ago: ctx.now - v.restartedAt, minElectionTimeout: ctx.minElectionTimeout };
  }
  return leaseRefusal(node, ctx);
}

export function onRequestVote(node: UpNode, m: RequestVote, ctx: StepContext, fx: Effects): UpNode {
  const p = node.persistent;
  const mine = position(p.log);
  const theirs = { lastIndex: m.lastLogIndex, lastTerm: m.lastLogTerm };
  const anyLog = ctx.unsafe['vote-any-log'];
  let why: VoteRefusal | null = null;
  if (m.preVote) {
    if (m.term <= p.currentTerm) why = { kind: 'stale-term' };
    else why = leaseRefusal(node, ctx) ?? (!anyLog && !isUpToDate(theirs, mine) ? { kind: 'log-behind', mine, theirs } : null);
  } else if (m.term < p.currentTerm) why = { kind: 'stale-term' };
  else if (p.votedFor !== null && p.votedFor !== m.from) why = { kind: 'already-voted', votedFor: p.votedFor };
  else if (!anyLog && !isUpToDate(theirs, mine)) why = { kind: 'log-behind', mine, theirs };

  const reply = (granted: boolean): RequestVoteResponse => ({
    type: 'RequestVoteResponse',
    from: node.id,
    to: m.from,
    // A granted pre-vote names the term it was asked about, so the candidate can tell this round's answers.
    term: m.preVote && granted ? m.term : p.currentTerm,
    granted,
    preVote: m.preVote,
  });
  if (why !== null) {
    fx.records.push({ type: 'voteRefused', node: node.id, candidate: m.from, term: m.preVote ? m.term : p.currentTerm, why, preVote: m.preVote });
    fx.outbox.push(reply(false));
    return node;
  }
  fx.records.push({
    type: 'voteGranted',
    node: node.id,
    candidate: m.from,
    term: m.preVote ? m.term : p.currentTerm,
    preVote: m.preVote,
    logBehind: anyLog && !isUpToDate(theirs, mine),
  });
  fx.outbox.push(reply(true));
  if (m.preVote) return node;
  // Granting a vote resets the election timer (Figure 2, Followers).
  fx.election = 'reset';
  return p.votedFor === m.from ? node : { ...node, persistent: { ...p, votedFor: m.from } };
}

/** A candidate counts a vote of its current term; a quorum of the voters makes it leader (quorum.ts). */
export function onVoteResponse(node: CandidateNode, m: RequestVoteResponse, ctx: StepContext, fx: Effects): UpNode {
  const v = node.volatile;
  if (m.from in v.votes) return node;
  // An answer from another round: a pre-vote answer to a candidate, or the reverse, or a pre-vote for another term.
  if (m.preVote !== v.pre || (v.pre && m.granted && m.term !== node.persistent.currentTerm + 1)) return node;
  const votes = { ...v.votes, [m.from]: m.granted };
  const voters = configOf(node, ctx);
  let granted = 0;
  for (const id of voterIds(voters)) if (votes[id] === true) granted++;
  fx.records.push({
    type: 'voteCounted',
    node: node.id,
    voter: m.from,
    term: v.pre ? node.persistent.currentTerm + 1 : node.persistent.currentTerm,
    granted: m.granted,
    votes: granted,
    // The incoming configuration's majority: outside a membership change, the only one (§6).
    needed: majority(voters.voters.length),
    preVote: v.pre,
  });
  const n: CandidateNode = { ...node, volatile: { ...v, votes } };
  if (voteResult(voters, votes) !== 'won') return n;
  // A majority would vote: now the election proper, at the next term.
  return v.pre ? startElection(n, ctx, fx, false) : becomeLeader(n, ctx, fx);
}
