/**
 * Counting toward majorities, half by half (§6). Outside a change there is one
 * half, the voters. During joint consensus (C_old,new) every election and every
 * commitment needs a majority of C_old and a majority of C_new, counted apart
 * (engine/raft/quorum.ts); a server in both counts in both. Learners count in
 * neither. These tallies say how far each half is, for the page to show.
 */
import type { Membership, NodeId } from '../../engine/types.ts';
import { majority } from '../../engine/raft/quorum.ts';

export interface HalfTally {
  /** `new`: the voters (C_new, or the only half outside a change); `old`: C_old, only while joint. */
  readonly half: 'old' | 'new';
  readonly members: readonly NodeId[];
  /** How many of `members` said yes (granted their vote, hold the entry). */
  readonly yes: number;
  /** How many a majority of this half is. */
  readonly needed: number;
  readonly reached: boolean;
}

/** The halves of `config` that decide, each tallied by `counts`: C_old first while joint. */
export function tally(config: Membership, counts: (id: NodeId) => boolean): readonly HalfTally[] {
  const half = (name: 'old' | 'new', members: readonly NodeId[]): HalfTally => {
    const yes = members.filter(counts).length;
    const needed = majority(members.length);
    return { half: name, members, yes, needed, reached: yes >= needed };
  };
  return config.outgoing.length > 0 ? [half('old', config.outgoing), half('new', config.voters)] : [half('new', config.voters)];
}

/** A candidate's votes (its own vote included), per half of its configuration. */
export const voteTally = (config: Membership, votes: Readonly<Record<NodeId, boolean>>): readonly HalfTally[] => tally(config, (id) => votes[id] === true);

/**
 * Who holds entry `index`, per half of the leader's configuration: the leader
 * itself (its log is `leaderLast` long), and each other voter whose matchIndex
 * the leader knows to be at least `index` (§5.3).
 */
export function ackTally(
  config: Membership,
  leader: NodeId,
  leaderLast: number,
  match: Readonly<Record<NodeId, { readonly match: number }>>,
  index: number,
): readonly HalfTally[] {
  return tally(config, (id) => (id === leader ? leaderLast >= index : (match[id]?.match ?? 0) >= index));
}

/**
 * The entry whose commitment the leader waits on: the first it has not
 * committed; with everything committed, its last one (or null for an empty log).
 */
export function watchedIndex(commitIndex: number, lastIndex: number): number | null {
  if (lastIndex === 0) return null;
  return lastIndex > commitIndex ? commitIndex + 1 : lastIndex;
}

/** `old 2/3 ✓ · new 1/3`: per half, yes out of its members, ✓ once a majority. One half: `2/3 ✓`. */
export function tallyShort(halves: readonly HalfTally[]): string {
  const one = (h: HalfTally): string => `${h.yes}/${h.members.length}${h.reached ? ' ✓' : ''}`;
  return halves.length === 1 ? one(halves[0]) : halves.map((h) => `${h.half} ${one(h)}`).join(' · ');
}

/** Which halves a server counts toward in `config`: `old`, `new`, both, or none (a learner, or not a member). */
export function countsToward(config: Membership, id: NodeId): readonly ('old' | 'new')[] {
  const out: ('old' | 'new')[] = [];
  if (config.outgoing.includes(id)) out.push('old');
  if (config.voters.includes(id)) out.push('new');
  return out;
}
