import { describe, expect, it } from 'vitest';
import type { HistoryOp } from '../../engine/linearize/history.ts';
import { historyWindow, MAX_BARS, opLabel, opsInWindow, orderPlaces, READABLE_PX, shortLabel } from './historyLayout.ts';

/** Client c1's operations one after another, each `d` ms long, starting at 0. */
const sequence = (n: number, d: number): HistoryOp[] =>
  Array.from({ length: n }, (_, i) => ({
    client: 'c1',
    serial: i + 1,
    op: 'put',
    key: 'x',
    value: `${i}`,
    invokedAt: i * d,
    invokedEvent: 2 * i + 1,
    returnedAt: i * d + d,
    returnedEvent: 2 * i + 2,
    result: '',
  }));

describe('the History panel window', () => {
  it('by default makes a typical bar wide enough to read, ending at the last answer', () => {
    const ops = sequence(100, 10);
    const [t0, t1] = historyWindow(ops, 5000, 'readable', 900);
    const span = 900 * (10 / READABLE_PX);
    expect(t1).toBeCloseTo(1000 + span * 0.02, 6);
    expect(t0).toBeCloseTo(1000 - span - span * 0.02, 6);
  });

  it('fits all from the first call, and runs to the moment viewed while an operation waits', () => {
    const ops = [...sequence(3, 10), { ...sequence(4, 10)[3], returnedAt: null, returnedEvent: null, result: null }];
    const [t0, t1] = historyWindow(ops, 200, 'all', 900);
    expect(t0).toBe(0);
    expect(t1).toBeCloseTo(200 * 1.02, 6);
  });

  it('never holds more than MAX_BARS operations, the latest', () => {
    const ops = sequence(MAX_BARS + 50, 1);
    const [t0, t1] = historyWindow(ops, 10_000, 'all', 900);
    const shown = opsInWindow(ops, t0, t1);
    expect(shown.length).toBeLessThanOrEqual(MAX_BARS);
    expect(shown.at(-1)).toBe(ops.length - 1);
  });
});

describe('the labels of an operation', () => {
  const [put] = sequence(1, 10);
  it('names the operation and what a get returned', () => {
    expect(opLabel(put)).toBe('put x 0');
    const get: HistoryOp = { ...put, op: 'get', value: null, result: '1a' };
    expect(opLabel(get)).toBe('get x → 1a');
    expect(shortLabel(get)).toBe('→1a');
    expect(opLabel({ ...get, result: '' })).toBe('get x → ""');
    expect(opLabel({ ...get, result: null, returnedAt: null, returnedEvent: null })).toBe('get x …');
    expect(shortLabel({ ...put, op: 'append', value: 'a' })).toBe('+a');
  });

  it('numbers each operation by its place in the order found for its key', () => {
    const places = orderPlaces({ verdict: 'ok', order: { x: [2, 0], y: [1] } });
    expect([...places.entries()].sort()).toEqual([
      [0, 2],
      [1, 1],
      [2, 1],
    ]);
  });
});
