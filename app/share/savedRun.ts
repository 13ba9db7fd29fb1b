/**
 * The saved run, so closing the tab loses nothing: the run's script and the
 * moment on screen, kept in IndexedDB by keptData.ts as a record
 * `{ format: 1, script, cursor: { time, event } }`. A record, not a share
 * link's compressed text: a run may be far longer than a link can carry
 * (shareCodec.ts's MAX_SCRIPT_CHARS), and a record is stored as is.
 *
 * A run saved by an earlier raftviz in localStorage is a share fragment
 * (`v1.…`); it is moved into IndexedDB unchanged, and read with the same
 * versioned, capped decoder as a link.
 */
import { decodeShare, type ShareError, type SharedRun } from './shareCodec.ts';
import type { LoadFailure } from '../sim/loadNotice.ts';

/** The format of the record this page writes; one with a higher number was saved by a newer raftviz. */
export const SAVED_RUN_FORMAT = 1;
/**
 * Why the saved run did not load the last time it was restored; gone once it loads, or another run is saved.
 * A few bytes, so it stays in localStorage: it must be readable before anything else is.
 */
export const SAVED_RUN_FAILED_KEY = 'raftviz:saved-run-load-failed';

/** localStorage, or null where the browser refuses it (disabled storage, some private modes). */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * What was saved: no run (nothing saved, an empty script), a run, or a saved
 * run this page cannot read (damaged, or saved by a newer raftviz in a format
 * this page does not know). An unreadable one is someone's work: the page says
 * so, and leaves it in place.
 */
export type SavedRunRead =
  | { readonly kind: 'none' }
  | { readonly kind: 'run'; readonly run: SharedRun }
  | { readonly kind: 'unreadable'; readonly error: ShareError };

/** The record a run is saved as. */
export const savedRunRecord = (run: SharedRun) => ({
  format: SAVED_RUN_FORMAT,
  script: run.script,
  cursor: { time: run.cursor.time, event: run.cursor.event },
});

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Read what is stored under the saved run's key: a record, or a share fragment moved from localStorage. Never throws. */
export function readSavedRunValue(value: unknown): SavedRunRead {
  if (value === undefined || value === null || value === '') return { kind: 'none' };
  if (typeof value === 'string') {
    const decoded = decodeShare(value);
    if (!decoded.ok) return { kind: 'unreadable', error: decoded.error };
    return runOrNone(decoded.run);
  }
  const damaged = (detail: string): SavedRunRead => ({ kind: 'unreadable', error: { kind: 'damaged', detail } });
  if (typeof value !== 'object') return damaged('it is not a saved run');
  const r = value as { format?: unknown; script?: unknown; cursor?: { time?: unknown; event?: unknown } | null };
  if (typeof r.format !== 'number' || !Number.isSafeInteger(r.format) || r.format < 1) return damaged('it has no format number');
  if (r.format > SAVED_RUN_FORMAT) return { kind: 'unreadable', error: { kind: 'future-version', version: r.format } };
  if (typeof r.script !== 'string') return damaged('it has no script');
  if (typeof r.cursor !== 'object' || r.cursor === null || !isCount(r.cursor.time) || !isCount(r.cursor.event)) return damaged('its moment is not a time and an event number');
  return runOrNone({ script: r.script, cursor: { time: r.cursor.time, event: r.cursor.event } });
}

const runOrNone = (run: SharedRun): SavedRunRead => (run.script.trim() === '' ? { kind: 'none' } : { kind: 'run', run });

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
