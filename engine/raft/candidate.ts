/** The candidate's step (§5.2): count votes, yield to a leader of its term, or try again. Pre-candidates (PreVote) too. */
import type { CandidateNode, UpNode } from '../types.ts';
import type { Effects } from './effects.ts';
import type { StepContext } from './context.ts';
import type { RoleInput } from './input.ts';
import { onRequestVote, onVoteResponse } from './election.ts';
import { onAppendEntries } from './follower.ts';
import { onInstallSnapshot } from './snapshot.ts';
import { becomeCandidate, becomeFollower } from './transitions.ts';
import { assertNever } from '../assertNever.ts';
import { turnAway } from './clients.ts';
import { refuseChange } from './changes.ts';
import { refuseTransfer } from './transfer.ts';

/** The caller has handled terms (§5.1): a message here is of the candidate's current term. */
export function stepCandidate(node: CandidateNode, input: RoleInput, ctx: StepContext, fx: Effects): UpNode {
  switch (input.kind) {
    case 'message': {
      const m = input.message;
      switch (m.type) {
        case 'RequestVote':
          return onRequestVote(node, m, ctx, fx);
        case 'RequestVoteResponse':
          return onVoteResponse(node, m, ctx, fx);
        case 'AppendEntries':
          // Only the leader of a term sends AppendEntries in it, so a candidate that
          // hears one has lost the election (§5.2), and follows the winner.
          return onAppendEntries(becomeFollower(node, m.term, m.from, 'leader-found', m.from, fx), m, ctx, fx);
        case 'InstallSnapshot':
          // The same for a snapshot: only the term's leader sends one.
          return onInstallSnapshot(becomeFollower(node, m.term, m.from, 'leader-found', m.from, fx), m, ctx, fx);
        case 'AppendEntriesResponse':
        case 'InstallSnapshotResponse':
        case 'TimeoutNow':
          return node;
        default:
          return assertNever(m);
      }
    }
    case 'electionTimeout':
      // No majority in time (a split vote, or lost messages): a new election (§5.2).
      fx.records.push({ type: 'electionTimeout', node: node.id, term: node.persistent.currentTerm, forced: input.forced });
      return becomeCandidate(node, ctx, fx);
    case 'propose':
      fx.records.push({ type: 'proposalRefused', node: node.id, value: input.value, why: 'not-leader', leader: node.volatile.leader });
      return node;
    case 'clientRequest':
      return turnAway(node, input.request, fx);
    case 'change':
      return refuseChange(node, input.asked, fx);
    case 'transfer':
      return refuseTransfer(node, input.target, fx);
    case 'heartbeatTimeout':
    case 'checkQuorum':
      return node;
    default:
      return assertNever(input);
  }
}
