/**
 * A violation in words: one or two sentences about the smallest set of
 * operations on one key that cannot be ordered (checker.ts), naming clients,
 * operations, the key, values and the real-time relations between them.
 *
 * The common shapes each get their own sentence: a read of a value nothing
 * wrote, a read before the write it returned had begun, a stale read, a lost
 * append, a duplicated append. Anything else falls back to listing the
 * operations with their event spans and which must come before which.
 */
import type { HistoryOp } from './history.ts';
import { producible } from './produce.ts';
import { precedes } from './realTime.ts';

const quote = (s: string): string => JSON.stringify(s);
const keyText = (k: string): string => (/^[\w.:-]+$/.test(k) ? k : quote(k));

/** "c1's put x "1"", "c2's get x". */
export function opText(o: HistoryOp): string {
  const what = o.op === 'get' ? `get ${keyText(o.key)}` : `${o.op} ${keyText(o.key)} ${quote(o.value ?? '')}`;
  return `${o.client}'s ${what}`;
}

const span = (o: HistoryOp): string => (o.returnedEvent === null ? `from event ${o.invokedEvent}, never answered` : `events ${o.invokedEvent}–${o.returnedEvent}`);

/** Non-overlapping occurrences of `part` in `s`. */
function occurrences(s: string, part: string): number {
  let count = 0;
  for (let at = s.indexOf(part); part !== '' && at !== -1; at = s.indexOf(part, at + part.length)) count++;
  return count;
}

const times = (k: number): string => (k === 2 ? 'twice' : k === 3 ? 'three times' : `${k} times`);

/** Explains why the operations `set` (indexes into `ops`, all on one key) cannot be linearized. */
/** `ops` is the whole history: what was written outside the set matters to what the sentence may claim. */
export function explainViolation(ops: readonly HistoryOp[], set: readonly number[]): string {
  const s = set.map((i) => ops[i]);
  const gets = s.filter((o) => o.op === 'get');
  const writes = s.filter((o) => o.op !== 'get');
  if (gets.length === 1) {
    const g = gets[0];
    const v = g.result ?? '';
    const read = `${opText(g)} returned ${quote(v)}`;
    const allWrites = ops.filter((o) => o.key === g.key && o.op !== 'get');
    if (!producible(v, allWrites, true)) return `${read}, a value nothing wrote to ${keyText(g.key)}.`;
    // Only an append applied more often than it was made can give the value: a duplicate,
    // whatever else the smallest set holds (the writes that make the rest of the value
    // need not be in it).
    if (!producible(v, allWrites, false)) {
      const twice = duplicated(v, allWrites);
      if (twice !== null) return `${read}, but ${twice}.`;
    }
    if (!producible(v, writes, true)) {
      // Written in the run, but not by anything the read could have seen.
      const later = allWrites.filter((w) => w.op === 'put' && w.value === v);
      if (later.length > 0 && later.every((w) => precedes(g, w))) return `${read} before ${later.map(opText).join(' or ')} had begun.`;
    }
    // Stale read: a write other than the value finished before the read began, and no write of the value came after it.
    const makers = writes.filter((w) => w.op === 'put' && w.value === v);
    const stale = writes.find((w) => w.op === 'put' && w.value !== v && precedes(w, g) && makers.every((m) => precedes(m, w)));
    if (stale !== undefined) {
      if (v === '') return `${opText(g)} returned "" (unset) after ${opText(stale)} had finished.`;
      return `${read} after ${opText(stale)} had finished, and nothing wrote ${quote(v)} after it.`;
    }
    if (writes.every((w) => w.op === 'append')) {
      const lost = writes.find((w) => precedes(w, g) && !v.includes(w.value ?? ''));
      if (lost !== undefined) return `${read}, without ${opText(lost)}, which had finished before it began.`;
      if (!producible(v, writes, false)) {
        const twice = duplicated(v, writes);
        if (twice !== null) return `${read}, but ${twice}.`;
      }
    }
  }
  return generic(s);
}

/** "only one append x "a" was made (by c1): it took effect twice", for the first append `value` holds more copies of than were made; or null. */
function duplicated(value: string, writes: readonly HistoryOp[]): string | null {
  for (const w of writes) {
    if (w.op !== 'append') continue;
    const a = w.value ?? '';
    const made = writes.filter((x) => x.op === 'append' && x.value === a);
    const seen = occurrences(value, a);
    if (seen > made.length) {
      const by = made.map((x) => x.client).join(', ');
      const only = made.length === 1 ? `only one append ${keyText(w.key)} ${quote(a)} was made (by ${by})` : `only ${made.length} appends ${keyText(w.key)} ${quote(a)} were made (by ${by})`;
      return `${only}: it took effect ${times(seen)}`;
    }
  }
  return null;
}

function generic(s: readonly HistoryOp[]): string {
  const label = (o: HistoryOp): string => (o.op === 'get' ? `${opText(o)} → ${quote(o.result ?? '')}` : opText(o));
  const listed = s.map((o) => `${label(o)} (${span(o)})`).join('; ');
  // Only the direct relations: a before c is left out when a before b before c says it.
  const before: string[] = [];
  for (const a of s) {
    for (const b of s) {
      if (precedes(a, b) && !s.some((c) => precedes(a, c) && precedes(c, b))) before.push(`${label(a)} before ${label(b)}`);
    }
  }
  const key = s.length > 0 ? keyText(s[0].key) : '';
  const order = before.length === 0 ? 'All of them overlap in time.' : `Real-time order: ${before.join('; ')}.`;
  return `No order of these ${s.length} operations on ${key} gives every read its result: ${listed}. ${order}`;
}
