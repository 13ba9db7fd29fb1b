/**
 * The run kept in localStorage, so closing the tab loses nothing. It is stored
 * as a share fragment (`v1.…`), so it is read with the same versioned, capped
 * decoder as a link, and a future format change covers both.
 */
import { decodeShare, encodeShare, type SharedRun } from './shareCodec.ts';

export const SAVED_RUN_KEY = 'raftviz:saved-run';

/** localStorage, or null where the browser refuses it (disabled storage, some private modes). */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The saved run, or null if there is none or it cannot be read. */
export function readSavedRun(storage: Storage | null): SharedRun | null {
  try {
    const text = storage?.getItem(SAVED_RUN_KEY) ?? null;
    if (text === null) return null;
    const decoded = decodeShare(text);
    return decoded.ok && decoded.run.script.trim() !== '' ? decoded.run : null;
  } catch {
    return null;
  }
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
