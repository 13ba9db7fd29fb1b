import { describe, expect, it } from 'vitest';
import type { ClientView } from '../worker/viewModel.ts';
import { clientName, progressLine, requestLine } from './clientWords.ts';

const idle: ClientView = { id: 'c1', pending: null, queued: 0, leaderGuess: null, timer: null };
const busy: ClientView = {
  id: 'c2',
  pending: { serial: 3, op: { kind: 'append', key: 'x', value: 'a' }, target: 'n2', attempts: 2 },
  queued: 1,
  leaderGuess: 'n2',
  timer: { setAt: 100, at: 300 },
};

describe('clientWords', () => {
  it('says an idle client waits on nothing', () => {
    expect(requestLine(idle)).toBe('idle');
    expect(progressLine(idle)).toBe('');
    expect(clientName(idle)).toBe('Client c1, idle, knows no leader');
  });
  it('names the request, its retries and the queue behind it', () => {
    expect(requestLine(busy)).toBe('#3 append x a');
    expect(progressLine(busy)).toBe('try 2 → n2 · +1 waiting');
    expect(progressLine({ ...busy, queued: 0, pending: { ...busy.pending!, attempts: 1 } })).toBe('sent → n2');
    expect(clientName(busy)).toBe('Client c2, waiting on #3 append x a (try 2, sent to n2), believes n2 leads, 1 more queued');
  });
});
