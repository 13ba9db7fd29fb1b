import { describe, expect, it } from 'vitest';
import { CHUNK, commonPrefix, fromArray, itemAt, push, replace, size, slice, take, toArray } from '../raft/chunkedList.ts';

const range = (n: number, from = 0): number[] => Array.from({ length: n }, (_, i) => from + i);

describe('chunkedList', () => {
  it('pushes across chunk boundaries and reads every item back', () => {
    let l = fromArray<number>([]);
    for (const n of [1, CHUNK - 2, 3, 2 * CHUNK + 5]) l = push(l, range(n, size(l)));
    const all = range(size(l));
    expect(toArray(l)).toEqual(all);
    expect(l.chunks.every((c) => c.length === CHUNK)).toBe(true);
    expect(l.tail.length).toBeLessThan(CHUNK);
    expect(itemAt(l, size(l))).toBeUndefined();
    expect(itemAt(l, -1)).toBeUndefined();
    expect(slice(l, CHUNK - 1, CHUNK + 2)).toEqual([CHUNK - 1, CHUNK, CHUNK + 1]);
  });

  it('shares full chunks with earlier versions and never changes them', () => {
    const a = fromArray(range(2 * CHUNK + 3));
    const b = push(a, [-1]);
    expect(b.chunks[0]).toBe(a.chunks[0]);
    expect(b.chunks).toBe(a.chunks); // no chunk filled: only the tail was copied
    expect(toArray(a)).toEqual(range(2 * CHUNK + 3));
    expect(push(a, [])).toBe(a);
  });

  it('is canonical: equal items give deep-equal lists, through take, push and a JSON round trip', () => {
    const a = fromArray(range(3 * CHUNK));
    const cut = push(take(a, CHUNK + 1), range(2 * CHUNK - 1, CHUNK + 1));
    expect(cut).toEqual(a);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(take(a, CHUNK)).toEqual(fromArray(range(CHUNK)));
    expect(take(a, 0)).toEqual(fromArray([]));
  });

  it('replaces one item, in a full chunk or in the tail', () => {
    const a = fromArray(range(CHUNK + 2));
    expect(toArray(replace(a, 1, -1))[1]).toBe(-1);
    expect(toArray(replace(a, CHUNK + 1, -1))[CHUNK + 1]).toBe(-1);
    expect(toArray(a)).toEqual(range(CHUNK + 2));
  });

  it('finds the common prefix of two versions by identity', () => {
    const items = range(3 * CHUNK).map((i) => ({ i }));
    const a = fromArray(items);
    const b = push(take(a, CHUNK + 5), [{ i: -1 }]);
    expect(commonPrefix(a, b)).toBe(CHUNK + 5);
    expect(commonPrefix(a, a)).toBe(3 * CHUNK);
    expect(commonPrefix(a, fromArray(items.map((x) => ({ ...x }))))).toBe(0); // equal values, other objects
  });
});
