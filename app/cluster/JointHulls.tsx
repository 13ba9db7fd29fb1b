/**
 * Joint consensus on the ring (§6): an outline around each half of C_old,new,
 * C_old dashed and C_new solid (never colour alone), each named in a corner of
 * the drawing with its members and, while there is a leader, how many of them
 * hold the entry the leader is waiting to commit: that entry commits only once
 * a majority of each half holds it (engine/raft/quorum.ts).
 */
import { memo } from 'react';
import type { Membership, NodeId } from '../../engine/types.ts';
import { NODE_RADIUS, VIEW_WIDTH, type NodePlace } from '../geometry/clusterLayout.ts';
import { hullPath } from '../geometry/hull.ts';
import { useAppStore } from '../store/useAppStore.ts';
import { ackTally, watchedIndex, type HalfTally } from '../membership/quorumTally.ts';
import type { Store } from '../store/store.ts';

interface Props {
  readonly config: Membership;
  readonly layout: Readonly<Record<NodeId, NodePlace>>;
}

/** Outlines clear of the timer arcs; C_new's a little wider, so where the halves share a node both lines show. */
const OLD_PAD = NODE_RADIUS + 20;
const NEW_PAD = NODE_RADIUS + 30;

/** Per half, how many hold the entry the leader waits on, as one string (a primitive, so this redraws only when a count changes). */
function selectAcks(config: Membership): (s: Store) => string {
  return (s) => {
    const leader = s.leader === null ? undefined : s.nodes[s.leader];
    if (leader === undefined || leader.progress === null) return '';
    const index = watchedIndex(leader.commitIndex, leader.logLength);
    if (index === null) return '';
    const halves = ackTally(config, leader.id, leader.logLength, leader.progress, index);
    return JSON.stringify({ index, committed: index <= leader.commitIndex, halves });
  };
}

export const JointHulls = memo(function JointHulls({ config, layout }: Props) {
  const acks = useAppStore(selectAcks(config));
  const parsed = acks === '' ? null : (JSON.parse(acks) as { index: number; committed: boolean; halves: HalfTally[] });
  const place = (ids: readonly NodeId[]) => ids.map((id) => layout[id]).filter((p) => p !== undefined);
  const line = (half: 'old' | 'new'): string | null => {
    const h = parsed?.halves.find((x) => x.half === half);
    if (h === undefined || parsed === null) return null;
    return `entry ${parsed.index} on ${h.yes}/${h.members.length}${h.reached ? ' ✓' : `, needs ${h.needed}`}`;
  };
  return (
    <g className="joint-hulls" data-testid="joint-hulls" aria-hidden="true">
      <path className="hull hull-old" data-testid="hull-old" d={hullPath(place(config.outgoing), OLD_PAD)} />
      <path className="hull hull-new" data-testid="hull-new" d={hullPath(place(config.voters), NEW_PAD)} />
      <HullLabel x={8} anchor="start" half="old" members={config.outgoing} tally={line('old')} />
      <HullLabel x={VIEW_WIDTH - 8} anchor="end" half="new" members={config.voters} tally={line('new')} />
    </g>
  );
});

function HullLabel({ x, anchor, half, members, tally }: { x: number; anchor: 'start' | 'end'; half: 'old' | 'new'; members: readonly NodeId[]; tally: string | null }) {
  const sample = anchor === 'start' ? x : x - 30;
  return (
    <g className={`hull-label hull-label-${half}`}>
      <line className={`hull hull-${half}`} x1={sample} x2={sample + 30} y1={16} y2={16} />
      <text x={anchor === 'start' ? x + 36 : x - 36} y={21} textAnchor={anchor} className="hull-name">
        {half === 'old' ? 'C_old' : 'C_new'}: {members.join(', ')}
      </text>
      {tally !== null && (
        <text x={x} y={42} textAnchor={anchor} className="hull-tally">
          {tally}
        </text>
      )}
    </g>
  );
}
