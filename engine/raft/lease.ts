/**
 * The vote lease (thesis §4.2.3 and §9.6; etcd's `inLease`): a server that has
 * heard from a current leader within the minimum election timeout believes that
 * leader is alive, so it sees no reason for an election and refuses to help
 * start one.
 *
 * Why the minimum: no follower's election timer fires sooner than that after it
 * last heard from the leader, so while the lease holds, no follower of a live
 * leader can yet have a reason to campaign; a request for votes then comes from
 * a server that is out of touch (cut off, or removed), and granting it would
 * only disrupt the cluster.
 *
 * The time is the node's own clock (StepContext.now); the moment it last heard
 * from its leader is part of its volatile state (FollowerState.leaderHeardAt).
 */

/**
 * True while a node that last heard from a current leader at `heardAt` (null:
 * it knows none) is within its lease at time `now`: strictly less than the
 * minimum election timeout has passed since.
 */
export function inLease(heardAt: number | null, now: number, minElectionTimeout: number): boolean {
  return heardAt !== null && now - heardAt < minElectionTimeout;
}
