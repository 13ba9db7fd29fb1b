/** The cluster: nodes on a ring, a link between every pair, and the messages in flight on them. */
import { useMemo } from 'react';
import { linkKey } from '../../engine/sim/cluster.ts';
import { ringLayout, VIEW_HEIGHT, VIEW_WIDTH } from '../geometry/clusterLayout.ts';
import { allPairs } from '../geometry/linkGeometry.ts';
import { useAppStore } from '../store/useAppStore.ts';
import { selectCuts, selectIds, selectSelectedNode } from '../store/selectors.ts';
import { LinkLine } from './LinkLine.tsx';
import { MessageLayer } from './MessageLayer.tsx';
import { NodeGlyph } from './NodeGlyph.tsx';
import { useClusterPainter } from './useClusterPainter.ts';
import { useRovingFocus } from './useRovingFocus.ts';

export function ClusterView() {
  const ids = useAppStore(selectIds);
  const cuts = useAppStore(selectCuts);
  const selected = useAppStore(selectSelectedNode);
  const layout = useMemo(() => ringLayout(ids), [ids]);
  const pairs = useMemo(() => allPairs(ids), [ids]);
  const painter = useClusterPainter(layout);
  const linkKeys = useMemo(() => pairs.map(([a, b]) => `${a}-${b}`), [pairs]);
  const links = useRovingFocus(linkKeys);
  return (
    <svg className="cluster-svg" viewBox={`0 0 ${VIEW_WIDTH} ${VIEW_HEIGHT}`} role="group" aria-label="The cluster: click a node (or Enter on it) for its actions, a link to cut it">
      <g className="links" role="group" aria-label="Links: arrow keys move between them, Enter cuts or restores one" {...links.groupProps}>
        {pairs.map(([a, b]) => (
          <LinkLine
            key={`${a}-${b}`}
            a={a}
            b={b}
            from={layout[a]}
            to={layout[b]}
            cut={cuts.has(linkKey(a, b))}
            tabStop={links.stop === `${a}-${b}`}
          />
        ))}
      </g>
      <MessageLayer layout={layout} painter={painter} />
      <g className="nodes">
        {ids.map((id) => (
          <NodeGlyph key={id} id={id} place={layout[id]} painter={painter} selected={id === selected} clusterSize={ids.length} />
        ))}
      </g>
    </svg>
  );
}
