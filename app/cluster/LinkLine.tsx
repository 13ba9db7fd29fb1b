/**
 * A link between two nodes, or a node and a client (drawn fainter: a client
 * talks to one node at a time; the link to the node it believes leads is a
 * dashed pointer). Clicking it, or Enter when it has focus, cuts it,
 * or restores it if cut. The links share one Tab stop (useRovingFocus).
 */
import { memo } from 'react';
import type { NodeId } from '../../engine/types.ts';
import { NODE_RADIUS, type NodePlace } from '../geometry/clusterLayout.ts';
import { cutMarkPoint, linkBandPath } from '../geometry/linkGeometry.ts';
import { crossPath } from '../geometry/glyphs.ts';
import { toggleLink } from '../sim/actions.ts';
import { useSession } from '../session/useSession.ts';

interface Props {
  readonly a: NodeId;
  readonly b: NodeId;
  readonly from: NodePlace;
  readonly to: NodePlace;
  readonly cut: boolean;
  /** The links' one place in the Tab order. */
  readonly tabStop: boolean;
  /** Between nodes; or from a node to a client, `guess` when the client believes that node leads. */
  readonly kind?: 'node' | 'client' | 'guess';
  /** One end is outside the configuration (§6): drawn fainter, since no leader sends over it until that server is added. */
  readonly apart?: boolean;
}

export const LinkLine = memo(function LinkLine({ a, b, from, to, cut, tabStop, kind = 'node', apart = false }: Props) {
  const session = useSession();
  const mark = cutMarkPoint(from, to);
  const label = cut ? `Link ${a}–${b} is cut: click to restore it` : `Link ${a}–${b}: click to cut it`;
  const guess = kind === 'guess' ? ` (${b} believes ${a} leads)` : '';
  const name = cut ? `Link ${a}–${b}, cut` : `Link ${a}–${b}${guess}`;
  return (
    <g
      data-testid={`link-${a}-${b}`}
      data-cut={cut}
      className={`link${kind === 'node' ? '' : ` client-link${kind === 'guess' ? ' guess' : ''}`}${apart ? ' apart' : ''}${cut ? ' cut' : ''}`}
      onClick={() => toggleLink(session, a, b)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') toggleLink(session, a, b);
      }}
      role="button"
      // A toggle button: pressed means cut.
      aria-label={name}
      aria-pressed={cut}
      tabIndex={tabStop ? 0 : -1}
      data-roving={`${a}-${b}`}
    >
      <title>{label + guess}</title>
      <line className="link-line" x1={from.x} y1={from.y} x2={to.x} y2={to.y} />
      <path className="link-band" d={linkBandPath(from, to, (NODE_RADIUS + 6) * from.scale, 8)} />
      {cut && (
        <g className="cut-mark" transform={`translate(${mark.x},${mark.y})`}>
          <circle r={11} />
          <path d={crossPath(5)} />
        </g>
      )}
    </g>
  );
});
