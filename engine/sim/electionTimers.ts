/**
 * `timers align` and `timers spread`: set every running election timer at once,
 * to show why Raft randomizes them (§5.2). Aligned, every follower times out at
 * the same moment (the shortest timeout from now), so several become candidates
 * together and likely split the vote. Spread, they time out one after another,
 * evenly across the timeout range in node order, so the first candidate has the
 * votes before anyone else wakes. Deterministic: no random draw is taken, so the
 * rest of the run's randomness is as it would have been.
 *
 * A leader runs no election timer (unless CheckQuorum uses it), and a crashed
 * node none at all: both are left as they are.
 */
import type { ClusterState } from './cluster.ts';

export type TimerLayout = 'align' | 'spread';

/** The nodes whose election timers were set, and when each now fires. */
export function setElectionTimers(s: ClusterState, layout: TimerLayout): { node: string; at: number }[] {
  s.event++;
  const { min, max } = s.config.election;
  const nodes = s.ids.filter((id) => {
    const v = s.nodes[id].volatile;
    return v !== null && v.role !== 'leader';
  });
  return nodes.map((id, k) => {
    const at = s.time + (layout === 'align' || nodes.length === 1 ? min : min + Math.round(((max - min) * k) / (nodes.length - 1)));
    s.timers[id] = { ...s.timers[id], election: { at, setAt: s.time, seq: s.seq++ } };
    return { node: id, at };
  });
}
