/** Every message in flight. Re-renders only when messages are sent or delivered, not as they move. */
import { useLayoutEffect, useMemo } from 'react';
import type { NodeId } from '../../engine/types.ts';
import type { NodePlace } from '../geometry/clusterLayout.ts';
import { headingDegrees } from '../geometry/linkGeometry.ts';
import { useAppStore } from '../store/useAppStore.ts';
import { selectMessages, selectSelectedMessage } from '../store/selectors.ts';
import { MessageGlyph } from './MessageGlyph.tsx';
import type { ClusterPainter } from './clusterPainter.ts';
import { useRovingFocus } from './useRovingFocus.ts';

interface Props {
  readonly layout: Readonly<Record<NodeId, NodePlace>>;
  readonly painter: ClusterPainter;
}

export function MessageLayer({ layout, painter }: Props) {
  const messages = useAppStore(selectMessages);
  const selected = useAppStore(selectSelectedMessage);
  const keys = useMemo(() => messages.map((m) => String(m.id)), [messages]);
  const roving = useRovingFocus(keys);
  // Place new glyphs before the browser paints, so none flashes at the origin.
  useLayoutEffect(() => painter.paint(performance.now()), [painter, messages]);
  return (
    <g className="messages" role="group" aria-label="Messages in flight: arrow keys move between them, Enter inspects one" {...roving.groupProps}>
      {messages.map((m) => {
        const from = layout[m.from];
        const to = layout[m.to];
        if (from === undefined || to === undefined) return null;
        return <MessageGlyph key={m.id} message={m} heading={headingDegrees(from, to)} painter={painter} selected={m.id === selected} tabStop={roving.stop === String(m.id)} />;
      })}
    </g>
  );
}
