import { describe, expect, it } from 'vitest';
import { commandEntry, configEntry, noopEntry, rawEntry } from '../../engine/raft/entry.ts';
import { membership } from '../../engine/raft/configs.ts';
import { entryMark } from './entryMark.ts';

describe('entryMark', () => {
  it('marks each kind of entry', () => {
    expect(entryMark(noopEntry(2))).toBe('·');
    expect(entryMark(rawEntry(2, 'v1'))).toBe('');
    expect(entryMark(commandEntry(2, 'c1', 3, { kind: 'put', key: 'x', value: '1' }))).toBe('P');
    expect(entryMark(commandEntry(2, 'c1', 3, { kind: 'append', key: 'x', value: 'a' }))).toBe('A');
    expect(entryMark(commandEntry(2, 'c2', 1, { kind: 'get', key: 'x' }))).toBe('G');
  });

  it('marks a configuration C, and a joint one (C_old,new) J (§6)', () => {
    expect(entryMark(configEntry(2, membership(['n1', 'n2', 'n3'], [], ['n4'])))).toBe('C');
    expect(entryMark(configEntry(2, membership(['n3', 'n4', 'n5'], ['n1', 'n2', 'n3'])))).toBe('J');
  });
});
