import { describe, expect, it } from 'vitest';
import type { EventView } from '../worker/viewModel.ts';
import { narration } from './narration.ts';

const ev = (seq: number, event: number, routine = false): EventView => ({
  seq,
  event,
  time: event * 10,
  type: routine ? 'heartbeat' : 'becameLeader',
  node: 'n1',
  text: `line ${seq}`,
  rule: routine ? 'heartbeats' : 'majority-wins',
  routine,
});

describe('narration', () => {
  it('tells the newest events first, each in its own order, without routine traffic, at most max lines', () => {
    const events = [ev(1, 1), ev(2, 2, true), ev(3, 3), ev(4, 3), ev(5, 4, true)];
    const n = narration(events, 2);
    // Records 3 and 4 are one event: told in the order they happened.
    expect(n.lines.map((e) => e.seq)).toEqual([3, 4]);
    expect(narration(events).lines.map((e) => e.seq)).toEqual([3, 4, 1]);
    expect(n.latest).toBe(3);
    expect(n.quiet).toBe(false);
  });

  it('is empty before anything happened, and quiet when only heartbeats did', () => {
    expect(narration([])).toEqual({ lines: [], latest: null, quiet: false });
    expect(narration([ev(1, 1, true)]).quiet).toBe(true);
  });
});
