/**
 * Pure helpers over a Raft log. Indexes are 1-based as in the paper; index 0 is
 * the empty prefix and has term 0, so "the entry before the first" always matches.
 *
 * A node stores its log as a StoredLog (types.ts): a chunked list whose versions
 * share their older entries (chunkedList.ts). Everything outside this file reads
 * and changes it through these helpers, never through its representation. The
 * helpers that only read also take a plain array, the form the page holds.
 */
import type { Log, LogEntry, StoredLog } from '../types.ts';
import type { LogPosition } from '../events.ts';
import { commonPrefix, emptyList, fromArray, itemAt, push, size, slice, take, toArray } from './chunkedList.ts';

export const emptyLog = (): StoredLog => emptyList<LogEntry>();

/** A stored log holding `entries` (presets, tests). */
export const logOf = (entries: Log): StoredLog => fromArray(entries);

/** The entries as a plain array, index 1 first: for display, reports and tests. */
export const logEntries = (log: StoredLog): LogEntry[] => toArray(log);

/** Either form of a log: a node's stored log, or a plain array (what the page holds). */
export type AnyLog = Log | StoredLog;

const isStored = (log: AnyLog): log is StoredLog => !Array.isArray(log);

export const lastIndex = (log: AnyLog): number => (isStored(log) ? size(log) : log.length);

/** The entry at `index` (1-based), or `undefined` outside the log. */
export const entryAt = (log: AnyLog, index: number): LogEntry | undefined =>
  isStored(log) ? itemAt(log, index - 1) : log[index - 1];

export const lastTerm = (log: AnyLog): number => entryAt(log, lastIndex(log))?.term ?? 0;

export const position = (log: AnyLog): LogPosition => ({ lastIndex: lastIndex(log), lastTerm: lastTerm(log) });

/** The term of the entry at `index`, 0 for index 0, or `undefined` past the end. */
export function termAt(log: AnyLog, index: number): number | undefined {
  if (index === 0) return 0;
  return entryAt(log, index)?.term;
}

/** The entries from `from` (inclusive), at most `max` of them, as a plain array. */
export const entriesFrom = (log: StoredLog, from: number, max: number = Infinity): LogEntry[] =>
  slice(log, from - 1, from - 1 + max);

/** The log with `entries` appended after its last entry (a leader's proposals and no-ops). */
export const appended = (log: StoredLog, entries: readonly LogEntry[]): StoredLog => push(log, entries);

/**
 * The first index whose entry differs between two versions of a log (one past the
 * shorter if one is a prefix of the other). Versions share unchanged entries (copy
 * on write), so entries compare by identity, and shared chunks are skipped whole.
 */
export const firstChange = (a: StoredLog, b: StoredLog): number => commonPrefix(a, b) + 1;

/**
 * §5.4.1: a log is at least as up-to-date as another if its last term is higher,
 * or the last terms are equal and it is at least as long.
 */
export const isUpToDate = (candidate: LogPosition, voter: LogPosition): boolean =>
  candidate.lastTerm > voter.lastTerm ||
  (candidate.lastTerm === voter.lastTerm && candidate.lastIndex >= voter.lastIndex);

/**
 * The largest index <= `index` whose term is <= `term` (0 if none), with its term.
 * Both sides of fast probing use it (after etcd's findConflictByTerm): no entry
 * above the answer can match an entry of term `term` or older, so the leader can
 * skip over them in one step.
 */
export function findConflictByTerm(log: AnyLog, index: number, term: number): { index: number; term: number } {
  let i = Math.min(index, lastIndex(log));
  while (i > 0 && termAt(log, i)! > term) i--;
  return { index: i, term: termAt(log, i)! };
}

export interface AppendOutcome {
  readonly log: StoredLog;
  /** The first index whose entry was removed because it conflicted, or 0 if none. */
  readonly truncatedFrom: number;
  readonly removed: number;
  readonly conflictTerm: number;
}

/**
 * Figure 2, AppendEntries rules 3 and 4: starting after `prevIndex`, skip entries
 * we already hold, delete the first conflicting entry and everything after it,
 * then append what is new. Entries that match are kept (the very same objects),
 * so a delayed or duplicated request never truncates a log it agrees with.
 *
 * Precondition: the consistency check at `prevIndex` has passed.
 * Returns the original log when nothing changes.
 */
export function appendAfter(log: StoredLog, prevIndex: number, entries: readonly LogEntry[]): AppendOutcome {
  const last = lastIndex(log);
  let i = 0;
  while (i < entries.length) {
    const at = prevIndex + 1 + i;
    if (at > last || termAt(log, at) !== entries[i].term) break;
    i++;
  }
  if (i === entries.length) return { log, truncatedFrom: 0, removed: 0, conflictTerm: 0 };
  const at = prevIndex + 1 + i;
  // The common case, appending at the end, copies nothing it keeps; a conflict
  // (§5.3) cuts the log back first, still sharing the chunks below the cut.
  const next = push(take(log, at - 1), entries.slice(i));
  return at <= last
    ? { log: next, truncatedFrom: at, removed: last - at + 1, conflictTerm: termAt(log, at)! }
    : { log: next, truncatedFrom: 0, removed: 0, conflictTerm: 0 };
}

/**
 * What a follower does with `unsafe=no-truncate`: it keeps every entry it holds,
 * conflicting or not, and stores only the entries past its end. Its log then
 * claims to match the leader's where it does not, which Log Matching catches.
 */
export function appendKeepingConflicts(log: StoredLog, prevIndex: number, entries: readonly LogEntry[]): AppendOutcome {
  const from = lastIndex(log) - prevIndex;
  if (from >= entries.length) return { log, truncatedFrom: 0, removed: 0, conflictTerm: 0 };
  return { log: push(log, entries.slice(Math.max(0, from))), truncatedFrom: 0, removed: 0, conflictTerm: 0 };
}

export { sameEntry } from './entry.ts';
