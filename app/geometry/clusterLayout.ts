/**
 * Where things sit in the cluster view, in the SVG's own units (the viewBox);
 * the browser scales the whole drawing to the panel.
 */
import type { NodeId } from '../../engine/types.ts';

export const VIEW_WIDTH = 600;
export const VIEW_HEIGHT = 590;
/** A little below the middle: the crown sits above the top node, two lines of label below the bottom ones. */
export const CENTER = { x: VIEW_WIDTH / 2, y: 290 } as const;
/** Ring radius and node size for up to six nodes; crowded rings grow and their nodes shrink (see ringLayout). */
export const RING_RADIUS = 195;
export const NODE_RADIUS = 40;
/** The election-timer arc runs just outside the node. */
export const TIMER_ARC_INNER = NODE_RADIUS + 4;
export const TIMER_ARC_OUTER = NODE_RADIUS + 10;

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface NodePlace extends Point {
  /** Unit vector from the ring's centre towards the node. */
  readonly out: Point;
  /** How much smaller than NODE_RADIUS (and its labels) the node is drawn. */
  readonly scale: number;
}

/**
 * With seven or more nodes, neighbours (and their labels) would touch: the ring
 * grows to what the drawing can hold (crown above the top node, two lines of
 * label below the bottom ones) and the nodes shrink.
 */
export const nodeScale = (n: number): number => (n <= 6 ? 1 : n === 7 ? 0.9 : n === 8 ? 0.85 : 0.8);
export const ringRadius = (n: number): number => (n <= 6 ? RING_RADIUS : 215);

/** Nodes on a ring, the first at the top, then clockwise. A lone node sits in the middle. */
export function ringLayout(ids: readonly NodeId[]): Record<NodeId, NodePlace> {
  const out: Record<NodeId, NodePlace> = {};
  const n = ids.length;
  const scale = nodeScale(n);
  const radius = ringRadius(n);
  ids.forEach((id, i) => {
    if (n === 1) {
      out[id] = { ...CENTER, out: { x: 0, y: 1 }, scale };
      return;
    }
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    const dir = { x: Math.cos(angle), y: Math.sin(angle) };
    out[id] = { x: CENTER.x + radius * dir.x, y: CENTER.y + radius * dir.y, out: dir, scale };
  });
  return out;
}

/**
 * Clients sit in a band under the ring, outside it: they are not servers, and
 * with no clients the drawing is exactly as before. The band adds this much to
 * the drawing's height.
 */
export const CLIENT_BAND = 125;
/** A client's box: wider than tall, unlike a node's disc. */
export const CLIENT_BOX = { width: 76, height: 52 } as const;
/** More clients than this do not fit on one row with their labels: every other one drops lower. */
const ONE_ROW = 5;
const SECOND_ROW_DROP = 50;
const CLIENT_ROW_MARGIN = 40;

/**
 * Servers outside the configuration (§6) sit in a band under the ring, above
 * the clients: they exist and can be added, but take no part. With every
 * server a member there is no band, and the drawing is exactly as before.
 */
export const APART_BAND = 130;
/** Servers apart are drawn smaller than the members on the ring. */
export const APART_SCALE = 0.8;

/** The drawing's height: the ring's, plus the band of servers apart and the clients' band when there are any. */
export const viewHeight = (clients: number, apart = 0): number =>
  VIEW_HEIGHT + (apart === 0 ? 0 : APART_BAND) + (clients === 0 ? 0 : CLIENT_BAND + (clients > ONE_ROW ? SECOND_ROW_DROP : 0));

/** The servers outside the configuration, evenly spaced along the band under the ring, in id order. */
export function apartRow(ids: readonly NodeId[]): Record<NodeId, NodePlace> {
  const out: Record<NodeId, NodePlace> = {};
  const step = (VIEW_WIDTH - 2 * CLIENT_ROW_MARGIN) / Math.max(ids.length, 3);
  const first = VIEW_WIDTH / 2 - (step * (ids.length - 1)) / 2;
  ids.forEach((id, i) => {
    out[id] = { x: first + step * i, y: VIEW_HEIGHT + 50, out: { x: 0, y: -1 }, scale: APART_SCALE };
  });
  return out;
}

/**
 * Clients evenly spaced along a row under the ring, in number order. Their
 * places point upwards (`out`), towards the cluster they talk to; scale 1, so a
 * message leaves a client from as far off its centre as from a node's.
 */
export function clientRow(ids: readonly string[], apart = 0): Record<string, NodePlace> {
  const out: Record<string, NodePlace> = {};
  const n = ids.length;
  // Kept off the edges, so the words under the outermost clients stay in the drawing.
  const step = (VIEW_WIDTH - 2 * CLIENT_ROW_MARGIN) / n;
  ids.forEach((id, i) => {
    const drop = n > ONE_ROW && i % 2 === 1 ? SECOND_ROW_DROP : 0;
    out[id] = { x: CLIENT_ROW_MARGIN + step * (i + 0.5), y: VIEW_HEIGHT + 30 + drop + (apart === 0 ? 0 : APART_BAND), out: { x: 0, y: -1 }, scale: 1 };
  });
  return out;
}
