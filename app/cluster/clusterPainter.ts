/**
 * The part of the cluster view that moves every frame: message glyphs gliding
 * along their lanes, election-timer arcs and clients' retry bars filling up. It writes SVG attributes
 * straight onto elements React created, so no React render happens per frame.
 * It reads its session's store with getState() and the time from its clock.
 */
import type { ClientId, NodeId } from '../../engine/types.ts';
import { CLIENT_BOX, NODE_RADIUS, type NodePlace } from '../geometry/clusterLayout.ts';
import { flightFraction, pointOnLane } from '../geometry/linkGeometry.ts';
import { elapsedFraction, timerArcPath } from '../geometry/timerArc.ts';
import type { SimClock } from '../sim/simClock.ts';
import type { AppStore } from '../store/store.ts';

/** Messages start and end this far from the node centres: at the node's edge. */
export const MESSAGE_INSET = NODE_RADIUS + 12;

export class ClusterPainter {
  private readonly messages = new Map<number, SVGGElement>();
  private readonly arcs = new Map<NodeId, SVGPathElement>();
  /** Each client's retry bar, filling as its timeout runs out. */
  private readonly clientBars = new Map<ClientId, SVGRectElement>();
  private layout: Readonly<Record<NodeId, NodePlace>> = {};
  /** What the last paint drew from, to skip frames where nothing moved (paused). */
  private painted: { now: number; messages: unknown; nodes: unknown; clients: unknown } | null = null;

  constructor(
    private readonly store: AppStore,
    private readonly clock: SimClock,
  ) {}

  setLayout(layout: Readonly<Record<NodeId, NodePlace>>): void {
    this.layout = layout;
    this.painted = null;
  }

  /** Ref callbacks: React hands over the elements, and takes them back (null) on unmount. */
  message(id: number, el: SVGGElement | null): void {
    if (el === null) this.messages.delete(id);
    else this.messages.set(id, el);
    this.painted = null;
  }

  arc(id: NodeId, el: SVGPathElement | null): void {
    if (el === null) this.arcs.delete(id);
    else this.arcs.set(id, el);
    this.painted = null;
  }

  clientBar(id: ClientId, el: SVGRectElement | null): void {
    if (el === null) this.clientBars.delete(id);
    else this.clientBars.set(id, el);
    this.painted = null;
  }

  paint(wallNow: number): void {
    const s = this.store.getState();
    const now = this.clock.now(wallNow);
    const p = this.painted;
    if (p !== null && p.now === now && p.messages === s.messages && p.nodes === s.nodes && p.clients === s.clients) return;
    this.painted = { now, messages: s.messages, nodes: s.nodes, clients: s.clients };
    for (const m of s.messages) {
      const el = this.messages.get(m.id);
      const from = this.layout[m.from];
      const to = this.layout[m.to];
      if (el === undefined || from === undefined || to === undefined) continue;
      const at = pointOnLane(from, to, flightFraction(m.sentAt, m.arrivesAt, now), MESSAGE_INSET * from.scale);
      el.setAttribute('transform', `translate(${at.x.toFixed(1)},${at.y.toFixed(1)})`);
    }
    for (const [id, el] of this.arcs) {
      const timer = s.nodes[id]?.electionTimer ?? null;
      const d = timer === null ? '' : timerArcPath(elapsedFraction(timer.setAt, timer.at, now));
      if (el.getAttribute('d') !== d) el.setAttribute('d', d);
    }
    for (const [id, el] of this.clientBars) {
      const timer = s.clients[id]?.timer ?? null;
      const w = timer === null ? '0' : (CLIENT_BOX.width * elapsedFraction(timer.setAt, timer.at, now)).toFixed(1);
      if (el.getAttribute('width') !== w) el.setAttribute('width', w);
    }
  }
}
