import { describe, expect, it } from 'vitest';
import type { LogView } from '../../engine/types.ts';
import { columnCount, conflictsAt } from './logModel.ts';

const log = (...terms: number[]): LogView => ({ start: 0, startTerm: 0, entries: terms.map((term) => ({ term, kind: 'noop' as const })) });
const after = (start: number, startTerm: number, ...terms: number[]): LogView => ({ ...log(...terms), start, startTerm });

/** One flag per entry the log holds, by its index. */
const conflictFlags = (l: LogView, leader: LogView | null) => l.entries.map((_, i) => conflictsAt(l, leader, l.start + i + 1));

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
  it('compares by index, not position, when either log starts after a snapshot (§7)', () => {
    // The follower holds 4..6 after a snapshot up to 3; the leader 6..7 after one up to 5.
    const follower = after(3, 1, 2, 2, 3);
    const leader = after(5, 2, 4, 4);
    // Index 6 differs (3 vs 4); 4 and 5 are inside the leader's snapshot: committed, never drawn as conflicts.
    expect(conflictFlags(follower, leader)).toEqual([false, false, true]);
    // By position, index 4 (term 2) would have been compared with the leader's index 6 (term 4).
    expect(conflictFlags(after(3, 1, 4, 4), log(1, 1, 1, 4, 4))).toEqual([false, false]);
  });
});

describe('columnCount', () => {
  it('covers the longest log and the furthest nextIndex', () => {
    expect(columnCount([3, 10], [11, 4])).toBe(11);
    expect(columnCount([], [])).toBe(1);
  });
});
