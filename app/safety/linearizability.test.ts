import { describe, expect, it } from 'vitest';
import type { HistoryOp } from '../../engine/linearize/history.ts';
import { linearizabilityState, linearizabilityViolation } from './linearizability.ts';

const op = (over: Partial<HistoryOp>): HistoryOp => ({
  client: 'c1',
  serial: 1,
  op: 'append',
  key: 'x',
  value: 'a',
  invokedAt: 10,
  invokedEvent: 3,
  returnedAt: 20,
  returnedEvent: 5,
  result: '',
  ...over,
});

describe('Linearizability in the safety panel', () => {
  it('is dated by the last answer of the smallest set, and carries its explanation', () => {
    const ops = [op({}), op({ serial: 2, op: 'get', value: null, invokedEvent: 8, returnedEvent: 12, returnedAt: 40, result: 'aa' }), op({ serial: 3, invokedEvent: 20, returnedEvent: 30 })];
    const v = linearizabilityViolation({ verdict: 'violation', key: 'x', ops: [0, 1], explanation: 'c1 appended a once but saw it twice.' }, ops);
    expect(v).toEqual({ invariant: 'Linearizability', event: 12, time: 40, detail: 'c1 appended a once but saw it twice.', nodes: [], index: null });
  });

  it('is no violation when the history has an order, or no verdict', () => {
    expect(linearizabilityViolation({ verdict: 'ok', order: { x: [0] } }, [op({})])).toBeNull();
    expect(linearizabilityViolation({ verdict: 'unknown', key: 'x', steps: 9 }, [op({})])).toBeNull();
    expect(linearizabilityState({ verdict: 'unknown', key: 'x', steps: 9 })).toBe('unknown');
    expect(linearizabilityState({ verdict: 'none' })).toBe('none');
  });
});
