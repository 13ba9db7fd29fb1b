/**
 * One server: coloured by its term, with its role shown by more than colour
 * (crown and heavy ring for the leader, dashed ring for a candidate, grey and
 * crossed out when crashed) and its election timer as an arc around it. A
 * PreVote pre-candidate is drawn as a candidate and labelled "pre-candidate". A
 * node involved in a safety violation wears a red ring and a warning flag.
 * Hovering or focusing it explains it (app/explain/whyNode.ts).
 *
 * Membership (§6) is shown by more than colour too: a learner (it copies the
 * log, and neither votes nor counts) wears a double ring where a voter's
 * election timer runs, and the word "learner"; a server outside the
 * configuration is faded, sits apart (ClusterView) and says "not a member".
 * `data-member` is what the node is in the leader's configuration, or with no
 * leader in its own (shownConfig.ts, memberKindOf).
 */
import { memo, useCallback } from 'react';
import type { NodeId } from '../../engine/types.ts';
import { NODE_RADIUS, TIMER_ARC_INNER, TIMER_ARC_OUTER, type NodePlace } from '../geometry/clusterLayout.ts';
import { crossPath, crownPath } from '../geometry/glyphs.ts';
import { termColor, termInk } from '../theme/termColor.ts';
import { useAppStore } from '../store/useAppStore.ts';
import { selectInViolation, selectMemberKind, selectNode } from '../store/selectors.ts';
import type { ClusterPainter } from './clusterPainter.ts';
import { WHY_TOOLTIP_ID, whyAttr } from '../explain/whyTarget.ts';
import { memberWords, nodeName, roleWords } from './nodeWords.ts';
import type { Store } from '../store/store.ts';
import type { Membership } from '../../engine/types.ts';
import { useSession } from '../session/useSession.ts';

interface Props {
  readonly id: NodeId;
  readonly place: NodePlace;
  readonly painter: ClusterPainter;
  readonly selected: boolean;
  readonly clusterSize: number;
}

export const NodeGlyph = memo(function NodeGlyph({ id, place, painter, selected, clusterSize }: Props) {
  const session = useSession();
  const node = useAppStore(selectNode(id));
  const inViolation = useAppStore(selectInViolation(id));
  const member = useAppStore(selectMemberKind(id));
  // Its own configuration: a candidate counts its votes in it (§6).
  const own = useAppStore(selectOwnConfig(id));
  const registerArc = useCallback((el: SVGPathElement | null) => painter.arc(id, el), [painter, id]);
  if (node === undefined) return null;
  const { role, term } = node;
  const down = role === 'down';
  const fill = down ? '#d9d9d9' : termColor(term);
  const ink = down ? '#555' : termInk(term);
  const voters = own ?? clusterSize;
  const words = roleWords(node, voters);
  const memberLine = memberWords(member);
  const detail = words[1] ?? memberLine;
  const select = (): void => session.store.getState().select({ kind: 'node', id });
  return (
    <g
      data-testid={`node-${id}`}
      data-role={role}
      data-term={term}
      data-pre={node.pre}
      data-violation={inViolation}
      data-member={member}
      className={`node role-${role} member-${member}${node.pre ? ' pre' : ''}${selected ? ' selected' : ''}${inViolation ? ' in-violation' : ''}`}
      transform={`translate(${place.x},${place.y})${place.scale === 1 ? '' : ` scale(${place.scale})`}`}
      onClick={select}
      onKeyDown={(e) => {
        if (e.key === 'Enter') select();
      }}
      role="button"
      tabIndex={0}
      // "n3, follower, term 8, 11 entries, commit 11": what the drawing shows, in words (nodeWords.ts).
      aria-label={nodeName(node, voters, inViolation, member)}
      // Hovered or focused, the floating explanation says why it is in this state (app/explain).
      data-why={whyAttr({ kind: 'node', id })}
      aria-describedby={WHY_TOOLTIP_ID}
    >
      {inViolation && <circle className="violation-ring" r={TIMER_ARC_OUTER + 5} />}
      {selected && <circle className="selection-ring" r={TIMER_ARC_OUTER + 6} />}
      {/* Shown only while the node has keyboard focus (app.css): a ring of its own, so the role's ring stays as it is. */}
      <circle className="focus-ring" r={TIMER_ARC_OUTER + 11} />
      {node.electionTimer !== null && <circle className="timer-track" r={(TIMER_ARC_INNER + TIMER_ARC_OUTER) / 2} />}
      {member === 'learner' && (
        <>
          <circle className="learner-ring" r={(TIMER_ARC_INNER + TIMER_ARC_OUTER) / 2} />
          <circle className="learner-ring-gap" r={(TIMER_ARC_INNER + TIMER_ARC_OUTER) / 2} />
        </>
      )}
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
      {inViolation && (
        <g className="violation-flag" transform={`translate(${NODE_RADIUS * 0.8},${-NODE_RADIUS * 0.8})`}>
          <path d="M0,-13 L12,9 L-12,9 Z" />
          <text y={6}>!</text>
        </g>
      )}
      <text className={`role-label role-${role}`} y={TIMER_ARC_OUTER + 20}>
        {words[0]}
        {detail && (
          <tspan x={0} dy={19} className={words[1] === null ? 'role-detail member-detail' : 'role-detail'}>
            {detail}
          </tspan>
        )}
      </text>
    </g>
  );
});

/** A pure memo table like selectors.ts's: one selector per node for the configuration it uses itself. */
const ownSelectors = new Map<NodeId, (s: Store) => Membership | null>();
function selectOwnConfig(id: NodeId): (s: Store) => Membership | null {
  let f = ownSelectors.get(id);
  if (f === undefined) {
    f = (s) => s.configs[id]?.config ?? null;
    ownSelectors.set(id, f);
  }
  return f;
}
