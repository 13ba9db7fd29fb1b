/**
 * The linearizability checker: does a client history (history.ts) have a
 * linearization, an order of its operations that (1) respects real time, an
 * operation answered before another was invoked comes first, and (2) gives
 * every read what it returned under the key-value model (Herlihy & Wing 1990)?
 *
 * The model is Porcupine's KV model: `put` sets a key, `append` appends to its
 * value, `get` returns the value ("" when unset); writes return "".
 *
 * How:
 * - Keys are independent (P-compositionality, Horn & Kroening 2015): the
 *   history is linearizable exactly when each key's sub-history is, so each
 *   key is checked on its own, in order of first appearance.
 * - Each key is searched with Wing & Gong's algorithm and Lowe's memoization,
 *   as Porcupine does (search.ts).
 * - Real-time order comes from event numbers, not ms (realTime.ts): A precedes B
 *   when A's answer came in an earlier event than B's invocation, or in the same
 *   event (the client saw A's answer before it invoked B).
 * - An operation never answered (returnedEvent null) may take effect at any
 *   time after its invocation, or never: it returns at +infinity. An
 *   unanswered get constrains nothing and is left out; an unanswered write may
 *   take effect anywhere after its invocation, and one placed after every
 *   answered operation on its key is as good as one that never took effect.
 * - The search has a step budget (default 5,000,000 steps, shared by all keys
 *   and the shrinking): some non-linearizable histories take exponential time
 *   to refute, and then the answer is "unknown" rather than a hang. Keys are
 *   checked in turn; the first key that fails or runs out decides the result.
 *
 * On a violation the failing key's operations are shrunk to a 1-minimal set
 * that still cannot be ordered (removing any one of them would let it be
 * ordered, or could hide why the run cannot be: see `shrink`); then that set is
 * explained in words (explain.ts).
 * If the budget runs out while shrinking, the set found so far is returned: it
 * still cannot be ordered, it may just not be minimal.
 *
 * Every result is plain JSON.
 */
import type { HistoryOp } from './history.ts';
import { searchKey } from './search.ts';
import { precedes } from './realTime.ts';
import { producible } from './produce.ts';
import { explainViolation } from './explain.ts';

export type LinearizabilityResult =
  /** `order[key]`: indexes into the history, a linearization of that key's operations (unanswered gets left out). */
  | { readonly verdict: 'ok'; readonly order: Record<string, number[]> }
  /** `ops`: indexes into the history, ascending: a smallest set of operations on `key` with no linearization. */
  | { readonly verdict: 'violation'; readonly key: string; readonly ops: number[]; readonly explanation: string }
  /** The budget ran out while checking `key`, after `steps` steps in all. */
  | { readonly verdict: 'unknown'; readonly key: string; readonly steps: number };

export const DEFAULT_BUDGET = 5_000_000;

export function checkHistory(ops: readonly HistoryOp[], options: { budget?: number } = {}): LinearizabilityResult {
  ops.forEach(validate);
  const budget = options.budget ?? DEFAULT_BUDGET;
  const byKey = new Map<string, number[]>();
  ops.forEach((o, i) => {
    let list = byKey.get(o.key);
    if (list === undefined) byKey.set(o.key, (list = []));
    if (!(o.op === 'get' && o.returnedEvent === null)) list.push(i);
  });
  let steps = 0;
  const order: [string, number[]][] = [];
  for (const [key, indexes] of byKey) {
    const r = searchKey(indexes.map((i) => ops[i]), budget - steps);
    steps += r.steps;
    if (r.outcome === 'unknown') return { verdict: 'unknown', key, steps };
    if (r.outcome === 'violation') {
      const minimal = unwritten(ops, indexes) ?? shrink(ops, indexes, budget - steps);
      return { verdict: 'violation', key, ops: minimal, explanation: explainViolation(ops, minimal) };
    }
    order.push([key, r.order.map((j) => indexes[j])]);
  }
  return { verdict: 'ok', order: Object.fromEntries(order) };
}

/**
 * Shrinks `failing` (indexes of operations on one key, not linearizable) to a
 * 1-minimal failing set: chunks of halving size are tried out first (as delta
 * debugging does), then single operations until none can go. Returns
 * ascending indexes.
 *
 * Only removals that cannot hide the cause are tried, so that the set found
 * fails because the run failed (if the run could be ordered, the set could be
 * too: drop the removed operations from the run's order). Removing a get is
 * always such a removal: reads change nothing. Removing a write is not in
 * general (a read may need it), so a write goes only when no remaining get can
 * see it: every get either came before it or began after a put that overwrote
 * it (`invisible`). Among those removals, one is kept when the rest still fails.
 */
function shrink(ops: readonly HistoryOp[], failing: readonly number[], budget: number): number[] {
  let left = budget;
  let current = [...failing];
  const stillFails = (candidate: readonly number[], removed: readonly number[]): boolean => {
    if (left <= 0 || candidate.length === 0) return false;
    const sub = candidate.map((i) => ops[i]);
    for (const i of removed) if (ops[i].op !== 'get' && !invisible(ops[i], sub)) return false;
    const r = searchKey(sub, left);
    left -= r.steps;
    return r.outcome === 'violation';
  };
  for (let chunk = current.length >> 1; chunk >= 1; chunk >>= 1) {
    let removed = true;
    // At size 1, repeat until no single removal is possible: one removal can enable another.
    while (removed) {
      removed = false;
      for (let at = 0; at < current.length && left > 0; ) {
        const candidate = [...current.slice(0, at), ...current.slice(at + chunk)];
        if (stillFails(candidate, current.slice(at, at + chunk))) {
          current = candidate;
          removed = true;
        } else at += chunk;
      }
      if (chunk > 1) break;
    }
  }
  return current.sort((a, b) => a - b);
}

/**
 * A get whose result no writes to its key could ever make, in any order, fails
 * on its own, whatever else happened: it is the smallest set there is. (The
 * shrinker could not find it alone, as the writes it sees are not removable.)
 */
function unwritten(ops: readonly HistoryOp[], indexes: readonly number[]): number[] | null {
  const writes = indexes.map((i) => ops[i]).filter((o) => o.op !== 'get');
  const g = indexes.find((i) => ops[i].op === 'get' && !producible(ops[i].result ?? '', writes, true));
  return g === undefined ? null : [g];
}

/** Whether no get of `rest` can observe the write `w`: each came before it, or after a put of `rest` that followed it. */
function invisible(w: HistoryOp, rest: readonly HistoryOp[]): boolean {
  const gets = rest.filter((o) => o.op === 'get');
  if (gets.every((g) => precedes(g, w))) return true;
  return rest.some((p) => p.op === 'put' && precedes(w, p) && gets.every((g) => precedes(g, w) || precedes(p, g)));
}

/** Rejects malformed operations with the index and field at fault. */
function validate(o: HistoryOp, i: number): void {
  const bad = (field: string, why: string): never => {
    throw new Error(`history: operation ${i} (${o.client}): ${field} ${why}`);
  };
  if (o.op !== 'put' && o.op !== 'append' && o.op !== 'get') bad('op', `is ${JSON.stringify(o.op)}, not put, append or get`);
  if (typeof o.key !== 'string') bad('key', 'is not a string');
  if (o.op === 'get' ? o.value !== null : typeof o.value !== 'string') bad('value', o.op === 'get' ? 'must be null for a get' : `must be a string for ${o.op === 'put' ? 'a put' : 'an append'}`);
  if (!Number.isInteger(o.invokedEvent) || o.invokedEvent < 0) bad('invokedEvent', 'is not an event number');
  if (o.returnedEvent === null) {
    if (o.result !== null) bad('result', 'must be null while unanswered');
    return;
  }
  if (!Number.isInteger(o.returnedEvent) || o.returnedEvent < o.invokedEvent) bad('returnedEvent', `${o.returnedEvent} is not an event at or after invokedEvent ${o.invokedEvent}`);
  if (typeof o.result !== 'string') bad('result', 'must be a string once answered');
  if (o.op !== 'get' && o.result !== '') bad('result', `of a write must be "", not ${JSON.stringify(o.result)}`);
}
