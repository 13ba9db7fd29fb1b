import { describe, expect, it } from 'vitest';
import { checkHistory } from '../linearize/checker.ts';
import type { HistoryOp } from '../linearize/history.ts';
import { generateHistory } from '../linearize/generate.ts';
import { precedes } from '../linearize/realTime.ts';

/** An operation: events [inv, ret] (ret null: never answered); ms = event / 10 so events share ms. */
function op(client: string, kind: 'put' | 'append' | 'get', key: string, valueOrResult: string | null, inv: number, ret: number | null): HistoryOp {
  const get = kind === 'get';
  return {
    client, serial: inv, op: kind, key,
    value: get ? null : valueOrResult,
    invokedAt: Math.floor(inv / 10), invokedEvent: inv,
    returnedAt: ret === null ? null : Math.floor(ret / 10), returnedEvent: ret,
    result: ret === null ? null : get ? valueOrResult : '',
  };
}

/** Replays an order per key: every get sees the model's value, and real-time order is respected. */
function assertValidOrder(ops: readonly HistoryOp[], order: Record<string, number[]>): void {
  for (const [key, seq] of Object.entries(order)) {
    let value = '';
    seq.forEach((i, pos) => {
      const o = ops[i];
      expect(o.key).toBe(key);
      if (o.op === 'put') value = o.value ?? '';
      else if (o.op === 'append') value += o.value ?? '';
      else if (o.result !== value) throw new Error(`${key}: operation ${i} returned ${o.result}, the order gives ${value}`);
      const late = seq.slice(pos + 1).find((j) => precedes(ops[j], o));
      if (late !== undefined) throw new Error(`${key}: operation ${late} precedes ${i} but is ordered after it`);
    });
    // Every answered operation, and every write, on the key is placed exactly once.
    const expected = ops.flatMap((o, i) => (o.key === key && !(o.op === 'get' && o.returnedEvent === null) ? [i] : []));
    expect([...seq].sort((a, b) => a - b)).toEqual(expected);
  }
}

/** mulberry32: the test's own seeded dice. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the linearizability checker', () => {
  it('accepts a sequential history, in its order', () => {
    const h = [op('c1', 'put', 'x', '1', 1, 2), op('c2', 'get', 'x', '1', 3, 4), op('c1', 'append', 'x', 'a', 5, 6), op('c2', 'get', 'x', '1a', 7, 8)];
    const r = checkHistory(h);
    expect(r).toEqual({ verdict: 'ok', order: { x: [0, 1, 2, 3] } });
  });

  it('reorders concurrent operations when it must', () => {
    // c2's get overlaps both puts and sees the second one invoked; c3's later get sees the first: so put 2, get, put 1, get.
    const h = [op('c1', 'put', 'x', '1', 1, 10), op('c2', 'put', 'x', '2', 2, 10), op('c3', 'get', 'x', '2', 3, 11), op('c3', 'get', 'x', '1', 12, 13)];
    const r = checkHistory(h);
    if (r.verdict !== 'ok') throw new Error(JSON.stringify(r));
    expect(r.order.x).toEqual([1, 2, 0, 3]);
    assertValidOrder(h, r.order);
  });

  it('checks keys on their own and reports a stale read with its smallest set', () => {
    const h = [
      op('c1', 'put', 'y', 'q', 0, 1),
      op('c1', 'put', 'x', '1', 1, 2),
      op('c3', 'get', 'y', 'q', 2, 30),
      op('c1', 'put', 'x', '2', 3, 4),
      op('c2', 'get', 'x', '1', 5, 6),
      op('c3', 'get', 'x', '2', 31, 32),
    ];
    const r = checkHistory(h);
    if (r.verdict !== 'violation') throw new Error(JSON.stringify(r));
    expect(r.key).toBe('x');
    // The overwritten put "1" cannot be what the read saw, so it goes; put "2" and the stale get stay.
    expect(r.ops).toEqual([3, 4]);
    expect(r.explanation).toBe('c2\'s get x returned "1" after c1\'s put x "2" had finished, and nothing wrote "1" after it.');
  });

  it('keeps the writes the reads could have seen', () => {
    // c3 saw "1" then "2": put 1 must come before put 2 and after it. No write is invisible to
    // the reads, and without either read the rest can be ordered: all four stay.
    const h = [op('c1', 'put', 'x', '1', 1, 5), op('c2', 'put', 'x', '2', 2, 3), op('c3', 'get', 'x', '1', 6, 7), op('c3', 'get', 'x', '2', 8, 9)];
    const r = checkHistory(h);
    if (r.verdict !== 'violation') throw new Error(JSON.stringify(r));
    expect(r.ops).toEqual([0, 1, 2, 3]);
    expect(r.explanation).toBe(
      'No order of these 4 operations on x gives every read its result: c1\'s put x "1" (events 1–5); c2\'s put x "2" (events 2–3); ' +
        'c3\'s get x → "1" (events 6–7); c3\'s get x → "2" (events 8–9). Real-time order: c1\'s put x "1" before c3\'s get x → "1"; ' +
        'c2\'s put x "2" before c3\'s get x → "1"; c3\'s get x → "1" before c3\'s get x → "2".',
    );
  });

  it('a read of a value never written', () => {
    const h = [op('c1', 'put', 'x', '1', 1, 2), op('c2', 'get', 'x', '7', 3, 4)];
    const r = checkHistory(h);
    expect(r).toMatchObject({ verdict: 'violation', key: 'x', ops: [1], explanation: 'c2\'s get x returned "7", a value nothing wrote to x.' });
  });

  it('a read before the write it returned had begun', () => {
    const h = [op('c2', 'get', 'x', '1', 1, 2), op('c1', 'put', 'x', '1', 3, 4)];
    expect(checkHistory(h)).toMatchObject({ verdict: 'violation', ops: [0], explanation: 'c2\'s get x returned "1" before c1\'s put x "1" had begun.' });
  });

  it('a duplicated append', () => {
    const h = [op('c1', 'append', 'x', 'a', 1, 4), op('c2', 'get', 'x', 'aa', 5, 6)];
    const r = checkHistory(h);
    expect(r).toMatchObject({ verdict: 'violation', ops: [0, 1] });
    if (r.verdict === 'violation') expect(r.explanation).toBe('c2\'s get x returned "aa", but only one append x "a" was made (by c1): it took effect twice.');
  });

  it('a duplicated append after a put is named as the duplicate, whatever the smallest set keeps', () => {
    // The put and the get alone cannot be ordered ("1aa" after put "1"), so the set may leave the
    // append out; only a second application of that append makes the value, and the words say so.
    const h = [op('c1', 'put', 'x', '1', 1, 2), op('c1', 'append', 'x', 'a', 3, 6), op('c1', 'get', 'x', '1aa', 7, 8)];
    const r = checkHistory(h);
    expect(r.verdict).toBe('violation');
    if (r.verdict === 'violation') expect(r.explanation).toBe('c1\'s get x returned "1aa", but only one append x "a" was made (by c1): it took effect twice.');
  });

  it('a lost append', () => {
    const h = [op('c1', 'append', 'x', 'a', 1, 2), op('c3', 'append', 'x', 'b', 1, 9), op('c2', 'get', 'x', 'b', 3, 4)];
    const r = checkHistory(h);
    expect(r).toMatchObject({ verdict: 'violation', ops: [0, 1, 2] });
    if (r.verdict === 'violation') expect(r.explanation).toBe('c2\'s get x returned "b", without c1\'s append x "a", which had finished before it began.');
  });

  it('an unanswered write may take effect late, or never', () => {
    const took = [op('c1', 'put', 'x', '1', 1, null), op('c2', 'get', 'x', '', 2, 3), op('c2', 'get', 'x', '1', 50, 51)];
    const r1 = checkHistory(took);
    if (r1.verdict !== 'ok') throw new Error(JSON.stringify(r1));
    assertValidOrder(took, r1.order);
    const never = [op('c1', 'put', 'x', '1', 1, null), op('c2', 'get', 'x', '', 50, 51)];
    expect(checkHistory(never).verdict).toBe('ok');
    // It cannot take effect before it was invoked.
    const early = [op('c2', 'get', 'x', '1', 1, 2), op('c1', 'put', 'x', '1', 3, null)];
    expect(checkHistory(early).verdict).toBe('violation');
    // An unanswered get constrains nothing: it is left out of the order.
    const get = [op('c1', 'put', 'x', '1', 1, 2), op('c2', 'get', 'x', null, 3, null)];
    expect(checkHistory(get)).toEqual({ verdict: 'ok', order: { x: [0] } });
  });

  it('an answer and the next invocation in one event: the answered operation comes first', () => {
    // c1's put returns in event 5, c2's get is invoked in event 5: the get must see "1".
    const stale = [op('c1', 'put', 'x', '1', 1, 5), op('c2', 'get', 'x', '', 5, 6)];
    expect(checkHistory(stale).verdict).toBe('violation');
    // One event later for the answer, and they overlap: "" is fine.
    const overlap = [op('c1', 'put', 'x', '1', 1, 6), op('c2', 'get', 'x', '', 5, 7)];
    expect(checkHistory(overlap).verdict).toBe('ok');
    // Many events in one ms: ms play no part (both events 5 are ms 0 here, as are 1 and 6).
    expect(stale[0].returnedAt).toBe(stale[1].invokedAt);
    expect(precedes(stale[0], stale[1])).toBe(true);
    expect(precedes(stale[1], stale[0])).toBe(false);
  });

  it('gives up with "unknown" when the budget runs out', () => {
    // Twelve overlapping appends and a later read of an impossible value: every order of
    // the appends is a different state, so refuting it takes far more than 20,000 steps.
    const h = [...'abcdefghijkl'].map((ch, i) => op(`c${(i % 9) + 1}`, 'append', 'x', ch, 1, 2));
    h.push(op('c1', 'get', 'x', 'z'.repeat(12), 3, 4));
    h[h.length - 1] = { ...h[h.length - 1], result: 'lkjihgfedcbz' };
    expect(checkHistory(h, { budget: 20_000 })).toEqual({ verdict: 'unknown', key: 'x', steps: 20_000 });
  });

  it('rejects a malformed operation, naming it', () => {
    const h = [op('c1', 'put', 'x', '1', 5, 2)];
    expect(() => checkHistory(h)).toThrow(/operation 0 \(c1\): returnedEvent 2/);
    expect(() => checkHistory([{ ...op('c1', 'get', 'x', '1', 1, 2), value: 'v' }])).toThrow(/operation 0 \(c1\): value must be null/);
  });
});

describe('histories from a real linearizable execution', () => {
  it('are always linearizable, with a valid order', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const h = generateHistory({ seed, ops: 150, clients: 1 + (seed % 9), keys: 1 + (seed % 4), abandonPercent: 5 });
      const r = checkHistory(h);
      if (r.verdict !== 'ok') throw new Error(`seed ${seed}: ${JSON.stringify(r)}`);
      assertValidOrder(h, r.order);
    }
  });

  it('fail once one read returns a value never written, and the smallest set holds that read', () => {
    const dice = prng(7);
    for (let seed = 1; seed <= 40; seed++) {
      const h = generateHistory({ seed, ops: 150, clients: 1 + (seed % 9), keys: 1 + (seed % 4) });
      const reads = h.flatMap((o, i) => (o.op === 'get' && o.returnedEvent !== null ? [i] : []));
      const victim = reads[Math.floor(dice() * reads.length)];
      const mutated = h.map((o, i) => (i === victim ? { ...o, result: `${o.result}!` } : o));
      const r = checkHistory(mutated);
      if (r.verdict !== 'violation') throw new Error(`seed ${seed}: ${JSON.stringify(r)}`);
      expect(r.key).toBe(h[victim].key);
      expect(r.ops).toEqual([victim]);
      expect(r.explanation).toContain('a value nothing wrote');
    }
  });

  it('the generator is deterministic and makes what it is asked for', () => {
    const a = generateHistory({ seed: 3, ops: 300, clients: 9, keys: 10 });
    expect(generateHistory({ seed: 3, ops: 300, clients: 9, keys: 10 })).toEqual(a);
    expect(a).toHaveLength(300);
    expect(new Set(a.map((o) => o.client)).size).toBe(9);
    // Some answers and next invocations share an event: the tie rule is exercised.
    expect(a.some((x) => a.some((y) => x.client === y.client && x.returnedEvent === y.invokedEvent))).toBe(true);
  });
});
