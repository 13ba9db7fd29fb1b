/**
 * A configuration (§6) in words, for the page: the line over the cluster, the
 * node inspector, and a configuration entry's accessible name. The compact
 * form (`n1,n2,n3 -> n3,n4,n5`) is engine/raft/configs.ts's configText.
 */
import type { Membership, NodeId } from '../../engine/types.ts';

/** `n1, n2 and n3`; `none` for an empty list. */
export function idList(ids: readonly NodeId[]): string {
  if (ids.length === 0) return 'none';
  if (ids.length === 1) return ids[0];
  return `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
}

/**
 * The configuration in a sentence: `voters n1, n2 and n3`; while joint, `joint:
 * old n1, n2 and n3 and new n3, n4 and n5, decisions need a majority of each`;
 * learners after: `; learners n4 (they copy the log but do not vote)`.
 */
export function configWords(c: Membership): string {
  const voters =
    c.outgoing.length > 0
      ? `joint: old ${idList(c.outgoing)} → new ${idList(c.voters)}; every decision needs a majority of each`
      : `voters ${idList(c.voters)}`;
  const learners = c.learners.length > 0 ? `; ${c.learners.length === 1 ? 'learner' : 'learners'} ${idList(c.learners)} (copying the log, not voting yet)` : '';
  return voters + learners;
}

/** A configuration entry's kind in a word or two: `joint configuration` (C_old,new) or `configuration`. */
export const configKindWords = (c: Membership): string => (c.outgoing.length > 0 ? 'joint configuration C_old,new' : 'configuration');
