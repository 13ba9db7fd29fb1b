/** Leader election (§5.2) and the election restriction (§5.4.1). */
import type { NodeState, RequestVote, RequestVoteResponse } from '../types.ts';
import type { VoteRefusal } from '../events.ts';
import { clusterSize, type Effects, type StepContext } from './effects.ts';
import { isUpToDate, position } from './log.ts';
import { majority, voteResult } from './quorum.ts';
import { becomeLeader } from './transitions.ts';

/**
 * Figure 2, RequestVote RPC: grant at most one vote per term, first come first
 * served, and only to a candidate whose log is at least as up-to-date as ours.
 * The caller has already adopted any higher term, so `m.term <= currentTerm`.
 */
export function onRequestVote(node: NodeState, m: RequestVote, fx: Effects): NodeState {
  const p = node.persistent;
  const mine = position(p.log);
  const theirs = { lastIndex: m.lastLogIndex, lastTerm: m.lastLogTerm };
  let why: VoteRefusal | null = null;
  if (m.term < p.currentTerm) why = { kind: 'stale-term' };
  else if (p.votedFor !== null && p.votedFor !== m.from) why = { kind: 'already-voted', votedFor: p.votedFor };
  else if (!isUpToDate(theirs, mine)) why = { kind: 'log-behind', mine, theirs };

  const reply = (granted: boolean): RequestVoteResponse => ({
    type: 'RequestVoteResponse',
    from: node.id,
    to: m.from,
    term: p.currentTerm,
    granted,
  });
  if (why !== null) {
    fx.records.push({ type: 'voteRefused', node: node.id, candidate: m.from, term: p.currentTerm, why });
    fx.outbox.push(reply(false));
    return node;
  }
  fx.records.push({ type: 'voteGranted', node: node.id, candidate: m.from, term: p.currentTerm });
  fx.outbox.push(reply(true));
  // Granting a vote resets the election timer (Figure 2, Followers).
  fx.election = 'reset';
  return p.votedFor === m.from ? node : { ...node, persistent: { ...p, votedFor: m.from } };
}

/** A candidate counts a vote of its current term; a majority makes it leader. */
export function onVoteResponse(node: NodeState, m: RequestVoteResponse, ctx: StepContext, fx: Effects): NodeState {
  const v = node.volatile;
  if (v === null || v.role !== 'candidate' || m.from in v.votes) return node;
  const votes = { ...v.votes, [m.from]: m.granted };
  const granted = Object.values(votes).filter(Boolean).length;
  const refused = Object.keys(votes).length - granted;
  const size = clusterSize(ctx);
  fx.records.push({
    type: 'voteCounted',
    node: node.id,
    voter: m.from,
    term: node.persistent.currentTerm,
    granted: m.granted,
    votes: granted,
    needed: majority(size),
  });
  const n: NodeState = { ...node, volatile: { ...v, votes } };
  return voteResult(granted, refused, size) === 'won' ? becomeLeader(n, ctx, fx) : n;
}
