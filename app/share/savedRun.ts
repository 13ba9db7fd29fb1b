/**
 * The run kept in localStorage, so closing the tab loses nothing. It is stored
 * as a share fragment (`v1.…`), so it is read with the same versioned, capped
 * decoder as a link, and a future format change covers both.
 */
import { decodeShare, encodeShare, type ShareError, type SharedRun } from './shareCodec.ts';

export const SAVED_RUN_KEY = 'raftviz:saved-run';

/** localStorage, or null where the browser refuses it (disabled storage, some private modes). */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * What localStorage holds: no run (nothing saved, an empty script, or storage
 * the browser refuses), a run, or a saved run this page cannot read (damaged,
 * or saved by a newer raftviz in a format this page does not know). An
 * unreadable one is someone's work: the page says so, and leaves it in place.
 */
export type SavedRunRead =
  | { readonly kind: 'none' }
  | { readonly kind: 'run'; readonly run: SharedRun }
  | { readonly kind: 'unreadable'; readonly error: ShareError };

export function readSavedRun(storage: Storage | null): SavedRunRead {
  let text: string | null;
  try {
    text = storage?.getItem(SAVED_RUN_KEY) ?? null;
  } catch {
    return { kind: 'none' };
  }
  if (text === null || text === '') return { kind: 'none' };
  const decoded = decodeShare(text);
  if (!decoded.ok) return { kind: 'unreadable', error: decoded.error };
  return decoded.run.script.trim() === '' ? { kind: 'none' } : { kind: 'run', run: decoded.run };
}

/** Save a run; false if it could not be (too large for a link, storage full or refused). */
export function writeSavedRun(storage: Storage | null, run: SharedRun): boolean {
  const encoded = encodeShare(run);
  if (!encoded.ok || storage === null) return false;
  try {
    storage.setItem(SAVED_RUN_KEY, encoded.fragment);
    return true;
  } catch {
    return false;
  }
}
