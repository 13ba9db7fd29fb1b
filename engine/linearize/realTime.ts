/**
 * Real-time order of a client history, from event numbers rather than
 * simulated ms: many events share one ms, but every event has its own number.
 *
 * Operation A precedes operation B (A must take effect before B) when A's answer
 * came in an earlier event than B's invocation. When they are the SAME event, A
 * still precedes B: a client that gets its answer and sends its next request in
 * one step has seen A complete before invoking B, which is the real-time order
 * linearizability respects (Herlihy & Wing 1990, §3). The only exception is two
 * operations each invoked and answered in that one event: neither is seen to
 * finish before the other starts, so they count as concurrent.
 *
 * An operation never answered has no end: it precedes nothing.
 */
import type { HistoryOp } from './history.ts';

const instant = (op: HistoryOp): boolean => op.returnedEvent === op.invokedEvent;

/** Whether `a` must be linearized before `b`. */
export function precedes(a: HistoryOp, b: HistoryOp): boolean {
  if (a === b || a.returnedEvent === null) return false;
  if (a.returnedEvent < b.invokedEvent) return true;
  return a.returnedEvent === b.invokedEvent && !(instant(a) && instant(b));
}

/** One end of an operation: its call or its return (`op` indexes the operations given). */
export interface Boundary {
  readonly op: number;
  readonly call: boolean;
}

/**
 * The calls and returns of `ops` in real-time order, so that `precedes(a, b)`
 * holds exactly when a's return comes before b's call. Within one event:
 * returns of operations invoked earlier, then calls and returns of operations
 * invoked and answered in it, then calls of the others. Unanswered operations
 * return after everything (at +infinity). Ties go by index: deterministic.
 */
export function boundaries(ops: readonly HistoryOp[]): Boundary[] {
  const keyed: { b: Boundary; event: number; slot: number }[] = [];
  ops.forEach((o, i) => {
    const inst = instant(o);
    keyed.push({ b: { op: i, call: true }, event: o.invokedEvent, slot: inst ? 1 : 3 });
    keyed.push({ b: { op: i, call: false }, event: o.returnedEvent ?? Number.POSITIVE_INFINITY, slot: inst ? 2 : 0 });
  });
  keyed.sort((x, y) => x.event - y.event || x.slot - y.slot || x.b.op - y.b.op || 0);
  return keyed.map((k) => k.b);
}
