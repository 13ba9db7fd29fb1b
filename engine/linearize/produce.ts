/**
 * Whether a value read from a key could have been made by some writes at all,
 * ignoring their timing: the value is "" (unset), or one put's value followed
 * by append values, or append values alone. With `reuse`, an append may count
 * more than once (as a duplicated request would be applied); without it, each
 * write counts at most once.
 *
 * The explanations (explain.ts) use it to tell a read of a value nothing wrote
 * from a read of a value written at the wrong time, or too few times.
 */
import type { HistoryOp } from './history.ts';

export function producible(value: string, writes: readonly HistoryOp[], reuse: boolean): boolean {
  if (value === '') return true;
  const appends = writes.filter((w) => w.op === 'append').map((w) => w.value ?? '');
  const starts = [0];
  for (const w of writes) if (w.op === 'put' && value.startsWith(w.value ?? '')) starts.push((w.value ?? '').length);
  const used = new Array<boolean>(appends.length).fill(false);
  // From `at`, can the rest of the value be cut into appends (each used once unless reuse)?
  const rest = (at: number, seen: Set<number>): boolean => {
    if (at === value.length) return true;
    if (reuse) {
      if (seen.has(at)) return false;
      seen.add(at);
    }
    for (let j = 0; j < appends.length; j++) {
      const a = appends[j];
      if (a === '' || used[j] || !value.startsWith(a, at)) continue;
      if (!reuse) used[j] = true;
      const ok = rest(at + a.length, seen);
      if (!reuse) used[j] = false;
      if (ok) return true;
    }
    return false;
  };
  return starts.some((s) => rest(s, new Set()));
}
