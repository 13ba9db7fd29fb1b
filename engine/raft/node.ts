/**
 * One Raft server as a pure function, after etcd's raft: inputs in, new state and
 * outputs out. `step` never touches a clock, a network or a random source; the
 * simulator owns those, passes the time in the context, and turns the returned
 * timer requests into deadlines.
 *
 * `step` does what every role does alike: a crashed node does nothing, and a
 * message's term is handled in one place (§5.1). Then the input goes to the step
 * function of the node's role: `stepFollower`, `stepCandidate` or `stepLeader`,
 * each one `switch` over the kind of input.
 */
import type { NodeId, NodeState, Outgoing, PersistentState, UpNode, CandidateNode, FollowerNode, LeaderNode } from '../types.ts';
import type { RecordBody } from '../events.ts';
import { newEffects, type Effects, type TimerRequest } from './effects.ts';

export type { Effects } from './effects.ts';
import type { StepContext } from './context.ts';
import type { Input, RoleInput } from './input.ts';
import { leaseRefusal, leaseVoteRefusal, onRequestVote } from './election.ts';
import { advanceChange, membershipWork } from './changes.ts';
import { advanceTransfer } from './transfer.ts';
import { configOf } from './membership.ts';
import { sameConfig } from './configs.ts';
import { applyCommitted } from './apply.ts';
import { maybeSnapshot, takeSnapshot } from './snapshot.ts';
import { emptyMachine } from '../kv/stateMachine.ts';
import { rejectAppend, stepFollower } from './follower.ts';
import { stepCandidate } from './candidate.ts';
import { stepLeader } from './leader.ts';
import { becomeFollower } from './transitions.ts';
import { emptyLog } from './log.ts';
import { assertNever } from '../assertNever.ts';

export type { Input } from './input.ts';

export interface StepResult {
  readonly node: NodeState;
  readonly outbox: readonly Outgoing[];
  readonly records: readonly RecordBody[];
  /** What to do with the node's timers; undefined leaves a timer as it is. */
  readonly election: TimerRequest | undefined;
  readonly heartbeat: TimerRequest | undefined;
}

export function createNode(id: NodeId, persistent?: PersistentState, commitIndex = 0): FollowerNode {
  const p = persistent ?? { currentTerm: 0, votedFor: null, log: emptyLog(), snapshot: null, config: null };
  // A snapshot's entries are committed, and its state is the state machine as of its index (§7).
  const machine = p.snapshot?.machine ?? emptyMachine();
  return {
    id,
    persistent: p,
    volatile: { role: 'follower', commitIndex: Math.max(commitIndex, machine.lastApplied), leader: null, leaderHeardAt: null, restartedAt: null, machine },
  };
}

/** A crash keeps only what Figure 2 calls persistent state. */
export const crashNode = (node: NodeState): NodeState => ({ ...node, volatile: null });

/**
 * A restarted server recovers its persistent state and rejoins as a follower at
 * `now`. Its state machine is the snapshot's, if it has one (§7), and it knows
 * nothing committed past it: the entries after it are applied again as they commit.
 */
export function restartNode(node: NodeState, now: number): FollowerNode {
  const n = createNode(node.id, node.persistent);
  return { id: n.id, persistent: n.persistent, volatile: { ...n.volatile, restartedAt: now } };
}

export const isUp = (node: NodeState): node is UpNode => node.volatile !== null;

export function step(node: NodeState, input: Input, ctx: StepContext): StepResult {
  const fx = newEffects();
  const next = stepInto(node, input, ctx, fx);
  return { node: next, outbox: fx.outbox, records: fx.records, election: fx.election, heartbeat: fx.heartbeat };
}

/**
 * `step`, with the effects appended to `fx`, which the caller drains, as etcd's
 * caller drains its node's messages. The simulator keeps one accumulator and
 * empties it after each step, so a step allocates no arrays for its effects.
 */
export function stepInto(node: NodeState, input: Input, ctx: StepContext, fx: Effects): NodeState {
  // A crashed node does nothing at all; everything below sees an up node.
  return isUp(node) ? stepUp(node, input, ctx, fx) : node;
}

function stepUp(node: UpNode, input: Input, ctx: StepContext, fx: Effects): UpNode {
  if (input.kind === 'snapshot') return takeSnapshot(node, 'command', ctx, fx);
  // The snapshot the `snapshot=` threshold asks for is taken at the node's next step,
  // as a server snapshots in the background once it has applied: every entry is then
  // in some log between two steps, where the invariant checker sees it (a single
  // node appends, commits and applies an entry in one step).
  let n = maybeSnapshot(node, ctx, fx);
  if (input.kind === 'message') {
    const m = input.message;
    const term = n.persistent.currentTerm;
    // A pre-vote request, and a yes to one, carry the term of an election that has
    // not started: nobody adopts it (thesis §9.6).
    const notYet = (m.type === 'RequestVote' && m.preVote) || (m.type === 'RequestVoteResponse' && m.preVote && m.granted);
    if (m.type === 'RequestVote' && !m.preVote && !m.transfer && m.term > term && (ctx.options.reads === 'lease' || ctx.options.checkquorum)) {
      // Within the lease of a live leader a request for votes is ignored, neither
      // adopting its term nor granting it. Leases rest on this (thesis §4.2.3,
      // §6.4.1); so does keeping a removed server, which no longer hears from the
      // leader and campaigns with ever higher terms, from disrupting the cluster
      // (§6). Like etcd, only with CheckQuorum (or leases), so that a forced
      // `campaign` keeps working in scripts that leave it off. A candidate the
      // leader itself sent (TimeoutNow, `transfer`) is heard.
      const why = ctx.options.reads === 'lease' ? leaseVoteRefusal(n, ctx) : leaseRefusal(n, ctx);
      if (why !== null) {
        fx.records.push({ type: 'voteRefused', node: n.id, candidate: m.from, term, why, preVote: false });
        return n;
      }
    }
    if (m.term > term && !notYet) {
      // §5.1: whoever sees a higher term adopts it and becomes a follower. Only an
      // AppendEntries tells us who leads that term.
      n = becomeFollower(n, m.term, m.type === 'AppendEntries' ? m.from : null, 'higher-term', m.from, fx);
    } else if (m.term < term) {
      return onStale(n, m, ctx, fx);
    }
  }
  let after = stepRole(n, input, ctx, fx);
  if (after.volatile.role === 'leader') after = afterLeaderStep(after as LeaderNode, ctx, fx);
  const config = after.persistent.config;
  if (config !== node.persistent.config) {
    // A server uses the latest configuration in its log from the moment it has it (§6).
    const was = configOf(node, ctx);
    const now = configOf(after, ctx);
    if (!sameConfig(was, now)) fx.records.push({ type: 'configAdopted', node: node.id, index: config?.index ?? 0, config: now, was });
  }
  return applyCommitted(after, ctx, fx);
}

/** What a leader does after any step: carry a membership change (changes.ts) or a leadership transfer (transfer.ts) on. */
function afterLeaderStep(node: LeaderNode, ctx: StepContext, fx: Effects): UpNode {
  const n = node.volatile.transfer === null ? node : advanceTransfer(node, ctx, fx);
  return membershipWork(n) ? advanceChange(n, ctx, fx) : n;
}

/** Hand the input to the step function of the node's role. */
function stepRole(n: UpNode, input: RoleInput, ctx: StepContext, fx: Effects): UpNode {
  // The role is the discriminant of `volatile`, so each cast below only restates what the `case` checked.
  switch (n.volatile.role) {
    case 'follower':
      return stepFollower(n as FollowerNode, input, ctx, fx);
    case 'candidate':
      return stepCandidate(n as CandidateNode, input, ctx, fx);
    case 'leader':
      return stepLeader(n as LeaderNode, input, ctx, fx);
    default:
      return assertNever(n.volatile);
  }
}

/**
 * A request from an older term is refused with our term, so its sender steps down
 * (§5.1). A stale response is simply ignored. The same for every role.
 */
function onStale(node: UpNode, m: Outgoing, ctx: StepContext, fx: Effects): UpNode {
  if (m.type === 'RequestVote') return onRequestVote(node, m, ctx, fx);
  if (m.type === 'AppendEntries') rejectAppend(node, m, { kind: 'stale-term' }, { index: 0, term: 0 }, fx);
  // Figure 13, receiver rule 1: reply with our term, so the stale leader steps down.
  if (m.type === 'InstallSnapshot') fx.outbox.push({ type: 'InstallSnapshotResponse', from: node.id, to: m.from, term: node.persistent.currentTerm, matchIndex: 0, round: m.round });
  return node;
}
