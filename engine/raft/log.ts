/**
 * Pure helpers over a Raft log. Indexes are 1-based as in the paper; index 0 is
 * the empty prefix and has term 0, so "the entry before the first" always matches.
 * A log starts after its snapshot (§7): it holds the entries from `start + 1`
 * on, knows the term at `start`, and nothing below it. Every helper here works
 * in the paper's indexes, never in positions, so nothing else has to.
 *
 * A node stores its log as a StoredLog (types.ts): a chunked list whose versions
 * share their older entries (chunkedList.ts). Everything outside this file reads
 * and changes it through these helpers, never through its representation. The
 * helpers that only read also take a plain array, the form the page holds.
 */
import type { Log, LogEntry, LogView, StoredLog } from '../types.ts';
import type { LogPosition } from '../events.ts';
import { commonPrefix, drop, emptyList, fromArray, itemAt, push, size, slice, take, toArray } from './chunkedList.ts';

export const emptyLog = (): StoredLog => ({ start: 0, startTerm: 0, entries: emptyList<LogEntry>() });

/** A stored log holding `entries` from index `start + 1` on (presets, tests). */
export const logOf = (entries: Log, start = 0, startTerm = 0): StoredLog => ({ start, startTerm, entries: fromArray(entries) });

/** The entries after the log's start, as a plain array: for display, reports and tests. */
export const logEntries = (log: StoredLog): LogEntry[] => toArray(log.entries);

/** The page's form of a stored log: the same start, the entries as a plain array. */
export const logView = (log: StoredLog): LogView => ({ start: log.start, startTerm: log.startTerm, entries: logEntries(log) });

/** Either form of a log: a node's stored log, or the page's plain view of one. */
export type AnyLog = LogView | StoredLog;

const held = (log: AnyLog): number => (Array.isArray(log.entries) ? (log.entries as Log).length : size(log.entries as StoredLog['entries']));

export const lastIndex = (log: AnyLog): number => log.start + held(log);

/** The entry at `index` (1-based), or `undefined` outside what the log holds (past its end, or in its snapshot). */
export function entryAt(log: AnyLog, index: number): LogEntry | undefined {
  const i = index - log.start - 1;
  if (i < 0) return undefined;
  return Array.isArray(log.entries) ? (log.entries as Log)[i] : itemAt(log.entries as StoredLog['entries'], i);
}

export const lastTerm = (log: AnyLog): number => termAt(log, lastIndex(log)) ?? 0;

export const position = (log: AnyLog): LogPosition => ({ lastIndex: lastIndex(log), lastTerm: lastTerm(log) });

/**
 * The term of the entry at `index`: 0 for index 0, the snapshot's term at the
 * log's start, or `undefined` past the end and below the start, where nothing
 * is known (Figure 13: the snapshot replaced those entries).
 */
export function termAt(log: AnyLog, index: number): number | undefined {
  if (index === log.start) return log.start === 0 ? 0 : log.startTerm;
  if (index === 0) return 0;
  return entryAt(log, index)?.term;
}

/** The entries from `from` (inclusive, after the start), at most `max` of them, as a plain array. */
export const entriesFrom = (log: StoredLog, from: number, max: number = Infinity): LogEntry[] => {
  const i = Math.max(from, log.start + 1) - log.start - 1;
  return slice(log.entries, i, from - log.start - 1 + max);
};

/** The log with `entries` appended after its last entry (a leader's proposals and no-ops). */
export const appended = (log: StoredLog, entries: readonly LogEntry[]): StoredLog => {
  const next = push(log.entries, entries);
  return next === log.entries ? log : { start: log.start, startTerm: log.startTerm, entries: next };
};

/** The log up to `index` (inclusive): entries after it removed. */
const upTo = (log: StoredLog, index: number): StoredLog =>
  index >= lastIndex(log) ? log : { start: log.start, startTerm: log.startTerm, entries: take(log.entries, index - log.start) };

/**
 * The log compacted up to `index` (§7): the entries up to it are dropped, and
 * the log starts after them, with `index`'s term. Entries after it stay.
 * Precondition: start <= index <= lastIndex.
 */
export function compacted(log: StoredLog, index: number): StoredLog {
  if (index <= log.start) return log;
  return { start: index, startTerm: termAt(log, index)!, entries: drop(log.entries, index - log.start) };
}

/** An empty log that starts after a snapshot at `index` of `term` (InstallSnapshot, Figure 13 step 7). */
export const logAfter = (index: number, term: number): StoredLog => ({ start: index, startTerm: term, entries: emptyList<LogEntry>() });

/**
 * The first index after both logs' starts whose entry differs between two
 * versions of a log (one past the shorter if one is a prefix of the other).
 * Indexes a snapshot covers in either version are not compared: compacting
 * changes no entry. Versions share unchanged entries (copy on write), so
 * entries compare by identity, and shared chunks are skipped whole.
 */
export function firstChange(a: StoredLog, b: StoredLog): number {
  if (a.start === b.start) return a.start + commonPrefix(a.entries, b.entries) + 1;
  const from = Math.max(a.start, b.start) + 1;
  const end = Math.min(lastIndex(a), lastIndex(b));
  let i = from;
  while (i <= end && entryAt(a, i) === entryAt(b, i)) i++;
  return i;
}

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
  while (i > 0 && i >= log.start && termAt(log, i)! > term) i--;
  // Below the start no term is known (term 0 says so, as in etcd): a leader's
  // next index there means the follower needs the snapshot (replication.ts).
  return { index: i, term: termAt(log, i) ?? 0 };
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
  const next = appended(upTo(log, at - 1), entries.slice(i));
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
  return { log: appended(log, entries.slice(Math.max(0, from))), truncatedFrom: 0, removed: 0, conflictTerm: 0 };
}

export { sameEntry } from './entry.ts';
