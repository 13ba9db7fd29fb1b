/**
 * A node in words: what the cluster view writes under a node, and the
 * accessible names of a node and of its row in the logs, so a screen reader
 * hears what a sighted reader sees: "n3, follower, term 8, 11 entries, commit 11".
 */
import type { NodeView } from '../worker/viewModel.ts';

/** The role as drawn under the node, and for a candidate its votes, since that is what it is waiting for. */
export function roleWords(node: Pick<NodeView, 'role' | 'pre' | 'votes'>, clusterSize: number): [string, string | null] {
  switch (node.role) {
    case 'leader':
      return ['LEADER', null];
    case 'candidate': {
      // A pre-candidate (PreVote) counts pre-votes: promises, not votes; its term is still the old one.
      const granted = Object.values(node.votes ?? {}).filter(Boolean).length;
      const needed = Math.floor(clusterSize / 2) + 1;
      return node.pre ? ['pre-candidate', `${granted} of ${needed} pre-votes`] : ['candidate', `${granted} of ${needed} votes`];
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

/** The accessible name of a node in the cluster view. */
export function nodeName(node: NodeView, clusterSize: number, inViolation: boolean): string {
  const [role, detail] = roleWords(node, clusterSize);
  return [
    node.id,
    role.toLowerCase(),
    detail,
    `term ${node.term}`,
    logWords(node.up, node.logLength, node.commitIndex),
    inViolation ? 'involved in a safety violation' : null,
  ]
    .filter((w) => w !== null)
    .join(', ');
}
