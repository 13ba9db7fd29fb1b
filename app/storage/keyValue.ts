/**
 * Where the page keeps what must outlive the tab (the saved run, the script
 * draft): a few named values, read and written asynchronously. In the browser
 * it is IndexedDB (indexedStore.ts); a test passes one in memory
 * (app/testing/memoryKeyValue.ts). A refused write rejects with the browser's
 * error (a QuotaExceededError when storage is full), so the page can say why.
 */
export interface KeyValueStore {
  /** The value under `key`, or undefined if there is none. */
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}
