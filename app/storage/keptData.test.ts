import { describe, expect, it } from 'vitest';
import { DRAFT_KEY, KeptData, LEGACY_KEYS, NOT_KEPT_HERE, SAVED_RUN_KEY } from './keptData.ts';
import { memoryKeyValue } from '../testing/memoryKeyValue.ts';
import { memoryStorage } from '../testing/memoryStorage.ts';
import { readLoadFailure, savedRunRecord, writeLoadFailure } from '../share/savedRun.ts';
import { encodeShare } from '../share/shareCodec.ts';

const run = { script: 'cluster nodes=3\nrun 1s\ncrash n2', cursor: { time: 1000, event: 77 } };
const fragment = (): string => {
  const e = encodeShare(run);
  if (!e.ok) throw new Error('not encoded');
  return e.fragment;
};

describe('what the page keeps', () => {
  it('writes and reads back the run and the draft; a cleared draft is gone', async () => {
    const kv = memoryKeyValue();
    const kept = new KeptData(kv, memoryStorage());
    await kept.writeRun(run);
    await kept.writeDraft('');
    expect(await new KeptData(kv, null).load()).toEqual({ savedRun: { kind: 'run', run }, draft: '' });
    await kept.clearDraft();
    expect(await new KeptData(kv, null).load()).toEqual({ savedRun: { kind: 'run', run }, draft: null });
  });

  it('saving a run forgets that the previous saved run failed to load', async () => {
    const local = memoryStorage();
    writeLoadFailure(local, { kind: 'timeout', seconds: 20 });
    await new KeptData(memoryKeyValue(), local).writeRun(run);
    expect(readLoadFailure(local)).toBeNull();
  });

  it('moves what an earlier version left in localStorage, once, and removes it there', async () => {
    const kv = memoryKeyValue();
    const local = memoryStorage();
    local.setItem(LEGACY_KEYS[SAVED_RUN_KEY], fragment());
    local.setItem(LEGACY_KEYS[DRAFT_KEY], 'cluster nodes=5');
    expect(await new KeptData(kv, local).load()).toEqual({ savedRun: { kind: 'run', run }, draft: 'cluster nodes=5' });
    expect(kv.items.get(SAVED_RUN_KEY)).toBe(fragment());
    expect(kv.items.get(DRAFT_KEY)).toBe('cluster nodes=5');
    expect(local.length).toBe(0);
  });

  it('moves an unreadable saved run too, unchanged: it is told, never dropped', async () => {
    const kv = memoryKeyValue();
    const local = memoryStorage();
    local.setItem(LEGACY_KEYS[SAVED_RUN_KEY], 'v9.from-the-future');
    const read = await new KeptData(kv, local).load();
    expect(read.savedRun).toEqual({ kind: 'unreadable', error: { kind: 'future-version', version: 9 } });
    expect(kv.items.get(SAVED_RUN_KEY)).toBe('v9.from-the-future');
  });

  it('keeps what IndexedDB already holds over an old value (a move cut short by a closed tab)', async () => {
    const kv = memoryKeyValue();
    kv.items.set(DRAFT_KEY, 'newer');
    const local = memoryStorage();
    local.setItem(LEGACY_KEYS[DRAFT_KEY], 'older');
    expect((await new KeptData(kv, local).load()).draft).toBe('newer');
    expect(local.getItem(LEGACY_KEYS[DRAFT_KEY])).toBeNull();
  });

  it('a write made before the first read waits for the move, so the old value never lands over it', async () => {
    const kv = memoryKeyValue();
    const local = memoryStorage();
    local.setItem(LEGACY_KEYS[DRAFT_KEY], 'older');
    const kept = new KeptData(kv, local);
    await kept.writeDraft('typed just now');
    expect(kv.items.get(DRAFT_KEY)).toBe('typed just now');
    expect(local.length).toBe(0);
  });

  it('leaves the old values in localStorage when they cannot be moved, and reads them from there', async () => {
    const kv = memoryKeyValue('all');
    const local = memoryStorage();
    local.setItem(LEGACY_KEYS[SAVED_RUN_KEY], fragment());
    local.setItem(LEGACY_KEYS[DRAFT_KEY], 'cluster nodes=5');
    expect(await new KeptData(kv, local).load()).toEqual({ savedRun: { kind: 'run', run }, draft: 'cluster nodes=5' });
    expect(local.length).toBe(2);
  });

  it('a refused write rejects with the browser error, to be told; nothing is lost of what was kept', async () => {
    const kv = memoryKeyValue();
    const kept = new KeptData(kv, null);
    await kept.writeRun(run);
    kv.refuse = { quota: 1_000 };
    const long = { script: 'propose leader x\n'.repeat(1_000), cursor: { time: 5, event: 9 } };
    await expect(kept.writeRun(long)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(kv.items.get(SAVED_RUN_KEY)).toEqual(savedRunRecord(run));
  });

  it('without IndexedDB, reads what localStorage holds and refuses every write', async () => {
    const local = memoryStorage();
    local.setItem(LEGACY_KEYS[DRAFT_KEY], 'cluster nodes=5');
    const kept = new KeptData(null, local);
    expect(await kept.load()).toEqual({ savedRun: { kind: 'none' }, draft: 'cluster nodes=5' });
    await expect(kept.writeRun(run)).rejects.toThrow(NOT_KEPT_HERE);
    await expect(kept.writeDraft('x')).rejects.toThrow(NOT_KEPT_HERE);
    await expect(kept.clearDraft()).resolves.toBeUndefined();
    expect(local.getItem(LEGACY_KEYS[DRAFT_KEY])).toBe('cluster nodes=5');
  });
});
