import { describe, expect, it } from 'vitest';
import { commandEntry, noopEntry, rawEntry } from '../../engine/raft/entry.ts';
import { entryMark } from './entryMark.ts';

describe('entryMark', () => {
  it('marks each kind of entry', () => {
    expect(entryMark(noopEntry(2))).toBe('·');
    expect(entryMark(rawEntry(2, 'v1'))).toBe('');
    expect(entryMark(commandEntry(2, 'c1', 3, { kind: 'put', key: 'x', value: '1' }))).toBe('P');
    expect(entryMark(commandEntry(2, 'c1', 3, { kind: 'append', key: 'x', value: 'a' }))).toBe('A');
    expect(entryMark(commandEntry(2, 'c2', 1, { kind: 'get', key: 'x' }))).toBe('G');
  });
});
