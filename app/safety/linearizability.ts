/**
 * The seventh property, Linearizability (§8), as the Safety panel shows it.
 * Unlike the other six it is not checked after each event but over the client
 * history of the moment viewed (app/worker/historyView.ts), so its state is the
 * checker's verdict, and a violation is dated by the last answer of the
 * smallest set of operations that no order explains: the moment it became
 * visible to the clients.
 */
import type { HistoryOp } from '../../engine/linearize/history.ts';
import type { VerdictView } from '../worker/historyView.ts';
import type { ViolationView } from '../worker/viewModel.ts';

/** `none`: the run has clients but no answered operation yet. */
export type LinearizabilityState = 'holds' | 'violated' | 'unknown' | 'none';

export function linearizabilityState(verdict: VerdictView): LinearizabilityState {
  switch (verdict.verdict) {
    case 'ok':
      return 'holds';
    case 'violation':
      return 'violated';
    case 'unknown':
      return 'unknown';
    case 'none':
      return 'none';
  }
}

/** The verdict as a violation like the other properties', or null when it is none. */
export function linearizabilityViolation(verdict: VerdictView, ops: readonly HistoryOp[]): ViolationView | null {
  if (verdict.verdict !== 'violation') return null;
  let event = 0;
  let time = 0;
  for (const i of verdict.ops) {
    const o = ops[i] as HistoryOp | undefined;
    if (o === undefined) continue;
    const e = o.returnedEvent ?? o.invokedEvent;
    if (e >= event) {
      event = e;
      time = o.returnedAt ?? o.invokedAt;
    }
  }
  return { invariant: 'Linearizability', event, time, detail: verdict.explanation, nodes: [], index: null };
}
