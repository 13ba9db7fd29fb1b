/**
 * Vector clocks (Fidge, Mattern): the value, its operations, and the keeper that
 * applies the standard rules to a run's happenings (causality.ts):
 *
 * - every happening at a node ticks that node's own entry by exactly one;
 * - a message carries its sender's clock as of the send (after the send's tick);
 * - a receipt takes the element-wise max of the receiver's clock and the message's,
 *   then ticks the receiver's own entry.
 *
 * So event a happened before event b exactly when clock(a) < clock(b) (every entry
 * <=, one <). A clock is plain JSON: node id -> count, with zero entries left out,
 * which is the form ShiViz reads (it refuses entries for hosts with no events).
 * Clocks are never mutated once handed out.
 */
import type { NodeId } from '../types.ts';
import type { Happening } from './causality.ts';

export type VectorClock = Readonly<Record<NodeId, number>>;

/** Every entry of `a` is at least `b`'s (a missing entry is 0). */
export function dominates(a: VectorClock, b: VectorClock): boolean {
  for (const id in b) if ((a[id] ?? 0) < b[id]) return false;
  return true;
}

/** `a` happened before `b`: `b` dominates `a` and they differ. */
export const happenedBefore = (a: VectorClock, b: VectorClock): boolean =>
  dominates(b, a) && !dominates(a, b);

/** As JSON, entries in the order of `ids` (n1, n2, ...), so the text is stable and reads in node order. */
export const clockJson = (c: VectorClock, ids: readonly NodeId[]): string =>
  `{${ids.filter((id) => c[id] !== undefined).map((id) => `${JSON.stringify(id)}:${c[id]}`).join(',')}}`;

/**
 * Every node's clock, and the clock each message in flight carries. Feed it each
 * happening in order; it returns the clock of the node right after it.
 *
 * Inside, a clock is a dense array indexed like `ids` (a copy per happening, no
 * hashing); what it returns is the JSON form, built in node order.
 *
 * Invariant: `clocks[i][i]` is the number of happenings at `ids[i]` so far.
 * A crash does not reset a clock: the clock is the observer's record of the run,
 * not state the node keeps, so a restarted node's events continue its count
 * (ShiViz needs each host's count to rise by one per event, crash or not).
 */
export class ClockKeeper {
  private readonly index = new Map<NodeId, number>();
  private readonly clocks: number[][];
  /** By message id; an entry is removed when its message is received, and kept for a lost one (a few numbers per loss). */
  private readonly carried = new Map<number, readonly number[]>();

  constructor(private readonly ids: readonly NodeId[]) {
    ids.forEach((id, i) => this.index.set(id, i));
    this.clocks = ids.map(() => ids.map(() => 0));
  }

  clockOf(node: NodeId): VectorClock {
    return this.sparse(this.clocks[this.at(node)]);
  }

  apply(h: Happening): VectorClock {
    const i = this.at(h.node);
    const c = this.clocks[i].slice();
    if (h.kind === 'receive') {
      const sent = this.carried.get(h.message.id);
      // Every message is reported sent before it can be received; a miss would mean a
      // happening was not reported, and the clocks would be wrong, so say so loudly.
      if (sent === undefined) throw new Error(`vector clocks: m${h.message.id} received but never sent`);
      this.carried.delete(h.message.id);
      for (let j = 0; j < c.length; j++) if (sent[j] > c[j]) c[j] = sent[j];
    }
    c[i]++;
    this.clocks[i] = c;
    if (h.kind === 'send') this.carried.set(h.message.id, c);
    return this.sparse(c);
  }

  private at(node: NodeId): number {
    const i = this.index.get(node);
    if (i === undefined) throw new Error(`vector clocks: unknown node ${node}`);
    return i;
  }

  private sparse(c: readonly number[]): VectorClock {
    const out: Record<NodeId, number> = {};
    for (let j = 0; j < c.length; j++) if (c[j] > 0) out[this.ids[j]] = c[j];
    return out;
  }
}
