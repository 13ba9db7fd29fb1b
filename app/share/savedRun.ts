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

/** The format of the record this page writes; one with a higher number was saved by a newer raftviz. */
export const SAVED_RUN_FORMAT = 1;

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
