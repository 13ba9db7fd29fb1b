/** Pure helpers for the log view. Indexes are 1-based, as in the paper. */
import type { Log } from '../../engine/types.ts';

/**
 * Whether the entry at 0-based position `i` of `log` conflicts with the
 * leader's: same index, different term (§5.3). Such entries will be deleted
 * when the leader repairs this log. Asked per drawn cell, so a long log costs
 * only the cells in view.
 */
export const conflictsAt = (log: Log, leaderLog: Log | null, i: number): boolean =>
  leaderLog !== null && i < log.length && i < leaderLog.length && leaderLog[i].term !== log[i].term;

/** How many index columns to draw: every entry, plus the column a leader's nextIndex points at. */
export function columnCount(logLengths: readonly number[], nextIndexes: readonly number[]): number {
  return Math.max(1, ...logLengths, ...nextIndexes);
}
