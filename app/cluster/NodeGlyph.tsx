/**
 * One server: coloured by its term, with its role shown by more than colour
 * (crown and heavy ring for the leader, dashed ring for a candidate, grey and
 * crossed out when crashed) and its election timer as an arc around it.
 */
import { memo, useCallback } from 'react';
import type { NodeId } from '../../engine/types.ts';
import { NODE_RADIUS, TIMER_ARC_INNER, TIMER_ARC_OUTER, type NodePlace } from '../geometry/clusterLayout.ts';
import { crossPath, crownPath } from '../geometry/glyphs.ts';
import { termColor, termInk } from '../theme/termColor.ts';
import { useStore } from '../store/store.ts';
import { selectNode } from '../store/selectors.ts';
import type { NodeView } from '../worker/viewModel.ts';
import type { ClusterPainter } from './clusterPainter.ts';

interface Props {
  readonly id: NodeId;
  readonly place: NodePlace;
  readonly painter: ClusterPainter;
  readonly selected: boolean;
  readonly clusterSize: number;
}

export const NodeGlyph = memo(function NodeGlyph({ id, place, painter, selected, clusterSize }: Props) {
  const node = useStore(selectNode(id));
  const registerArc = useCallback((el: SVGPathElement | null) => painter.arc(id, el), [painter, id]);
  if (node === undefined) return null;
  const { role, term } = node;
  const down = role === 'down';
  const fill = down ? '#d9d9d9' : termColor(term);
  const ink = down ? '#555' : termInk(term);
  const words = roleWords(node, clusterSize);
  const select = (): void => useStore.getState().select({ kind: 'node', id });
  return (
    <g
      data-testid={`node-${id}`}
      data-role={role}
      data-term={term}
      className={`node role-${role}${selected ? ' selected' : ''}`}
      transform={`translate(${place.x},${place.y})${place.scale === 1 ? '' : ` scale(${place.scale})`}`}
      onClick={select}
      onKeyDown={(e) => {
        if (e.key === 'Enter') select();
      }}
      role="button"
      tabIndex={0}
      aria-label={`${id}, ${words.filter(Boolean).join(', ')}, term ${term}`}
    >
      <title>{`${id}: ${words.filter(Boolean).join(', ')}, term ${term}. Click for details and actions.`}</title>
      {selected && <circle className="selection-ring" r={TIMER_ARC_OUTER + 6} />}
      {node.electionTimer !== null && <circle className="timer-track" r={(TIMER_ARC_INNER + TIMER_ARC_OUTER) / 2} />}
      <path ref={registerArc} className="timer-arc" />
      <circle className="node-body" r={NODE_RADIUS} fill={fill} />
      <text className="node-id" y={-2} fill={ink}>
        {id}
      </text>
      <text className="node-term" y={19} fill={ink}>
        term {term}
      </text>
      {role === 'leader' && <path className="crown" d={crownPath(40, 24)} transform={`translate(0,${-NODE_RADIUS - 2})`} />}
      {down && <path className="down-cross" d={crossPath(NODE_RADIUS * 0.72)} />}
      <text className={`role-label role-${role}`} y={TIMER_ARC_OUTER + 20}>
        {words[0]}
        {words[1] && (
          <tspan x={0} dy={19} className="role-detail">
            {words[1]}
          </tspan>
        )}
      </text>
    </g>
  );
});

/** The role in words, and for a candidate its votes, since that is what it is waiting for. */
function roleWords(node: NodeView, clusterSize: number): [string, string | null] {
  switch (node.role) {
    case 'leader':
      return ['LEADER', null];
    case 'candidate': {
      const granted = Object.values(node.votes ?? {}).filter(Boolean).length;
      return ['candidate', `${granted} of ${Math.floor(clusterSize / 2) + 1} votes`];
    }
    case 'follower':
      return ['follower', null];
    case 'down':
      return ['crashed', null];
  }
}
