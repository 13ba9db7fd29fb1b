/**
 * An immutable list that shares most of its memory between versions: the
 * representation behind a node's stored log (see log.ts) and the invariant
 * checker's per-index memory (check/invariants.ts).
 *
 * Items live in full chunks of exactly CHUNK items, then a tail of fewer than
 * CHUNK. A full chunk is never changed, so every later version shares it; a push
 * copies only the tail, and once every CHUNK items the list of chunks. Appending
 * one item therefore costs O(CHUNK) whatever the length, and a version kept by a
 * timeline checkpoint costs a tail, not a whole copy of the list (a plain array
 * copied on every append made both engine time and recordings grow quadratically).
 *
 * Plain, JSON-safe data (arrays only), and canonical: the same items always give
 * the same chunks and tail, so two lists are deep-equal exactly when their items
 * are, and a JSON round trip restores an equal list.
 *
 * Positions here are 0-based, like an array's; log.ts turns them into log indexes.
 */

/**
 * Items per full chunk, a power of two so that addressing is a shift and a mask.
 * Trades the cost of a push (a tail copy) against that of a new chunk (a chunk-list copy).
 */
const CHUNK_BITS = 6;
export const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

export interface ChunkedList<T> {
  /** Invariant: each holds exactly CHUNK items and is never changed. */
  readonly chunks: readonly (readonly T[])[];
  /** Invariant: fewer than CHUNK items. Copied, never changed, by a push. */
  readonly tail: readonly T[];
}

export const emptyList = <T>(): ChunkedList<T> => ({ chunks: [], tail: [] });

export const size = <T>(l: ChunkedList<T>): number => l.chunks.length * CHUNK + l.tail.length;

/** The item at `i`, or `undefined` outside the list. */
export function itemAt<T>(l: ChunkedList<T>, i: number): T | undefined {
  if (i < 0) return undefined;
  const c = i >> CHUNK_BITS;
  return c < l.chunks.length ? l.chunks[c][i & MASK] : l.tail[i - l.chunks.length * CHUNK];
}

/** The items from `from` up to (not including) `to`, as a new array. */
export function slice<T>(l: ChunkedList<T>, from: number, to: number = size(l)): T[] {
  const start = Math.max(0, from);
  const end = Math.min(to, size(l));
  if (end <= start) return [];
  const out = new Array<T>(end - start);
  for (let i = start; i < end; i++) {
    const c = i >> CHUNK_BITS;
    out[i - start] = c < l.chunks.length ? l.chunks[c][i & MASK] : l.tail[i & MASK];
  }
  return out;
}

export const toArray = <T>(l: ChunkedList<T>): T[] => slice(l, 0);

export const fromArray = <T>(items: readonly T[]): ChunkedList<T> => push(emptyList<T>(), items);

/** The list with `items` appended. Shares every full chunk; returns `l` itself when `items` is empty. */
export function push<T>(l: ChunkedList<T>, items: readonly T[]): ChunkedList<T> {
  if (items.length === 0) return l;
  if (l.tail.length + items.length < CHUNK) return { chunks: l.chunks, tail: l.tail.concat(items) };
  const chunks = l.chunks.slice();
  let tail = l.tail.slice();
  for (const item of items) {
    tail.push(item);
    if (tail.length === CHUNK) {
      chunks.push(tail);
      tail = [];
    }
  }
  return { chunks, tail };
}

/** The first `n` items. Shares every full chunk below `n`. */
export function take<T>(l: ChunkedList<T>, n: number): ChunkedList<T> {
  if (n >= size(l)) return l;
  const full = n >> CHUNK_BITS;
  const tail = (full < l.chunks.length ? l.chunks[full] : l.tail).slice(0, n & MASK);
  return { chunks: l.chunks.slice(0, full), tail };
}

/** The list with the item at `i` (0 <= i < size) replaced. Copies one chunk and, if it was full, the chunk list. */
export function replace<T>(l: ChunkedList<T>, i: number, item: T): ChunkedList<T> {
  const c = i >> CHUNK_BITS;
  const at = i & MASK;
  const changed = (chunk: readonly T[]): T[] => chunk.map((x, j) => (j === at ? item : x));
  if (c === l.chunks.length) return { chunks: l.chunks, tail: changed(l.tail) };
  return { chunks: l.chunks.map((chunk, j) => (j === c ? changed(chunk) : chunk)), tail: l.tail };
}

/**
 * How many leading items the two lists hold in common, compared by identity (not
 * by value). Versions of one list share their chunks, so whole shared chunks are
 * skipped at once; only the first chunk that differs is compared item by item.
 */
export function commonPrefix<T>(a: ChunkedList<T>, b: ChunkedList<T>): number {
  const n = Math.min(size(a), size(b));
  let c = 0;
  if (a.chunks === b.chunks) c = a.chunks.length;
  else while (c < a.chunks.length && c < b.chunks.length && a.chunks[c] === b.chunks[c]) c++;
  // The first chunk (or tail) that differs, compared item by item in place; past
  // it the lists may still agree item by item (a chunk list copied, not shared).
  let i = c * CHUNK;
  while (i < n) {
    const k = i >> CHUNK_BITS;
    const x = k < a.chunks.length ? a.chunks[k] : a.tail;
    const y = k < b.chunks.length ? b.chunks[k] : b.tail;
    const stop = Math.min(n, (k + 1) * CHUNK);
    let j = i & MASK;
    while (i < stop && x[j] === y[j]) {
      i++;
      j++;
    }
    if (i < stop) return i;
  }
  return i;
}

/**
 * The list without its first `n` items (log compaction, §7). The rest is chunked
 * afresh from position 0, so it copies what it keeps: a node compacts once per
 * many appended entries, and a canonical layout keeps equal lists deep-equal.
 */
export function drop<T>(l: ChunkedList<T>, n: number): ChunkedList<T> {
  if (n <= 0) return l;
  return fromArray(slice(l, n));
}
