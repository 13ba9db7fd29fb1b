/** Every message in flight. Re-renders only when messages are sent or delivered, not as they move. */
import { useLayoutEffect } from 'react';
import type { NodeId } from '../../engine/types.ts';
import type { NodePlace } from '../geometry/clusterLayout.ts';
import { headingDegrees } from '../geometry/linkGeometry.ts';
import { useStore } from '../store/store.ts';
import { selectMessages, selectSelectedMessage } from '../store/selectors.ts';
import { MessageGlyph } from './MessageGlyph.tsx';
import type { ClusterPainter } from './clusterPainter.ts';

interface Props {
  readonly layout: Readonly<Record<NodeId, NodePlace>>;
  readonly painter: ClusterPainter;
}

export function MessageLayer({ layout, painter }: Props) {
  const messages = useStore(selectMessages);
  const selected = useStore(selectSelectedMessage);
  // Place new glyphs before the browser paints, so none flashes at the origin.
  useLayoutEffect(() => painter.paint(performance.now()), [painter, messages]);
  return (
    <g className="messages">
      {messages.map((m) => {
        const from = layout[m.from];
        const to = layout[m.to];
        if (from === undefined || to === undefined) return null;
        return <MessageGlyph key={m.id} message={m} heading={headingDegrees(from, to)} painter={painter} selected={m.id === selected} />;
      })}
    </g>
  );
}
