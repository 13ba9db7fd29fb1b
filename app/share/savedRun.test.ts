import { describe, expect, it } from 'vitest';
import { readSavedRun, SAVED_RUN_KEY, writeSavedRun } from './savedRun.ts';
import { memoryStorage } from '../testing/memoryStorage.ts';


const run = { script: 'cluster nodes=3\nrun 1s\ncrash n2', cursor: { time: 1000, event: 77 } };

describe('the saved run', () => {
  it('is written and read back', () => {
    const storage = memoryStorage();
    expect(readSavedRun(storage)).toBeNull();
    expect(writeSavedRun(storage, run)).toBe(true);
    expect(storage.getItem(SAVED_RUN_KEY)).toMatch(/^v1\./);
    expect(readSavedRun(storage)).toEqual(run);
  });
  it('is ignored when it cannot be read, and never throws', () => {
    const storage = memoryStorage();
    for (const junk of ['', 'hello', 'v1.%%%', 'v9.abc']) {
      storage.setItem(SAVED_RUN_KEY, junk);
      expect(readSavedRun(storage)).toBeNull();
    }
    expect(readSavedRun(null)).toBeNull();
    const broken = { getItem: () => { throw new Error('SecurityError'); } } as unknown as Storage;
    expect(readSavedRun(broken)).toBeNull();
  });
  it('reports a refused write instead of throwing', () => {
    expect(writeSavedRun(memoryStorage(true), run)).toBe(false);
    expect(writeSavedRun(null, run)).toBe(false);
  });
});
