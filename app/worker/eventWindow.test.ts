import { expect, it } from 'vitest';
import { trimEvents } from './eventWindow.ts';
import type { EventView } from './viewModel.ts';

const ev = (seq: number, routine: boolean): EventView => ({ seq, event: seq, time: seq, type: 'heartbeat', node: 'n1', text: '', rule: 'heartbeats', routine });

it('keeps a window of each kind, newest, in order', () => {
  const events = [ev(1, false), ev(2, true), ev(3, true), ev(4, false), ev(5, true), ev(6, true)];
  expect(trimEvents(events, 2).map((e) => e.seq)).toEqual([1, 4, 5, 6]);
});
