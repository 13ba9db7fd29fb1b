/**
 * The page's IndexedDB store: the database `raftviz`, one object store `kept`
 * of keyed values (keptData.ts names the keys). IndexedDB rather than
 * localStorage because a long run's script is megabytes, past localStorage's
 * quota of about 5 MB of UTF-16 per site, and writing it does not block the
 * page. idb-keyval does the request-to-promise plumbing; a write resolves only
 * once its transaction has committed.
 */
import { createStore, del, get, set } from 'idb-keyval';
import type { KeyValueStore } from './keyValue.ts';

export const KEPT_DATABASE = 'raftviz';
export const KEPT_OBJECT_STORE = 'kept';

/** The store, or null where the browser has no IndexedDB at all. It opens on first use; a refusal then rejects that use. */
export function openIndexedStore(): KeyValueStore | null {
  if (typeof indexedDB === 'undefined') return null;
  const store = createStore(KEPT_DATABASE, KEPT_OBJECT_STORE);
  // idb-keyval calls indexedDB.open synchronously; where that throws (storage turned off), the call rejects instead.
  return {
    get: async (key) => get(key, store),
    set: async (key, value) => set(key, value, store),
    del: async (key) => del(key, store),
  };
}
