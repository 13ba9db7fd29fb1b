/**
 * Configurations (§6) as data: how they are built, asked about, compared and
 * written. Which configuration a node uses is membership.ts's business.
 */
import type { Membership, NodeId } from '../types.ts';
import { majorityConfig } from './quorum.ts';

/** A configuration of these voters, outgoing voters and learners, each list sorted. */
export const membership = (voters: Iterable<NodeId>, outgoing: Iterable<NodeId> = [], learners: Iterable<NodeId> = []): Membership => ({
  voters: majorityConfig(voters),
  outgoing: majorityConfig(outgoing),
  learners: majorityConfig(learners),
});

/** Whether `id` votes in `c` (either half of a joint configuration). */
export const votesIn = (c: Membership, id: NodeId): boolean => c.voters.includes(id) || c.outgoing.includes(id);

/** Whether `id` is in `c` at all: a voter of either half, or a learner. */
export const memberOf = (c: Membership, id: NodeId): boolean => votesIn(c, id) || c.learners.includes(id);

/** Every server of `c` (voters of both halves and learners), sorted: whom its leader replicates to. */
export const serversOf = (c: Membership): readonly NodeId[] => majorityConfig([...c.voters, ...c.outgoing, ...c.learners]);


/** What `id` is in `c`: a voter (either half), a learner, or neither. */
export type MemberKind = 'voter' | 'learner' | 'none';
export const memberKind = (c: Membership, id: NodeId): MemberKind => (votesIn(c, id) ? 'voter' : c.learners.includes(id) ? 'learner' : 'none');

export const sameMembers = (a: readonly NodeId[], b: readonly NodeId[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

export const sameConfig = (a: Membership, b: Membership): boolean =>
  sameMembers(a.voters, b.voters) && sameMembers(a.outgoing, b.outgoing) && sameMembers(a.learners, b.learners);

/**
 * How a configuration is written, everywhere (trace, page, `expect config`):
 * `n1,n2,n3`; while joint, old then new: `n1,n2,n3 -> n3,n4,n5`; learners
 * after, `n1,n2,n3 learners n4`.
 */
export function configText(c: Membership): string {
  const voters = c.outgoing.length > 0 ? `${c.outgoing.join(',')} -> ${c.voters.join(',')}` : c.voters.join(',');
  return c.learners.length > 0 ? `${voters} learners ${c.learners.join(',')}` : voters;
}
