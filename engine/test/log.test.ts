import { describe, expect, it } from 'vitest';
import { appendAfter, compacted, entriesFrom, entryAt, findConflictByTerm, firstChange, isUpToDate, lastIndex, lastTerm, logAfter, logEntries, logOf, termAt } from '../raft/log.ts';
import type { LogEntry, LogView } from '../types.ts';

const terms = (...ts: number[]): LogEntry[] => ts.map((term, i) => ({ term, kind: 'raw' as const, value: `v${i + 1}.${term}` }));
const log = (...ts: number[]): LogView => ({ start: 0, startTerm: 0, entries: ts.map((term, i) => ({ term, kind: 'raw' as const, value: `v${i + 1}.${term}` })) });

describe('termAt', () => {
  it('treats index 0 as the empty prefix of term 0 and is undefined past the end', () => {
    const l = log(1, 2);
    expect(termAt(l, 0)).toBe(0);
    expect(termAt(l, 2)).toBe(2);
    expect(termAt(l, 3)).toBeUndefined();
    expect(lastTerm(log())).toBe(0);
  });
});

describe('isUpToDate (§5.4.1)', () => {
  it('compares last terms first, then lengths', () => {
    expect(isUpToDate({ lastTerm: 6, lastIndex: 10 }, { lastTerm: 3, lastIndex: 11 })).toBe(true);
    expect(isUpToDate({ lastTerm: 6, lastIndex: 10 }, { lastTerm: 7, lastIndex: 2 })).toBe(false);
    expect(isUpToDate({ lastTerm: 6, lastIndex: 10 }, { lastTerm: 6, lastIndex: 11 })).toBe(false);
    expect(isUpToDate({ lastTerm: 6, lastIndex: 10 }, { lastTerm: 6, lastIndex: 10 })).toBe(true);
  });
});

describe('findConflictByTerm', () => {
  // n5 of etcd's Figure 7 variant and the leader n1.
  const n5 = log(1, 1, 1, 4, 4, 5, 5, 6, 7, 7, 7, 7);
  const n1 = log(1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 8);
  it('finds the last index at or below the probe whose term is not above the probe term', () => {
    expect(findConflictByTerm(n5, 10, 6)).toEqual({ index: 8, term: 6 });
    expect(findConflictByTerm(n1, 7, 4)).toEqual({ index: 5, term: 4 });
    expect(findConflictByTerm(n1, 10, 3)).toEqual({ index: 3, term: 1 });
  });
  it('clamps to the end of the log and bottoms out at index 0', () => {
    expect(findConflictByTerm(log(1, 1, 1, 4), 10, 6)).toEqual({ index: 4, term: 4 });
    expect(findConflictByTerm(log(5, 5), 2, 1)).toEqual({ index: 0, term: 0 });
  });
});

describe('appendAfter (Figure 2, AppendEntries rules 3-4)', () => {
  it('returns the same log when every entry is already present', () => {
    const l = logOf(terms(1, 1, 2));
    const r = appendAfter(l, 1, logEntries(l).slice(1));
    expect(r.log).toBe(l);
    expect(r.truncatedFrom).toBe(0);
  });
  it('never truncates on a stale request whose entries all match (a shorter, delayed AppendEntries)', () => {
    const l = logOf(terms(1, 1, 2, 2));
    expect(appendAfter(l, 1, logEntries(l).slice(1, 2)).log).toBe(l);
  });
  it('deletes the first conflicting entry and all that follow, then appends', () => {
    const l = logOf(terms(1, 1, 2, 2, 2));
    const incoming: LogEntry[] = [{ term: 3, kind: 'raw' as const, value: 'a' }, { term: 3, kind: 'raw' as const, value: 'b' }];
    const r = appendAfter(l, 2, incoming);
    expect(logEntries(r.log).map((e) => e.term)).toEqual([1, 1, 3, 3]);
    expect(r).toMatchObject({ truncatedFrom: 3, removed: 3, conflictTerm: 2 });
    expect(entryAt(r.log, 1)).toBe(entryAt(l, 1)); // kept entries are shared, not copied
    expect(logEntries(l).map((e) => e.term)).toEqual([1, 1, 2, 2, 2]); // input untouched
  });
  it('appends past the end without reporting a truncation', () => {
    const r = appendAfter(logOf(terms(1)), 1, [{ term: 1, kind: 'raw' as const, value: 'x' }]);
    expect(lastIndex(r.log)).toBe(2);
    expect(r.truncatedFrom).toBe(0);
  });
});

describe('a log after a snapshot (§7)', () => {
  const full = logOf(terms(1, 1, 2, 2, 3, 3));
  const after4 = compacted(full, 4);
  it('keeps its indexes: the entries after the snapshot are where they were, and the start has the snapshot term', () => {
    expect(after4.start).toBe(4);
    expect(after4.startTerm).toBe(2);
    expect(lastIndex(after4)).toBe(6);
    expect(entryAt(after4, 5)).toBe(entryAt(full, 5));
    expect(logEntries(after4).map((e) => e.term)).toEqual([3, 3]);
    expect(entriesFrom(after4, 1).length).toBe(2);
    expect(entriesFrom(after4, 6)).toEqual([entryAt(full, 6)]);
  });
  it('knows nothing below its start: no entry, no term', () => {
    expect(termAt(after4, 4)).toBe(2);
    expect(termAt(after4, 3)).toBeUndefined();
    expect(entryAt(after4, 4)).toBeUndefined();
    expect(termAt(after4, 0)).toBe(0);
  });
  it('checks consistency across the boundary: appending after the start works, and a conflict truncates above it', () => {
    const r = appendAfter(after4, 4, [{ term: 4, kind: 'raw', value: 'x' }]);
    expect(r).toMatchObject({ truncatedFrom: 5, removed: 2, conflictTerm: 3 });
    expect(r.log.start).toBe(4);
    expect(logEntries(r.log).map((e) => e.term)).toEqual([4]);
  });
  it('finds conflicts by term no further back than its start, and says when the answer lies below it', () => {
    expect(findConflictByTerm(after4, 6, 2)).toEqual({ index: 4, term: 2 });
    expect(findConflictByTerm(after4, 3, 1)).toEqual({ index: 3, term: 0 });
    // Every held entry, and the start, of a term above the hint's: the answer lies below the start, term unknown.
    expect(findConflictByTerm(after4, 6, 1)).toEqual({ index: 3, term: 0 });
  });
  it('compares versions by index: compacting changes no entry, installing a snapshot changes what it replaced', () => {
    expect(firstChange(full, after4)).toBe(7);
    expect(firstChange(after4, logAfter(8, 3))).toBe(9); // 5 and 6 are now in the snapshot, not changed
    const replaced = appendAfter(after4, 4, [{ term: 4, kind: 'raw', value: 'x' }]).log;
    expect(firstChange(full, replaced)).toBe(5);
  });
});
