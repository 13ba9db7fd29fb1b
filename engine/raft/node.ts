/**
 * One Raft server as a pure function, after etcd's raft: inputs in, new state and
 * outputs out. `step` never touches a clock, a network or a random source; the
 * simulator owns those and turns the returned timer requests into deadlines.
 *
 * The common part of `step` handles terms for every role (§5.1); then the message
 * goes to the handler for the node's role.
 */
import type { NodeId, NodeState, Outgoing, PersistentState } from '../types.ts';
import type { RecordBody } from '../events.ts';
import { newEffects, type Effects, type StepContext, type TimerRequest } from './effects.ts';
import { onRequestVote, onVoteResponse } from './election.ts';
import { onAppendEntries, rejectAppend } from './follower.ts';
import { checkQuorum, onAppendResponse, onHeartbeat, propose } from './replication.ts';
import { becomeCandidate, becomeFollower } from './transitions.ts';
import { emptyLog } from './log.ts';

export type Input =
  | { readonly kind: 'message'; readonly message: Outgoing }
  /** The election timer fired; `forced` when a user or script made it fire early (`campaign`). */
  | { readonly kind: 'electionTimeout'; readonly forced: boolean }
  | { readonly kind: 'heartbeatTimeout' }
  | { readonly kind: 'propose'; readonly value: string };

export interface StepResult {
  readonly node: NodeState;
  readonly outbox: readonly Outgoing[];
  readonly records: readonly RecordBody[];
  readonly election?: TimerRequest;
  readonly heartbeat?: TimerRequest;
}

export function createNode(id: NodeId, persistent?: PersistentState, commitIndex = 0): NodeState {
  return {
    id,
    persistent: persistent ?? { currentTerm: 0, votedFor: null, log: emptyLog() },
    volatile: { role: 'follower', commitIndex, leader: null, leaderHeardAt: null },
  };
}

/** A crash keeps only what Figure 2 calls persistent state. */
export const crashNode = (node: NodeState): NodeState => ({ ...node, volatile: null });

/** A restarted server recovers its persistent state and rejoins as a follower, knowing nothing committed. */
export const restartNode = (node: NodeState): NodeState => createNode(node.id, node.persistent);

export const isUp = (node: NodeState): boolean => node.volatile !== null;

export function step(node: NodeState, input: Input, ctx: StepContext): StepResult {
  const fx = newEffects();
  const next = node.volatile === null ? node : dispatch(node, input, ctx, fx);
  return { node: next, ...fx };
}

function dispatch(node: NodeState, input: Input, ctx: StepContext, fx: Effects): NodeState {
  switch (input.kind) {
    case 'message':
      return stepMessage(node, input.message, ctx, fx);
    case 'electionTimeout': {
      // A leader's election timer runs only with CheckQuorum, and means "check the quorum".
      if (node.volatile!.role === 'leader' && !input.forced) return ctx.options.checkquorum ? checkQuorum(node, ctx, fx) : node;
      fx.records.push({ type: 'electionTimeout', node: node.id, term: node.persistent.currentTerm, forced: input.forced });
      // A forced timeout on a leader changes nothing.
      return node.volatile!.role === 'leader' ? node : becomeCandidate(node, ctx, fx);
    }
    case 'heartbeatTimeout':
      return node.volatile!.role === 'leader' ? onHeartbeat(node, ctx, fx) : node;
    case 'propose': {
      const v = node.volatile!;
      if (v.role === 'leader') return propose(node, input.value, ctx, fx);
      fx.records.push({ type: 'proposalRefused', node: node.id, value: input.value, why: 'not-leader', leader: v.leader });
      return node;
    }
    default:
      return assertNever(input);
  }
}

function stepMessage(node: NodeState, m: Outgoing, ctx: StepContext, fx: Effects): NodeState {
  const term = node.persistent.currentTerm;
  let n = node;
  // A pre-vote request, and a yes to one, carry the term of an election that has
  // not started: nobody adopts it (thesis §9.6).
  const notYet = (m.type === 'RequestVote' && m.preVote) || (m.type === 'RequestVoteResponse' && m.preVote && m.granted);
  if (m.term > term && !notYet) {
    // §5.1: whoever sees a higher term adopts it and becomes a follower. Only an
    // AppendEntries tells us who leads that term.
    n = becomeFollower(n, m.term, m.type === 'AppendEntries' ? m.from : null, 'higher-term', m.from, fx);
  } else if (m.term < term) {
    return onStale(n, m, ctx, fx);
  }
  const role = n.volatile!.role;
  switch (m.type) {
    case 'RequestVote':
      return onRequestVote(n, m, ctx, fx);
    case 'RequestVoteResponse':
      if (role === 'candidate') return onVoteResponse(n, m, ctx, fx);
      // A late answer changes nothing, but "why did that vote not count?" deserves an answer.
      if (!m.preVote) fx.records.push({ type: 'voteIgnored', node: n.id, voter: m.from, term: m.term, granted: m.granted, role });
      return n;
    case 'AppendEntries':
      // Only the leader of a term sends AppendEntries in it, so a candidate that
      // hears one has lost the election (§5.2). Two leaders in one term would
      // break Election Safety; the invariant checker reports that, not the node.
      if (role === 'leader') return n;
      if (role === 'candidate') n = becomeFollower(n, m.term, m.from, 'leader-found', m.from, fx);
      return onAppendEntries(n, m, ctx, fx);
    case 'AppendEntriesResponse':
      return role === 'leader' ? onAppendResponse(n, m, ctx, fx) : n;
    default:
      return assertNever(m);
  }
}

/**
 * A request from an older term is refused with our term, so its sender steps down
 * (§5.1). A stale response is simply ignored.
 */
function onStale(node: NodeState, m: Outgoing, ctx: StepContext, fx: Effects): NodeState {
  if (m.type === 'RequestVote') return onRequestVote(node, m, ctx, fx);
  if (m.type === 'AppendEntries') rejectAppend(node, m, { kind: 'stale-term' }, { index: 0, term: 0 }, fx);
  return node;
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
