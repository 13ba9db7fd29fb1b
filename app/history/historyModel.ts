/**
 * The page's copy of the client history: the operations (engine/linearize/history.ts
 * HistoryOp, in order of invocation), kept up to date from the deltas the worker
 * sends (app/worker/historyView.ts), and the verdict on them.
 *
 * A delta keeps the first `from` events and appends the rest. Each operation
 * remembers at which event of the list it was invoked and answered, so cutting
 * the list back (the view moved to an earlier moment) drops the operations
 * invoked after the cut and forgets the answers given after it, without the
 * page keeping the events themselves.
 */
import type { ClientId } from '../../engine/types.ts';
import type { HistoryEvent, HistoryOp } from '../../engine/linearize/history.ts';
import { answeredOp, invokedOp } from '../../engine/linearize/history.ts';
import type { ClientHistoryView, HistoryDelta, VerdictView } from '../worker/historyView.ts';

export interface ClientHistory {
  /** Events of the worker's list the page has folded in. */
  readonly length: number;
  /** In order of invocation: indexes match the verdict's. */
  readonly ops: readonly HistoryOp[];
  /** Where in the event list each operation was invoked, and answered (-1 while unanswered). */
  readonly invokedAtPos: readonly number[];
  readonly returnedAtPos: readonly number[];
  /** Every client with an operation, in order of first invocation. */
  readonly clients: readonly ClientId[];
  readonly verdict: VerdictView;
}

export const emptyClientHistory: ClientHistory = {
  length: 0,
  ops: [],
  invokedAtPos: [],
  returnedAtPos: [],
  clients: [],
  verdict: { verdict: 'none' },
};

/** Folds one snapshot's part into the copy; returns `prev` itself when nothing changed. */
export function mergeClientHistory(prev: ClientHistory, view: ClientHistoryView | undefined, reset: boolean): ClientHistory {
  const base = reset ? emptyClientHistory : prev;
  if (view === undefined) return base;
  const withOps = view.delta === null ? base : applyHistoryDelta(base, view.delta);
  return view.verdict === null ? withOps : { ...withOps, verdict: view.verdict };
}

export function applyHistoryDelta(prev: ClientHistory, d: HistoryDelta): ClientHistory {
  if (d.from > prev.length) throw new Error(`history delta from event ${d.from}, but the page has ${prev.length}`);
  const cut = d.from < prev.length ? truncate(prev, d.from) : prev;
  const ops = cut.ops.slice();
  const invoked = cut.invokedAtPos.slice();
  const returned = cut.returnedAtPos.slice();
  const clients = cut.clients.slice();
  const open = new Map<string, number>();
  ops.forEach((o, i) => {
    if (returned[i] < 0) open.set(`${o.client}#${o.serial}`, i);
  });
  d.events.forEach((e: HistoryEvent, j) => {
    const pos = d.from + j;
    const key = `${e.client}#${e.serial}`;
    if (e.type === 'invoke') {
      open.set(key, ops.length);
      if (!clients.includes(e.client)) clients.push(e.client);
      invoked.push(pos);
      returned.push(-1);
      ops.push(invokedOp(e));
    } else {
      const i = open.get(key);
      if (i === undefined) return;
      open.delete(key);
      returned[i] = pos;
      ops[i] = answeredOp(ops[i], e);
    }
  });
  return { length: d.from + d.events.length, ops, invokedAtPos: invoked, returnedAtPos: returned, clients, verdict: cut.verdict };
}

/** The history as it was after its first `n` events. */
function truncate(h: ClientHistory, n: number): ClientHistory {
  let keep = h.ops.length;
  while (keep > 0 && h.invokedAtPos[keep - 1] >= n) keep--;
  const ops = h.ops.slice(0, keep);
  const returned = h.returnedAtPos.slice(0, keep);
  for (let i = 0; i < keep; i++) {
    if (returned[i] >= n) {
      returned[i] = -1;
      ops[i] = { ...ops[i], returnedAt: null, returnedEvent: null, result: null };
    }
  }
  const clients = h.clients.filter((c) => ops.some((o) => o.client === c));
  return { ...h, length: n, ops, invokedAtPos: h.invokedAtPos.slice(0, keep), returnedAtPos: returned, clients };
}
