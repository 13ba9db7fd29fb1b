/**
 * What the History panel draws, as pure functions: the stretch of time shown,
 * the operations in it, their labels, and the order the checker found.
 *
 * The window ends at the last thing that happened in the history (the moment
 * viewed while an operation still waits, its bar running to it), and, by
 * default ("readable"), is as long as makes a typical operation READABLE_PX
 * wide, so its label fits: on a phone it holds the last few operations, on a
 * wide screen more. "Fit all" shows everything from the first call, and the
 * zoom buttons halve or double the span. However wide, the window holds at most
 * MAX_BARS operations, the most recent ones (a long run would put thousands of
 * bars in a few hundred pixels), and every bar is at least MIN_BAR_PX wide, so
 * an operation answered in the event it was sent stays visible and clickable.
 */
import type { HistoryOp } from '../../engine/linearize/history.ts';
import type { VerdictView } from '../worker/historyView.ts';

export const MAX_BARS = 400;
export const MIN_BAR_PX = 4;
/** How wide a typical bar is in the readable window: room for `get x → 1a` and its number. */
export const READABLE_PX = 90;
/** The narrowest window, in simulated ms: a run's first operation must not fill the panel alone. */
export const MIN_SPAN_MS = 20;

/** `readable`: a typical bar READABLE_PX wide; `all`: from the first call; a number: that many ms. */
export type HistoryZoom = 'readable' | 'all' | number;

/** The middle duration of the answered operations (ms), or null with none answered. */
export function typicalDuration(ops: readonly HistoryOp[]): number | null {
  const d = ops.filter((o) => o.returnedAt !== null).map((o) => o.returnedAt! - o.invokedAt);
  if (d.length === 0) return null;
  d.sort((a, b) => a - b);
  return Math.max(1, d[Math.floor(d.length / 2)]);
}

/** The window's bounds in simulated ms, for a plot `plotPx` pixels wide. */
export function historyWindow(ops: readonly HistoryOp[], now: number, zoom: HistoryZoom, plotPx: number): [number, number] {
  if (ops.length === 0) return [Math.max(0, now - MIN_SPAN_MS), Math.max(now, MIN_SPAN_MS)];
  const pending = ops.some((o) => o.returnedAt === null);
  const last = ops.reduce((m, o) => Math.max(m, o.returnedAt ?? o.invokedAt), 0);
  const end = Math.max(pending ? now : last, MIN_SPAN_MS);
  const first = ops[0].invokedAt;
  let span: number;
  if (zoom === 'all') span = end - first;
  else if (zoom === 'readable') span = Math.min(end - first, ((typicalDuration(ops) ?? end - first) * plotPx) / READABLE_PX);
  else span = zoom;
  span = Math.max(span, MIN_SPAN_MS);
  let start = end - span;
  // Ops are in order of invocation: the MAX_BARS-th from the end bounds the window.
  if (ops.length > MAX_BARS) start = Math.max(start, ops[ops.length - MAX_BARS].invokedAt);
  // A little room on each side, so no bar's edge is on the panel's.
  const pad = (end - start) * 0.02;
  return [Math.max(0, start - pad), end + pad];
}

/** Indexes of the operations that overlap [t0, t1], in order of invocation. */
export function opsInWindow(ops: readonly HistoryOp[], t0: number, t1: number): number[] {
  const out: number[] = [];
  ops.forEach((o, i) => {
    if (o.invokedAt <= t1 && (o.returnedAt === null || o.returnedAt >= t0)) out.push(i);
  });
  return out.length > MAX_BARS ? out.slice(out.length - MAX_BARS) : out;
}

/** `put x 1`, `append x a`, `get x`. */
export const callText = (o: HistoryOp): string => (o.op === 'get' ? `get ${o.key}` : `${o.op} ${o.key} ${o.value ?? ''}`);

/** `put x 1`, `get x → 1a`, `get x → ""` (an unset key), `get x …` while unanswered. */
export function opLabel(o: HistoryOp): string {
  if (o.result === null) return `${callText(o)} …`;
  if (o.op !== 'get') return callText(o);
  return `${callText(o)} → ${o.result === '' ? '""' : o.result}`;
}

/** The label squeezed for a narrow bar: the value written (`1`, `+a`) or read (`→1a`). */
export function shortLabel(o: HistoryOp): string {
  if (o.op === 'get') return o.result === null ? '…' : `→${o.result === '' ? '""' : o.result}`;
  return o.op === 'append' ? `+${o.value ?? ''}` : (o.value ?? '');
}

/** What a screen reader says for a bar, and its tooltip. */
export function opDescription(o: HistoryOp): string {
  const call = `${o.client} ${callText(o)}, called at ${fmt(o.invokedAt)} (event ${o.invokedEvent})`;
  if (o.returnedAt === null) return `${call}, not answered yet`;
  const result = o.op === 'get' ? `, returned ${o.result === '' ? `nothing (${o.key} unset)` : JSON.stringify(o.result)}` : ', done';
  return `${call}, answered at ${fmt(o.returnedAt)} (event ${o.returnedEvent})${result}`;
}

const fmt = (ms: number): string => `${+ms.toFixed(1)} ms`;

/** For each operation, its place (1-based) in the order found for its key; absent for one left out (an unanswered get). */
export function orderPlaces(verdict: VerdictView): Map<number, number> {
  const places = new Map<number, number>();
  if (verdict.verdict !== 'ok') return places;
  for (const list of Object.values(verdict.order)) list.forEach((op, i) => places.set(op, i + 1));
  return places;
}

/** The operations of a violation's smallest set. */
export const violationSet = (verdict: VerdictView): ReadonlySet<number> => new Set(verdict.verdict === 'violation' ? verdict.ops : []);
