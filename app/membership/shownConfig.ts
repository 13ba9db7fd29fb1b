/**
 * Which configuration (§6) the page draws, and what each node is in it.
 *
 * Every node uses its own configuration, the latest in its log (committed or
 * not), so during a change nodes can disagree. The page draws one: the
 * leader's, since the leader decides what counts as a majority for commitment
 * and takes the change through its phases. With no leader (an election under
 * way) it draws the newest configuration any node holds (the highest index it
 * came from), which is the one the next leader will most likely carry; the
 * drawing then does not jump at every election.
 */
import type { Membership, NodeId } from '../../engine/types.ts';
import { memberKind, type MemberKind } from '../../engine/raft/configs.ts';
import type { ConfigView } from '../store/mergeSnapshot.ts';

export interface ShownConfig {
  readonly config: Membership;
  /** The node whose configuration it is. */
  readonly node: NodeId;
  /** `leader`: the leader's own; `newest`: with no leader, the newest any node holds. */
  readonly source: 'leader' | 'newest';
  /** The log index it came from; 0: the cluster's initial configuration. */
  readonly index: number;
}

/** The configuration the page draws, or null before the worker has sent any. */
export function shownConfig(ids: readonly NodeId[], leader: NodeId | null, configs: Readonly<Record<NodeId, ConfigView>>): ShownConfig | null {
  if (leader !== null && configs[leader] !== undefined) return { ...configs[leader], node: leader, source: 'leader' };
  let best: ShownConfig | null = null;
  for (const id of ids) {
    const c = configs[id];
    if (c !== undefined && (best === null || c.index > best.index)) best = { ...c, node: id, source: 'newest' };
  }
  return best;
}

/**
 * What `id` is: in the leader's configuration when there is a leader (the one
 * that decides whom it replicates to and whose votes count), else in the
 * node's own (what it believes of itself: a non-voter does not campaign).
 */
export function memberKindOf(id: NodeId, leader: NodeId | null, configs: Readonly<Record<NodeId, ConfigView>>): MemberKind {
  const c = (leader !== null ? configs[leader] : undefined) ?? configs[id];
  return c === undefined ? 'voter' : memberKind(c.config, id);
}

/**
 * Whether the page has a membership story to tell: some node outside the
 * configuration or a learner, a joint configuration, or a configuration that
 * came from a log entry or a snapshot. A cluster where every node has voted
 * from the start is drawn as it always was.
 */
export function membershipMatters(ids: readonly NodeId[], configs: Readonly<Record<NodeId, ConfigView>>): boolean {
  return ids.some((id) => {
    const c = configs[id];
    if (c === undefined) return false;
    return c.index > 0 || c.config.outgoing.length > 0 || c.config.learners.length > 0 || c.config.voters.length !== ids.length;
  });
}

/** The nodes drawn on the ring: every server of the configuration (voters of both halves, learners), in id order. The rest sit apart. */
export function ringMembers(ids: readonly NodeId[], shown: ShownConfig | null): readonly NodeId[] {
  if (shown === null) return ids;
  const c = shown.config;
  return ids.filter((id) => c.voters.includes(id) || c.outgoing.includes(id) || c.learners.includes(id));
}
