import { describe, expect, it } from 'vitest';
import { readSavedRun, SAVED_RUN_KEY, writeSavedRun } from './savedRun.ts';
import { memoryStorage } from '../testing/memoryStorage.ts';
import { savedRunOnArrival } from './savedRunProblem.ts';
import { createAppStore } from '../store/store.ts';

const run = { script: 'cluster nodes=3\nrun 1s\ncrash n2', cursor: { time: 1000, event: 77 } };

describe('the saved run', () => {
  it('is written and read back', () => {
    const storage = memoryStorage();
    expect(readSavedRun(storage)).toEqual({ kind: 'none' });
    expect(writeSavedRun(storage, run)).toBe(true);
    expect(storage.getItem(SAVED_RUN_KEY)).toMatch(/^v1\./);
    expect(readSavedRun(storage)).toEqual({ kind: 'run', run });
  });

  it('is reported unreadable, saying why, when it cannot be read, and never throws', () => {
    const storage = memoryStorage();
    storage.setItem(SAVED_RUN_KEY, 'v9.abc');
    expect(readSavedRun(storage)).toEqual({ kind: 'unreadable', error: { kind: 'future-version', version: 9 } });
    for (const junk of ['hello', 'v1.%%%', 'v1.!!!']) {
      storage.setItem(SAVED_RUN_KEY, junk);
      const read = readSavedRun(storage);
      expect(read.kind).toBe('unreadable');
      expect(read.kind === 'unreadable' && read.error.kind).toMatch(/not-a-link|damaged/);
    }
  });

  it('is no run when there is nothing to read', () => {
    const storage = memoryStorage();
    storage.setItem(SAVED_RUN_KEY, '');
    expect(readSavedRun(storage)).toEqual({ kind: 'none' });
    expect(readSavedRun(null)).toEqual({ kind: 'none' });
    const broken = { getItem: () => { throw new Error('SecurityError'); } } as unknown as Storage;
    expect(readSavedRun(broken)).toEqual({ kind: 'none' });
  });

  it('reports a refused write instead of throwing', () => {
    expect(writeSavedRun(memoryStorage(true), run)).toBe(false);
    expect(writeSavedRun(null, run)).toBe(false);
  });
});

describe('on arrival', () => {
  it('offers a readable run, and remembers an unreadable one to tell of, leaving it stored', () => {
    const storage = memoryStorage();
    const store = createAppStore();
    writeSavedRun(storage, run);
    expect(savedRunOnArrival(store, storage)).toEqual(run);
    expect(store.getState().savedRunProblem).toBeNull();

    storage.setItem(SAVED_RUN_KEY, 'v2.future');
    expect(savedRunOnArrival(store, storage)).toBeNull();
    expect(store.getState().savedRunProblem).toEqual({ kind: 'future-version', version: 2 });
    // Each session keeps its own.
    expect(createAppStore().getState().savedRunProblem).toBeNull();
    expect(storage.getItem(SAVED_RUN_KEY)).toBe('v2.future');
  });
});
