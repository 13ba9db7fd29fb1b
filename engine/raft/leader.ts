/**
 * The leader's step (Figure 2, Leaders): replicate and commit (replication.ts),
 * send heartbeats, take client requests, and with CheckQuorum step down when cut
 * off from a majority (thesis §6.2).
 */
import type { LeaderNode, NodeId, Progress, UpNode } from '../types.ts';
import type { Effects } from './effects.ts';
import type { StepContext } from './context.ts';
import type { RoleInput } from './input.ts';
import { onRequestVote } from './election.ts';
import { leaderNode, onAppendResponse, onHeartbeat, onInstallSnapshotResponse, propose } from './replication.ts';
import { becomeFollower } from './transitions.ts';
import { majority, voteResult, voterIds } from './quorum.ts';
import { configOf } from './membership.ts';
import { unheard } from './progress.ts';
import { assertNever } from '../assertNever.ts';
import { onClientRequest } from './clients.ts';
import { requestChange } from './changes.ts';
import { requestTransfer } from './transfer.ts';

/** The caller has handled terms (§5.1): a message here is of the leader's current term. */
export function stepLeader(node: LeaderNode, input: RoleInput, ctx: StepContext, fx: Effects): UpNode {
  switch (input.kind) {
    case 'message': {
      const m = input.message;
      switch (m.type) {
        case 'RequestVote':
          return onRequestVote(node, m, ctx, fx);
        case 'RequestVoteResponse':
          // A vote that arrives after the election was won changes nothing, but says why.
          if (!m.preVote) fx.records.push({ type: 'voteIgnored', node: node.id, voter: m.from, term: m.term, granted: m.granted, role: 'leader' });
          return node;
        case 'AppendEntries':
        case 'InstallSnapshot':
        case 'TimeoutNow':
          // Another leader of the same term would break Election Safety; the
          // invariant checker reports that, not the node.
          return node;
        case 'AppendEntriesResponse':
          return onAppendResponse(node, m, ctx, fx);
        case 'InstallSnapshotResponse':
          return onInstallSnapshotResponse(node, m, ctx, fx);
        default:
          return assertNever(m);
      }
    }
    case 'heartbeatTimeout':
      return onHeartbeat(node, ctx, fx);
    case 'checkQuorum':
      return ctx.options.checkquorum ? checkQuorum(node, ctx, fx) : node;
    case 'propose':
      if (node.volatile.transfer !== null) {
        // Thesis §3.10: while it hands its leadership over, a leader takes nothing new.
        fx.records.push({ type: 'proposalRefused', node: node.id, value: input.value, why: 'transferring', leader: node.volatile.transfer.target });
        return node;
      }
      return propose(node, input.value, ctx, fx);
    case 'change':
      return requestChange(node, input.request, input.asked, ctx, fx);
    case 'transfer':
      return requestTransfer(node, input.target, ctx, fx);
    case 'clientRequest':
      return onClientRequest(node, input.request, ctx, fx);
    case 'electionTimeout':
      // Told to campaign while it leads: nothing to do, but the record says it was asked.
      fx.records.push({ type: 'electionTimeout', node: node.id, term: node.persistent.currentTerm, forced: input.forced });
      return node;
    default:
      return assertNever(input);
  }
}

/**
 * CheckQuorum (thesis §6.2): a leader checks that a quorum of the voters (itself included)
 * answered since the last check. If not, it is cut off from the cluster and
 * steps down, rather than take requests it can never commit; otherwise it
 * starts a new round of the check.
 */
export function checkQuorum(node: LeaderNode, ctx: StepContext, fx: Effects): UpNode {
  const v = node.volatile;
  // Each voter "votes" whether it answered: the leader always has; a voter it tracks no progress for has not.
  const answered: Record<NodeId, boolean> = {};
  let heard = 0;
  const config = configOf(node, ctx);
  for (const id of voterIds(config)) {
    const yes = id === node.id || v.progress[id]?.active === true;
    answered[id] = yes;
    if (yes) heard++;
  }
  // `needed` is the incoming configuration's majority: outside a membership change, the only one (§6).
  fx.records.push({ type: 'quorumChecked', node: node.id, term: node.persistent.currentTerm, heard, needed: majority(config.voters.length) });
  if (voteResult(config, answered) !== 'won') {
    return becomeFollower(node, node.persistent.currentTerm, null, 'lost-quorum', node.id, fx);
  }
  fx.election = 'reset';
  const progress: Record<string, Progress> = {};
  for (const peer in v.progress) progress[peer] = unheard(v.progress[peer]);
  return leaderNode(node, node.persistent, v.commitIndex, progress);
}
