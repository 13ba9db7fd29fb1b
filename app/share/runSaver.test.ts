import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RunSaver, SAVE_INTERVAL_MS } from './runSaver.ts';
import { createAppStore } from '../store/store.ts';
import { KeptData, SAVED_RUN_KEY } from '../storage/keptData.ts';
import { memoryKeyValue } from '../testing/memoryKeyValue.ts';
import { savedRunRecord } from './savedRun.ts';

/** The little of a page the saver touches: the address, and the page's events. */
beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('window', {
    location: { search: '', hash: '', pathname: '/' },
    history: { state: null, replaceState: () => undefined },
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  });
  vi.stubGlobal('document', { visibilityState: 'visible', addEventListener: () => undefined, removeEventListener: () => undefined });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function setUp(refuse: 'all' | null) {
  const kv = memoryKeyValue(refuse);
  const store = createAppStore();
  store.setState({ loaded: true, script: ['cluster nodes=3', 'step 24'], time: 120, event: 25 });
  const saver = new RunSaver(store, { embedded: false, loadPending: () => false, kept: new KeptData(kv, null) });
  saver.start();
  saver.startSaving();
  return { kv, store, saver };
}

const tick = () => vi.advanceTimersByTimeAsync(SAVE_INTERVAL_MS);

describe('RunSaver', () => {
  it('saves the run on screen, and calls what waited for it once it is saved', async () => {
    const { kv, saver } = setUp(null);
    const waited = vi.fn();
    saver.whenSaved(waited);
    expect(waited).not.toHaveBeenCalled();
    await tick();
    expect(kv.items.get(SAVED_RUN_KEY)).toEqual(savedRunRecord({ script: 'cluster nodes=3\nstep 24', cursor: { time: 120, event: 25 } }));
    expect(waited).toHaveBeenCalledTimes(1);
    saver.stop();
  });

  it('says so when a save is refused, keeps what waited for it, and clears both once a later save succeeds', async () => {
    const { kv, store, saver } = setUp('all');
    const waited = vi.fn();
    saver.whenSaved(waited);
    await tick();
    expect(store.getState().notKept.run).toMatch(/storage for this site is full/);
    expect(waited).not.toHaveBeenCalled();
    expect(kv.items.size).toBe(0);

    kv.refuse = null;
    store.setState({ script: ['cluster nodes=3', 'step 25'], event: 26 });
    await tick();
    expect(store.getState().notKept.run).toBeNull();
    expect(waited).toHaveBeenCalledTimes(1);
    expect(kv.items.get(SAVED_RUN_KEY)).toMatchObject({ cursor: { event: 26 } });
    saver.stop();
  });
});
