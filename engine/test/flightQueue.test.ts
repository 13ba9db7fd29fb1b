import { describe, expect, it } from 'vitest';
import * as q from '../sim/flightQueue.ts';
import { nextInt, seedState } from '../sim/rng.ts';
import type { Message } from '../types.ts';

const msg = (id: number, arrivesAt: number, seq: number): Message => ({
  type: 'RequestVote', from: 'n1', to: 'n2', term: 1, lastLogIndex: 0, lastLogTerm: 0, preVote: false, transfer: false, id, sentAt: 0, arrivesAt, seq,
});

describe('flight queue', () => {
  it('delivers by arrival time, breaking ties by sequence number', () => {
    const h: Message[] = [];
    q.push(h, msg(1, 20, 5));
    q.push(h, msg(2, 10, 9));
    q.push(h, msg(3, 20, 1));
    q.push(h, msg(4, 15, 2));
    expect([q.pop(h), q.pop(h), q.pop(h), q.pop(h)].map((m) => m!.id)).toEqual([2, 4, 3, 1]);
    expect(q.pop(h)).toBeUndefined();
  });
  it('keeps heap order through random pushes, removals and pops', () => {
    let s = seedState(99);
    const h: Message[] = [];
    let seq = 0;
    for (let i = 0; i < 500; i++) {
      const [t, s2] = nextInt(s, 0, 50);
      s = s2;
      q.push(h, msg(i, t, seq++));
    }
    const removed = q.removeWhere(h, (m) => m.id % 3 === 0);
    expect(removed.every((m) => m.id % 3 === 0)).toBe(true);
    expect(removed.length + h.length).toBe(500);
    const sorted = q.inOrder(h).map((m) => m.id);
    const popped: number[] = [];
    while (h.length > 0) popped.push(q.pop(h)!.id);
    expect(popped).toEqual(sorted);
    expect(popped.some((id) => id % 3 === 0)).toBe(false);
  });
});
