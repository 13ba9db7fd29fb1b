/** Pure helpers for the log view. Indexes are 1-based, as in the paper. */
import type { LogView } from '../../engine/types.ts';
import { entryAt } from '../../engine/raft/log.ts';

/**
 * Whether the entry at `index` of `log` conflicts with the leader's: same
 * index, different term (§5.3). Such entries will be deleted when the leader
 * repairs this log. Where the leader's log no longer lists the index (its
 * snapshot covers it), that entry is committed and so this one matches it: no
 * conflict is drawn (§7). Asked per drawn cell, so a long log costs only the
 * cells in view.
 */
export function conflictsAt(log: LogView, leaderLog: LogView | null, index: number): boolean {
  if (leaderLog === null) return false;
  const mine = entryAt(log, index);
  const theirs = entryAt(leaderLog, index);
  return mine !== undefined && theirs !== undefined && mine.term !== theirs.term;
}

/** How many index columns to draw: up to every log's last index, plus the column a leader's nextIndex points at. */
export function columnCount(lastIndexes: readonly number[], nextIndexes: readonly number[]): number {
  return Math.max(1, ...lastIndexes, ...nextIndexes);
}
