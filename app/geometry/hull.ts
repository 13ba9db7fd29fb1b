/**
 * A rounded outline around a group of nodes: the convex hull of their centres,
 * grown by `pad` on every side (edges moved out, corners rounded), as an SVG
 * path. The cluster view draws one around each half of a joint configuration
 * (§6). Nodes on the ring are in convex position, so every centre is a corner.
 */
import type { Point } from './clusterLayout.ts';

export function hullPath(points: readonly Point[], pad: number): string {
  if (points.length === 0) return '';
  if (points.length === 1) {
    const { x, y } = points[0];
    return `M${f(x - pad)},${f(y)} a${f(pad)},${f(pad)} 0 1 0 ${f(2 * pad)},0 a${f(pad)},${f(pad)} 0 1 0 ${f(-2 * pad)},0 Z`;
  }
  const cx = points.reduce((a, p) => a + p.x, 0) / points.length;
  const cy = points.reduce((a, p) => a + p.y, 0) / points.length;
  // Clockwise on screen (y grows downwards), so an edge's outward normal is (dy, -dx).
  const ring = [...points].sort((a, b) => Math.atan2(a.y - cy, a.x - cx) - Math.atan2(b.y - cy, b.x - cx));
  const normals = ring.map((p, i) => {
    const q = ring[(i + 1) % ring.length];
    const dx = q.x - p.x;
    const dy = q.y - p.y;
    const len = Math.hypot(dx, dy) || 1;
    return { x: dy / len, y: -dx / len };
  });
  let d = '';
  ring.forEach((p, i) => {
    const q = ring[(i + 1) % ring.length];
    const n = normals[i];
    const next = normals[(i + 1) % ring.length];
    const start = { x: p.x + pad * n.x, y: p.y + pad * n.y };
    const end = { x: q.x + pad * n.x, y: q.y + pad * n.y };
    const turn = { x: q.x + pad * next.x, y: q.y + pad * next.y };
    d += `${i === 0 ? 'M' : 'L'}${f(start.x)},${f(start.y)} L${f(end.x)},${f(end.y)} A${f(pad)},${f(pad)} 0 0 1 ${f(turn.x)},${f(turn.y)} `;
  });
  return `${d}Z`;
}

const f = (v: number): string => v.toFixed(1);
