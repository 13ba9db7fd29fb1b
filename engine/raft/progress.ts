/**
 * What a leader knows about each follower (Figure 2's nextIndex and matchIndex,
 * plus flow control and CheckQuorum's bookkeeping), as small pure functions.
 *
 * Invariant: 0 <= match < next <= the leader's lastIndex + 1; `pendingSnapshot` is 0 outside the `snapshot` state.
 *
 * Each function builds the new Progress field by field rather than by spreading
 * the old one: the leader does this on every acknowledgement, and an object
 * literal of a fixed shape is several times cheaper than a spread copy.
 */
import type { NodeId, Progress, ProgressState } from '../types.ts';

const progress = (
  next: number,
  match: number,
  inflight: boolean,
  rejections: number,
  state: ProgressState,
  pendingSnapshot: number,
  active: boolean,
  acked: number,
  sent: number,
): Progress => ({
  next,
  match,
  inflight,
  rejections,
  state,
  pendingSnapshot,
  active,
  acked,
  sent,
});

/**
 * A new leader knows nothing of a follower yet: it will send from `next` (just
 * past its own log), has matched nothing (§5.3), and probes (etcd: a new leader
 * starts every follower in Probe).
 */
export const initialProgress = (next: number): Progress => progress(next, 0, false, 0, 'probe', 0, false, -1, -1);

/** An AppendEntries, sent at `round`, is now outstanding. */
export const sending = (p: Progress, round: number): Progress =>
  p.inflight && p.sent === round ? p : progress(p.next, p.match, true, p.rejections, p.state, p.pendingSnapshot, p.active, p.acked, round);

/** The follower answered a request sent at `round` (CheckQuorum counts it as active; ReadIndex and leases count the round). */
export const heardFrom = (p: Progress, round: number): Progress =>
  p.active && p.acked >= round
    ? p
    : progress(p.next, p.match, p.inflight, p.rejections, p.state, p.pendingSnapshot, true, Math.max(p.acked, round), p.sent);

/** The follower stores the leader's log up to `match`: nextIndex moves past it, and entries stream (Replicate). */
export const acknowledged = (p: Progress, match: number): Progress =>
  progress(Math.max(p.next, match + 1), match, false, p.rejections, 'replicate', 0, p.active, p.acked, p.sent);

/** The follower refused the probe: the leader resends from `next` (§5.3), one request at a time (Probe). */
export const refused = (p: Progress, next: number): Progress =>
  progress(next, p.match, false, p.rejections + 1, 'probe', 0, p.active, p.acked, p.sent);

/** The leader probes the follower from `next` (Probe), e.g. at the start of a log it has just compacted. */
export const probeFrom = (p: Progress, next: number): Progress =>
  progress(next, p.match, p.inflight, p.rejections, 'probe', 0, p.active, p.acked, p.sent);

/** The follower needs entries compacted into the snapshot at `index`: it was sent the snapshot, sent at `round` (Figure 13). */
export const snapshotSent = (p: Progress, index: number, round: number): Progress =>
  progress(p.next, p.match, true, p.rejections, 'snapshot', index, p.active, p.acked, round);

/**
 * The follower's log now matches the leader's up to `match` (it installed the
 * snapshot, or already had it): the leader probes from just past it, as etcd
 * does after a snapshot.
 */
export const snapshotDone = (p: Progress, match: number): Progress =>
  progress(match + 1, Math.max(p.match, match), false, p.rejections, 'probe', 0, p.active, p.acked, p.sent);

/** A new round of CheckQuorum: nobody has answered yet. */
export const unheard = (p: Progress): Progress =>
  p.active ? progress(p.next, p.match, p.inflight, p.rejections, p.state, p.pendingSnapshot, false, p.acked, p.sent) : p;

/**
 * The progress table with `peer`'s entry replaced. (A copy by `for...in`: the
 * cheapest copy of a small record in V8, cheaper than a spread with a computed key.)
 */
export function withPeer(table: Readonly<Record<NodeId, Progress>>, peer: NodeId, p: Progress): Record<NodeId, Progress> {
  const out: Record<NodeId, Progress> = {};
  for (const id in table) out[id] = id === peer ? p : table[id];
  return out;
}
