import { describe, expect, it } from 'vitest';
import { columnCount, conflictsAt } from './logModel.ts';

const log = (...terms: number[]) => terms.map((term) => ({ term, kind: 'noop' as const }));

const conflictFlags = (l: ReturnType<typeof log>, leader: ReturnType<typeof log> | null) => l.map((_, i) => conflictsAt(l, leader, i));

describe('conflictsAt', () => {
  it('flags entries whose term differs from the leader entry at the same index', () => {
    // Figure 7 (f) against the leader of term 8.
    const f = log(1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3);
    const leader = log(1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 8);
    expect(conflictFlags(f, leader)).toEqual([false, false, false, true, true, true, true, true, true, true, true]);
  });
  it('does not flag entries beyond the leader log, nor anything without a leader', () => {
    expect(conflictFlags(log(1, 1, 2), log(1))).toEqual([false, false, false]);
    expect(conflictFlags(log(1, 2), null)).toEqual([false, false]);
  });
});

describe('columnCount', () => {
  it('covers the longest log and the furthest nextIndex', () => {
    expect(columnCount([3, 10], [11, 4])).toBe(11);
    expect(columnCount([], [])).toBe(1);
  });
});
