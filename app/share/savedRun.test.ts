import { describe, expect, it } from 'vitest';
import { readSavedRunValue, SAVED_RUN_FORMAT, savedRunRecord } from './savedRun.ts';
import { encodeShare } from './shareCodec.ts';
import { savedRunOnArrival } from './savedRunProblem.ts';
import { createAppStore } from '../store/store.ts';
import { readLoadFailure, SAVED_RUN_FAILED_KEY, writeLoadFailure } from './savedRun.ts';
import { memoryStorage } from '../testing/memoryStorage.ts';

const run = { script: 'cluster nodes=3\nrun 1s\ncrash n2', cursor: { time: 1000, event: 77 } };

describe('the saved run', () => {
  it('is saved as a record and read back', () => {
    expect(savedRunRecord(run)).toEqual({ format: SAVED_RUN_FORMAT, ...run });
    expect(readSavedRunValue(savedRunRecord(run))).toEqual({ kind: 'run', run });
  });

  it('keeps a run longer than a link can carry', () => {
    const long = { script: Array.from({ length: 40_000 }, (_, i) => `propose leader request-number-${i}`).join('\n'), cursor: { time: 50, event: 40_017 } };
    expect(encodeShare(long).ok).toBe(false);
    expect(readSavedRunValue(structuredClone(savedRunRecord(long)))).toEqual({ kind: 'run', run: long });
  });

  it('reads a share fragment moved from localStorage by an earlier version', () => {
    const fragment = encodeShare(run);
    if (!fragment.ok) throw new Error('not encoded');
    expect(readSavedRunValue(fragment.fragment)).toEqual({ kind: 'run', run });
  });

  it('is reported unreadable, saying why, when it cannot be read, and never throws', () => {
    expect(readSavedRunValue('v9.abc')).toEqual({ kind: 'unreadable', error: { kind: 'future-version', version: 9 } });
    expect(readSavedRunValue({ ...savedRunRecord(run), format: 2 })).toEqual({ kind: 'unreadable', error: { kind: 'future-version', version: 2 } });
    for (const junk of ['hello', 'v1.%%%', 'v1.!!!', 42, [], { format: 1 }, { format: 1, script: 'x', cursor: { time: -1, event: 0 } }, { format: 'one', script: 'x' }]) {
      const read = readSavedRunValue(junk);
      expect(read.kind).toBe('unreadable');
      expect(read.kind === 'unreadable' && read.error.kind).toMatch(/not-a-link|damaged/);
    }
  });

  it('is no run when there is nothing to read', () => {
    expect(readSavedRunValue(undefined)).toEqual({ kind: 'none' });
    expect(readSavedRunValue('')).toEqual({ kind: 'none' });
    expect(readSavedRunValue(savedRunRecord({ script: '  \n', cursor: { time: 0, event: 0 } }))).toEqual({ kind: 'none' });
  });
});

describe('on arrival', () => {
  it('offers a readable run, and remembers an unreadable one to tell of', () => {
    const store = createAppStore();
    expect(savedRunOnArrival(store, { kind: 'run', run })).toEqual(run);
    expect(store.getState().savedRunProblem).toBeNull();

    expect(savedRunOnArrival(store, readSavedRunValue('v2.future'))).toBeNull();
    expect(store.getState().savedRunProblem).toEqual({ kind: 'future-version', version: 2 });
    // Each session keeps its own.
    expect(createAppStore().getState().savedRunProblem).toBeNull();
  });
  it('keeps why it failed to load until it is cleared (keptData.ts clears it when another run is saved)', () => {
    const storage = memoryStorage();
    expect(readLoadFailure(storage)).toBeNull();
    writeLoadFailure(storage, { kind: 'timeout', seconds: 20 });
    expect(readLoadFailure(storage)).toEqual({ kind: 'timeout', seconds: 20 });
    writeLoadFailure(storage, null);
    expect(readLoadFailure(storage)).toBeNull();
    writeLoadFailure(storage, { kind: 'error', message: 'out of memory' });
    expect(readLoadFailure(storage)).toEqual({ kind: 'error', message: 'out of memory' });
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
