/**
 * Pure helpers over a Raft log. Indexes are 1-based as in the paper; index 0 is
 * the empty prefix and has term 0, so "the entry before the first" always matches.
 */
import type { Log, LogEntry } from '../types.ts';
import type { LogPosition } from '../events.ts';

export const lastIndex = (log: Log): number => log.length;

export const lastTerm = (log: Log): number => (log.length === 0 ? 0 : log[log.length - 1].term);

export const position = (log: Log): LogPosition => ({ lastIndex: log.length, lastTerm: lastTerm(log) });

/** The term of the entry at `index`, 0 for index 0, or `undefined` past the end. */
export function termAt(log: Log, index: number): number | undefined {
  if (index === 0) return 0;
  if (index < 0 || index > log.length) return undefined;
  return log[index - 1].term;
}

/** The entries from `from` (inclusive), at most `max` of them. */
export const entriesFrom = (log: Log, from: number, max: number): readonly LogEntry[] =>
  log.slice(from - 1, from - 1 + max);

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
export function findConflictByTerm(log: Log, index: number, term: number): { index: number; term: number } {
  let i = Math.min(index, log.length);
  while (i > 0 && log[i - 1].term > term) i--;
  return { index: i, term: i === 0 ? 0 : log[i - 1].term };
}

export interface AppendOutcome {
  readonly log: Log;
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
 * Returns the original array when nothing changes.
 */
export function appendAfter(log: Log, prevIndex: number, entries: readonly LogEntry[]): AppendOutcome {
  let i = 0;
  while (i < entries.length) {
    const at = prevIndex + 1 + i;
    if (at > log.length) break;
    if (log[at - 1].term !== entries[i].term) break;
    i++;
  }
  if (i === entries.length) return { log, truncatedFrom: 0, removed: 0, conflictTerm: 0 };
  const at = prevIndex + 1 + i;
  const conflicting = at <= log.length;
  const next = log.slice(0, at - 1);
  for (let j = i; j < entries.length; j++) next.push(entries[j]);
  return conflicting
    ? { log: next, truncatedFrom: at, removed: log.length - at + 1, conflictTerm: log[at - 1].term }
    : { log: next, truncatedFrom: 0, removed: 0, conflictTerm: 0 };
}

/**
 * What a follower does with `unsafe=no-truncate`: it keeps every entry it holds,
 * conflicting or not, and stores only the entries past its end. Its log then
 * claims to match the leader's where it does not, which Log Matching catches.
 */
export function appendKeepingConflicts(log: Log, prevIndex: number, entries: readonly LogEntry[]): AppendOutcome {
  const from = log.length - prevIndex;
  if (from >= entries.length) return { log, truncatedFrom: 0, removed: 0, conflictTerm: 0 };
  return { log: [...log, ...entries.slice(Math.max(0, from))], truncatedFrom: 0, removed: 0, conflictTerm: 0 };
}

/** Two entries are the same entry when term and value agree. */
export const sameEntry = (a: LogEntry, b: LogEntry): boolean => a.term === b.term && a.value === b.value;
