/**
 * The run kept in localStorage, so closing the tab loses nothing. It is stored
 * as a share fragment (`v1.…`), so it is read with the same versioned, capped
 * decoder as a link, and a future format change covers both.
 */
import { decodeShare, encodeShare, type SharedRun } from './shareCodec.ts';
import type { LoadFailure } from '../sim/loadNotice.ts';

export const SAVED_RUN_KEY = 'raftviz:saved-run';
/** Why the saved run did not load the last time it was restored; gone once it loads, or another run is saved. */
export const SAVED_RUN_FAILED_KEY = 'raftviz:saved-run-load-failed';

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
    storage.removeItem(SAVED_RUN_FAILED_KEY);
    return true;
  } catch {
    return false;
  }
}

/**
 * Why the saved run failed to load last time, or null if it did not. A run
 * that failed is offered on the next visit, not restored by itself: a reload
 * would otherwise wait for it to fail again, every time.
 */
export function readLoadFailure(storage: Storage | null): LoadFailure | null {
  let text: string | null;
  try {
    text = storage?.getItem(SAVED_RUN_FAILED_KEY) ?? null;
  } catch {
    return null;
  }
  if (text === null) return null;
  let why: Partial<LoadFailure> | null = null;
  try {
    why = JSON.parse(text) as Partial<LoadFailure> | null;
  } catch {
    // Unreadable: it still says the last try did not finish.
  }
  if (why?.kind === 'timeout' && typeof why.seconds === 'number') return { kind: 'timeout', seconds: why.seconds };
  if (why?.kind === 'error' && typeof why.message === 'string') return { kind: 'error', message: why.message.slice(0, 200) };
  if (why?.kind === 'cancelled') return { kind: 'cancelled' };
  return { kind: 'unfinished' };
}

/** Record why the saved run failed to load (null: it loaded). */
export function writeLoadFailure(storage: Storage | null, why: LoadFailure | null): void {
  try {
    if (why === null) storage?.removeItem(SAVED_RUN_FAILED_KEY);
    else storage?.setItem(SAVED_RUN_FAILED_KEY, JSON.stringify(why));
  } catch {
    // Storage refused: the next reload restores the run by itself, as before.
  }
}
