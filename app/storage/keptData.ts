/**
 * What the page keeps for the visitor between visits, in IndexedDB
 * (indexedStore.ts): the saved run (app/share/savedRun.ts) and the script
 * draft being edited. One per session.
 *
 * Earlier versions kept both in localStorage, under `raftviz:saved-run` and
 * `raftviz:script-draft`. The first `load` moves them into IndexedDB (a value
 * already there is newer, and wins) and removes them from localStorage only
 * once the copy is written, so nothing is lost whatever fails. Every write
 * waits for that move, so an old value never lands over a new one.
 *
 * Where the page has no IndexedDB, what localStorage holds from earlier
 * versions is still read (and left there), and every write fails with
 * `NOT_KEPT_HERE`: the page says so (keepFailure.ts).
 */
import type { KeyValueStore } from './keyValue.ts';
import { readSavedRunValue, savedRunRecord, type SavedRunRead, writeLoadFailure } from '../share/savedRun.ts';
import type { SharedRun } from '../share/shareCodec.ts';

/** The keys in the object store. */
export const SAVED_RUN_KEY = 'saved-run';
export const DRAFT_KEY = 'script-draft';

/** Where earlier versions kept them, in localStorage. */
export const LEGACY_KEYS: Readonly<Record<typeof SAVED_RUN_KEY | typeof DRAFT_KEY, string>> = {
  [SAVED_RUN_KEY]: 'raftviz:saved-run',
  [DRAFT_KEY]: 'raftviz:script-draft',
};

/** What a write rejects with where there is no IndexedDB. */
export const NOT_KEPT_HERE = 'no-indexeddb';

export interface Kept {
  readonly savedRun: SavedRunRead;
  /** The draft a reload or a closed tab left in the editor, if any ('' is a draft: the user may have cleared it on purpose). */
  readonly draft: string | null;
}

export class KeptData {
  private loading: Promise<Kept> | null = null;
  /** Settles once the values of earlier versions are moved (or found not to need it). */
  private moved: Promise<void> | null = null;

  constructor(
    private readonly store: KeyValueStore | null,
    private readonly legacy: Storage | null,
  ) {}

  /** What was kept, read once per session: the first call starts the read, the others share it. Never rejects. */
  load(): Promise<Kept> {
    this.loading ??= this.read();
    return this.loading;
  }

  /** Save the run; rejects with the browser's error if it could not be. */
  async writeRun(run: SharedRun): Promise<void> {
    await this.write(SAVED_RUN_KEY, savedRunRecord(run));
    // A new run is saved: whatever failed to load before is no longer the saved run.
    writeLoadFailure(this.legacy, null);
  }

  async writeDraft(text: string): Promise<void> {
    await this.write(DRAFT_KEY, text);
  }

  /** Forget the draft. A draft that cannot be removed is offered once more, never run: nothing to report. */
  async clearDraft(): Promise<void> {
    if (this.store === null) return;
    try {
      await this.moveOldValues();
      await this.store.del(DRAFT_KEY);
    } catch {
      // See above.
    }
  }

  private async write(key: string, value: unknown): Promise<void> {
    if (this.store === null) throw new Error(NOT_KEPT_HERE);
    await this.moveOldValues();
    await this.store.set(key, value);
  }

  private async read(): Promise<Kept> {
    const store = this.store;
    if (store === null) return { savedRun: readSavedRunValue(this.legacyValue(SAVED_RUN_KEY)), draft: this.legacyValue(DRAFT_KEY) };
    await this.moveOldValues();
    const value = async (key: string): Promise<unknown> => {
      try {
        // Not there: what localStorage still holds, if the move failed (it is removed there once moved).
        return (await store.get(key)) ?? this.legacyValue(key);
      } catch {
        // IndexedDB refused (storage turned off): what localStorage still holds, if anything.
        return this.legacyValue(key);
      }
    };
    const [run, draft] = await Promise.all([value(SAVED_RUN_KEY), value(DRAFT_KEY)]);
    return { savedRun: readSavedRunValue(run), draft: typeof draft === 'string' ? draft : null };
  }

  private moveOldValues(): Promise<void> {
    this.moved ??= Promise.all(Object.keys(LEGACY_KEYS).map((key) => this.moveOldValue(key as keyof typeof LEGACY_KEYS))).then(() => undefined);
    return this.moved;
  }

  private async moveOldValue(key: keyof typeof LEGACY_KEYS): Promise<void> {
    const old = this.legacyValue(key);
    if (old === null || this.store === null) return;
    try {
      if ((await this.store.get(key)) === undefined) await this.store.set(key, old);
      this.legacy?.removeItem(LEGACY_KEYS[key]);
    } catch {
      // Left in localStorage, to be moved on a later visit; read from there meanwhile (read()).
    }
  }

  private legacyValue(key: keyof typeof LEGACY_KEYS | string): string | null {
    try {
      return this.legacy?.getItem(LEGACY_KEYS[key as keyof typeof LEGACY_KEYS]) ?? null;
    } catch {
      return null;
    }
  }
}
