/** One painter per cluster view, kept in step with the layout and run every frame. */
import { useLayoutEffect, useState } from 'react';
import type { NodeId } from '../../engine/types.ts';
import type { NodePlace } from '../geometry/clusterLayout.ts';
import { useAnimationFrame } from '../hooks/useAnimationFrame.ts';
import { ClusterPainter } from './clusterPainter.ts';
import { useSession } from '../session/useSession.ts';

export function useClusterPainter(layout: Readonly<Record<NodeId, NodePlace>>): ClusterPainter {
  const session = useSession();
  const [painter] = useState(() => new ClusterPainter(session.store, session.clock));
  useLayoutEffect(() => {
    painter.setLayout(layout);
    painter.paint(performance.now());
  }, [painter, layout]);
  useAnimationFrame((now) => painter.paint(now));
  return painter;
}
