import { describe, expect, it } from 'vitest';
import { readLoadFailure, readSavedRun, SAVED_RUN_FAILED_KEY, SAVED_RUN_KEY, writeLoadFailure, writeSavedRun } from './savedRun.ts';
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
  it('keeps why it failed to load until it loads, or another run is saved over it', () => {
    const storage = memoryStorage();
    writeSavedRun(storage, run);
    expect(readLoadFailure(storage)).toBeNull();
    writeLoadFailure(storage, { kind: 'timeout', seconds: 20 });
    expect(readLoadFailure(storage)).toEqual({ kind: 'timeout', seconds: 20 });
    expect(readSavedRun(storage)).toEqual(run);
    writeLoadFailure(storage, null);
    expect(readLoadFailure(storage)).toBeNull();
    writeLoadFailure(storage, { kind: 'error', message: 'out of memory' });
    expect(readLoadFailure(storage)).toEqual({ kind: 'error', message: 'out of memory' });
    writeSavedRun(storage, { ...run, script: 'cluster nodes=5' });
    expect(readLoadFailure(storage)).toBeNull();
    // A mark it cannot read still says the last try did not finish; a refused storage says nothing.
    storage.setItem(SAVED_RUN_FAILED_KEY, '{oops');
    expect(readLoadFailure(storage)).toEqual({ kind: 'unfinished' });
    storage.setItem(SAVED_RUN_FAILED_KEY, '{"kind":"later"}');
    expect(readLoadFailure(storage)).toEqual({ kind: 'unfinished' });
    writeLoadFailure(storage, { kind: 'cancelled' });
    expect(readLoadFailure(storage)).toEqual({ kind: 'cancelled' });
    expect(() => writeLoadFailure(memoryStorage(true), { kind: 'cancelled' })).not.toThrow();
  });
});
