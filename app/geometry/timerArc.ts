/** The election-timer arc around a node: how much of its timeout has run down. */
import { arc } from 'd3-shape';
import { TIMER_ARC_INNER, TIMER_ARC_OUTER } from './clusterLayout.ts';
import { clamp01 } from './linkGeometry.ts';

const shape = arc<number>()
  .innerRadius(TIMER_ARC_INNER)
  .outerRadius(TIMER_ARC_OUTER)
  .startAngle(0)
  .endAngle((f) => 2 * Math.PI * f);

/** The fraction of a timer set at `setAt` to fire at `at` that has elapsed at `now`. */
export function elapsedFraction(setAt: number, at: number, now: number): number {
  if (at <= setAt) return 1;
  return clamp01((now - setAt) / (at - setAt));
}

/** SVG path of the arc, centred on (0, 0), from 12 o'clock clockwise; empty at 0. */
export const timerArcPath = (fraction: number): string => (fraction <= 0 ? '' : (shape(clamp01(fraction)) ?? ''));
