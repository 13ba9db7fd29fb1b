/** A small inline drawing for a legend entry, centred on (0, 0). */
import type { ReactNode } from 'react';

export function LegendIcon({ children, width = 34, height = 30 }: { children: ReactNode; width?: number; height?: number }) {
  return (
    <svg className="legend-icon" width={width} height={height} viewBox={`${-width / 2} ${-height / 2} ${width} ${height}`} aria-hidden="true">
      {children}
    </svg>
  );
}
