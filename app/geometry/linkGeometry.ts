/**
 * Links and the messages that travel on them. Each direction of a link has its
 * own lane, offset to one side of the line, so a request and its response never
 * overlap, direction reads from the side a message is on, and the line's own
 * middle stays free to click.
 */
import type { Point } from './clusterLayout.ts';

/**
 * How far a message's lane sits from the link's centre line: more than a glyph's
 * half-extent at any angle, so the line itself stays clickable under traffic.
 */
export const LANE_OFFSET = 16;

/** The point at fraction `f` (0..1) of the way from `a` to `b` on the a→b lane, starting and ending `inset` from the centres. */
export function pointOnLane(a: Point, b: Point, f: number, inset: number, offset = LANE_OFFSET): Point {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy);
  if (len === 0) return a;
  const ux = dx / len;
  const uy = dy / len;
  const usable = Math.max(0, len - 2 * inset);
  const along = inset + usable * clamp01(f);
  // The normal (-uy, ux) points to opposite sides for a→b and b→a.
  return { x: a.x + ux * along - uy * offset, y: a.y + uy * along + ux * offset };
}

/** The angle of travel from a to b, in degrees, for rotating an arrowhead. */
export const headingDegrees = (a: Point, b: Point): number => (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;

/** How far a message sent at `sentAt` that arrives at `arrivesAt` has travelled at `now`. */
export function flightFraction(sentAt: number, arrivesAt: number, now: number): number {
  if (arrivesAt <= sentAt) return 1;
  return clamp01((now - sentAt) / (arrivesAt - sentAt));
}

/** Where a link's cut mark goes: off-centre, so marks on crossing diameters of an even ring do not coincide. */
export const cutMarkPoint = (a: Point, b: Point): Point => ({ x: a.x + (b.x - a.x) * 0.4, y: a.y + (b.y - a.y) * 0.4 });

export const clamp01 = (f: number): number => (f < 0 ? 0 : f > 1 ? 1 : f);

/**
 * The clickable band around a link: a rectangle `halfWidth` either side of the
 * line, stopping `inset` short of each centre so it never covers a node. A real
 * area (unlike a stroke) gives even a horizontal link a non-empty bounding box.
 */
export function linkBandPath(a: Point, b: Point, inset: number, halfWidth: number): string {
  const s = pointOnLane(a, b, 0, inset, halfWidth);
  const e = pointOnLane(a, b, 1, inset, halfWidth);
  const e2 = pointOnLane(a, b, 1, inset, -halfWidth);
  const s2 = pointOnLane(a, b, 0, inset, -halfWidth);
  const f = (p: Point): string => `${p.x.toFixed(1)},${p.y.toFixed(1)}`;
  return `M${f(s)} L${f(e)} L${f(e2)} L${f(s2)} Z`;
}

/** Every unordered pair of nodes, lower number first: the links of a full mesh. */
export function allPairs<T>(ids: readonly T[]): [T, T][] {
  const out: [T, T][] = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) out.push([ids[i], ids[j]]);
  return out;
}
