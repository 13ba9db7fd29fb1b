/** Pure helpers for the log view. Indexes are 1-based, as in the paper. */
import type { Log } from '../../engine/types.ts';

/**
 * Whether each entry of `log` conflicts with the leader's: same index, different
 * term (§5.3). Such entries will be deleted when the leader repairs this log.
 * Returns one flag per entry of `log`.
 */
export function conflictsWithLeader(log: Log, leaderLog: Log | null): boolean[] {
  return log.map((e, i) => leaderLog !== null && i < leaderLog.length && leaderLog[i].term !== e.term);
}

/** How many index columns to draw: every entry, plus the column a leader's nextIndex points at. */
export function columnCount(logLengths: readonly number[], nextIndexes: readonly number[]): number {
  return Math.max(1, ...logLengths, ...nextIndexes);
}
