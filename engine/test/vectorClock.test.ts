/** Vector clocks: the operations, and the keeper's rules applied to happenings by hand. */
import { describe, expect, it } from 'vitest';
import { ClockKeeper, clockJson, dominates, happenedBefore } from '../sim/vectorClock.ts';
import type { Happening } from '../sim/causality.ts';
import type { Message } from '../types.ts';

const msg = (id: number, from: string, to: string): Message =>
  ({ type: 'RequestVote', from, to, term: 1, preVote: false, transfer: false, lastLogIndex: 0, lastLogTerm: 0, id, sentAt: 0, arrivesAt: 1, seq: id }) as Message;

describe('vector clock comparisons', () => {
  it('dominates and happenedBefore', () => {
    expect(dominates({ n1: 2, n2: 1 }, { n1: 2 })).toBe(true);
    expect(dominates({ n1: 2 }, { n1: 2, n2: 1 })).toBe(false);
    expect(happenedBefore({ n1: 1 }, { n1: 1, n2: 1 })).toBe(true);
    expect(happenedBefore({ n1: 1 }, { n1: 1 })).toBe(false);
    // Concurrent: neither before the other.
    expect(happenedBefore({ n1: 1 }, { n2: 1 })).toBe(false);
    expect(happenedBefore({ n2: 1 }, { n1: 1 })).toBe(false);
  });

  it('clockJson lists entries in node order and leaves zeros out', () => {
    expect(clockJson({ n3: 1, n1: 2 }, ['n1', 'n2', 'n3'])).toBe('{"n1":2,"n3":1}');
    expect(JSON.parse(clockJson({ n2: 5 }, ['n1', 'n2']))).toEqual({ n2: 5 });
  });
});

describe('ClockKeeper', () => {
  it('applies the send, receive and local rules', () => {
    const k = new ClockKeeper(['n1', 'n2', 'n3']);
    type Bare<H> = H extends Happening ? Omit<H, 'event' | 'time'> : never;
    const at = (h: Bare<Happening>): Happening => ({ ...h, event: 1, time: 0 }) as Happening;
    const m1 = msg(1, 'n1', 'n2');
    expect(k.apply(at({ kind: 'local', node: 'n1', cause: 'campaign' }))).toEqual({ n1: 1 });
    expect(k.apply(at({ kind: 'send', node: 'n1', message: m1 }))).toEqual({ n1: 2 });
    expect(k.apply(at({ kind: 'local', node: 'n2', cause: 'election-timer' }))).toEqual({ n2: 1 });
    // Receive: max with the message's clock (the sender's at the send), then tick.
    expect(k.apply(at({ kind: 'receive', node: 'n2', message: m1 }))).toEqual({ n1: 2, n2: 2 });
    // Later events at the sender do not reach the receiver without a message.
    expect(k.apply(at({ kind: 'local', node: 'n1', cause: 'propose' }))).toEqual({ n1: 3 });
    expect(k.clockOf('n2')).toEqual({ n1: 2, n2: 2 });
    expect(k.clockOf('n3')).toEqual({});
  });

  it('hands out clocks that later happenings do not change, with entries in node order', () => {
    const k = new ClockKeeper(['n1', 'n2']);
    const m1 = msg(1, 'n2', 'n1');
    const sent = k.apply({ kind: 'send', node: 'n2', message: m1, event: 1, time: 0 });
    const got = k.apply({ kind: 'receive', node: 'n1', message: m1, event: 2, time: 1 });
    k.apply({ kind: 'local', node: 'n1', cause: 'crash', event: 3, time: 2 });
    expect(sent).toEqual({ n2: 1 });
    expect(Object.keys(got)).toEqual(['n1', 'n2']);
    expect(got).toEqual({ n1: 1, n2: 1 });
  });

  it('refuses a receive whose send it was never told of', () => {
    const k = new ClockKeeper(['n1', 'n2']);
    expect(() => k.apply({ kind: 'receive', node: 'n2', message: msg(9, 'n1', 'n2'), event: 1, time: 0 })).toThrow(/m9 received but never sent/);
  });
});
