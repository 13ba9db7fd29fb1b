/**
 * Messages in flight, kept as a binary min-heap in a plain array, ordered by
 * arrival time and then by sequence number. The sequence number makes the order of
 * simultaneous arrivals a fixed fact of the run instead of an accident.
 *
 * Invariant: for every i > 0, before(heap[parent(i)], heap[i]).
 */
import type { Message } from '../types.ts';

const before = (a: Message, b: Message): boolean =>
  a.arrivesAt < b.arrivesAt || (a.arrivesAt === b.arrivesAt && a.seq < b.seq);

/** (A destructuring swap would allocate an array on every move until the code is optimized.) */
function swap(heap: Message[], i: number, j: number): void {
  const x = heap[i];
  heap[i] = heap[j];
  heap[j] = x;
}

export function push(heap: Message[], m: Message): void {
  heap.push(m);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i], heap[parent])) break;
    swap(heap, i, parent);
    i = parent;
  }
}

export const peek = (heap: readonly Message[]): Message | undefined => heap[0];

export function pop(heap: Message[]): Message | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length > 0 && last !== undefined) {
    heap[0] = last;
    siftDown(heap, 0);
  }
  return top;
}

function siftDown(heap: Message[], start: number): void {
  let i = start;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < heap.length && before(heap[l], heap[m])) m = l;
    if (r < heap.length && before(heap[r], heap[m])) m = r;
    if (m === i) return;
    swap(heap, i, m);
    i = m;
  }
}

/** Remove every message that matches, keeping the heap valid. Returns the removed ones in delivery order. */
export function removeWhere(heap: Message[], match: (m: Message) => boolean): Message[] {
  const removed = heap.filter(match);
  if (removed.length === 0) return removed;
  const kept = heap.filter((m) => !match(m));
  heap.length = 0;
  for (const m of kept) heap.push(m);
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(heap, i);
  return removed.sort((a, b) => (before(a, b) ? -1 : 1));
}

/** All messages in delivery order (a copy). */
export const inOrder = (heap: readonly Message[]): Message[] => [...heap].sort((a, b) => (before(a, b) ? -1 : 1));
