/**
 * What the page keeps in IndexedDB (app/storage/keptData.ts), read from a test:
 * the database `raftviz`, object store `kept`. Opening it makes the store if
 * the page has not yet, exactly as the page would, so a test that looks first
 * leaves nothing the page cannot open.
 */
import type { Page } from '@playwright/test';

export function keptValue(page: Page, key: 'saved-run' | 'script-draft'): Promise<unknown> {
  return page.evaluate(
    (key) =>
      new Promise<unknown>((resolve, reject) => {
        const request = indexedDB.open('raftviz');
        request.onupgradeneeded = () => request.result.createObjectStore('kept');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const get = db.transaction('kept', 'readonly').objectStore('kept').get(key);
          get.onsuccess = () => {
            db.close();
            resolve(get.result);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    key,
  );
}

/** The saved run as the page keeps it: a record, or (moved from an earlier version's localStorage) a share fragment. */
export interface SavedRecord {
  readonly format: number;
  readonly script: string;
  readonly cursor: { readonly time: number; readonly event: number };
}

export const savedRecord = async (page: Page): Promise<SavedRecord | string | undefined> => (await keptValue(page, 'saved-run')) as SavedRecord | string | undefined;

/** The saved run's record as text, to compare two of them; undefined if nothing is saved. */
export const savedRunText = async (page: Page): Promise<string | undefined> => {
  const value = await savedRecord(page);
  return value === undefined || typeof value === 'string' ? value : JSON.stringify(value);
};

export const keptDraft = async (page: Page): Promise<string | undefined> => (await keptValue(page, 'script-draft')) as string | undefined;

/** Put `value` under `key`, as the page would have kept it on an earlier visit. */
export function setKept(page: Page, key: 'saved-run' | 'script-draft', value: unknown): Promise<void> {
  return page.evaluate(
    ([key, value]) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('raftviz');
        request.onupgradeneeded = () => request.result.createObjectStore('kept');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction('kept', 'readwrite');
          tx.objectStore('kept').put(value, key);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [key, value] as const,
  );
}
