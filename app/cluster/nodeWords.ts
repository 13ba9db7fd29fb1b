/**
 * A node in words: what the cluster view writes under a node, and the
 * accessible names of a node and of its row in the logs, so a screen reader
 * hears what a sighted reader sees: "n3, follower, term 8, 11 entries, commit 11".
 */
import type { Membership } from '../../engine/types.ts';
import type { MemberKind } from '../../engine/raft/configs.ts';
import { majority } from '../../engine/raft/quorum.ts';
import type { NodeView } from '../worker/viewModel.ts';
import { tallyShort, voteTally } from '../membership/quorumTally.ts';

/**
 * The role as drawn under the node, and for a candidate its votes, since that
 * is what it is waiting for. Votes count in the candidate's own configuration
 * (§6; or, given a number, among that many voters): outside a change `2 of 3
 * votes` (granted of needed); during joint consensus per half, `old 2/3 ✓ ·
 * new 1/3` (granted of the half's members, ✓ once a majority of it), since it
 * needs a majority of each.
 */
export function roleWords(node: Pick<NodeView, 'role' | 'pre' | 'votes'>, voters: number | Membership): [string, string | null] {
  switch (node.role) {
    case 'leader':
      return ['LEADER', null];
    case 'candidate': {
      // A pre-candidate (PreVote) counts pre-votes: promises, not votes; its term is still the old one.
      const votes = node.votes ?? {};
      const noun = node.pre ? 'pre-votes' : 'votes';
      const role = node.pre ? 'pre-candidate' : 'candidate';
      if (typeof voters !== 'number' && voters.outgoing.length > 0) return [role, tallyShort(voteTally(voters, votes))];
      const granted = Object.values(votes).filter(Boolean).length;
      const needed = majority(typeof voters === 'number' ? voters : voters.voters.length);
      return [role, `${granted} of ${needed} ${noun}`];
    }
    case 'follower':
      return ['follower', null];
    case 'down':
      return ['crashed', null];
  }
}

export const entriesWords = (n: number): string => `${n} ${n === 1 ? 'entry' : 'entries'}`;

/**
 * A node's log length and commit point. A crashed node has lost its commit
 * index (it is volatile state, Figure 2), so none is given.
 */
export function logWords(up: boolean, logLength: number, commitIndex: number): string {
  return up ? `${entriesWords(logLength)}, commit ${commitIndex}` : entriesWords(logLength);
}

/** What a node is in the configuration, as its label's second line says it (nothing for a plain voter). */
export const memberWords = (kind: MemberKind): string | null => (kind === 'learner' ? 'learner' : kind === 'none' ? 'not a member' : null);

/** The accessible name of a node in the cluster view. */
export function nodeName(node: NodeView, voters: number | Membership, inViolation: boolean, member: MemberKind = 'voter'): string {
  const [role, detail] = roleWords(node, voters);
  return [
    node.id,
    role.toLowerCase(),
    detail,
    memberWords(member),
    `term ${node.term}`,
    logWords(node.up, node.logLength, node.commitIndex),
    inViolation ? 'involved in a safety violation' : null,
  ]
    .filter((w) => w !== null)
    .join(', ');
}
