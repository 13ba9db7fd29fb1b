/**
 * Sends each log only when it changed, and then only from where it changed.
 * Stored logs are immutable and share their unchanged entries between versions
 * (see engine/types.ts), so "unchanged" is an identity test and the common prefix
 * is found by identity, never by value. The page gets plain LogViews.
 *
 * A log starts after its snapshot (§7): a compaction moves its start forward, an
 * InstallSnapshot can move it anywhere (and discard every entry), and a seek back
 * in time brings an older, longer log back. Every delta therefore carries the
 * log's start and startTerm, and says in the paper's indexes which entries the
 * page keeps, so no index on the page ever depends on a position in an array.
 */
import type { LogEntry, LogView, NodeId, StoredLog } from '../../engine/types.ts';
import { entriesFrom, entryAt, firstChange, lastIndex, sameEntry } from '../../engine/raft/log.ts';
import type { LogDelta } from './viewModel.ts';

export class LogDeltas {
  private sent = new Map<NodeId, StoredLog>();

  reset(): void {
    this.sent.clear();
  }

  /** What the page needs to bring its copy of `id`'s log up to `log`, or null if it has it. */
  delta(id: NodeId, log: StoredLog): LogDelta | null {
    const prev = this.sent.get(id);
    if (prev === log) return null;
    this.sent.set(id, log);
    // The page holds prev's entries from prev.start + 1 on; below that it holds
    // nothing, so a log that now starts earlier is sent whole.
    const from = prev === undefined || log.start < prev.start ? log.start : Math.max(log.start, firstChange(prev, log) - 1);
    return { node: id, start: log.start, startTerm: log.startTerm, from, entries: entriesFrom(log, from + 1) };
  }
}

/** The log a page holds before it heard of a node's: empty, no snapshot. */
export const EMPTY_LOG_VIEW: LogView = { start: 0, startTerm: 0, entries: [] };

/**
 * The page's side: apply a delta to the copy it has. It keeps its entries at
 * indexes `d.start + 1 .. d.from` (the worker only asks for ones it sent), and
 * appends `d.entries` after them, from index `d.from + 1`.
 *
 * Each delta arrives as its own structured clone, so nine nodes holding the same
 * entry would hold nine copies of it on the page, and a long session's logs
 * would be most of the page's heap. `peers` (the other nodes' logs, as the page
 * has them) lets a new entry equal to the one a peer holds at the same index be
 * that peer's object instead. Log Matching (§5.3) makes this the common case:
 * followers hold the leader's entries. Entries are immutable, so sharing them
 * changes nothing but memory.
 */
export function applyLogDelta(have: LogView, d: LogDelta, peers: readonly LogView[] = []): LogView {
  if (d.start === have.start && d.startTerm === have.startTerm && d.from === lastIndex(have) && d.entries.length === 0) return have;
  if (d.from > d.start && (have.start > d.start || lastIndex(have) < d.from)) {
    throw new Error(`log delta for ${d.node} keeps indexes ${d.start + 1}..${d.from}, but the page holds ${have.start + 1}..${lastIndex(have)}`);
  }
  const kept = d.from > d.start ? have.entries.slice(d.start - have.start, d.from - have.start) : [];
  const entries = d.entries.map((e, j) => {
    const index = d.from + 1 + j;
    for (const p of peers) {
      const q: LogEntry | undefined = entryAt(p, index);
      if (q !== undefined && sameEntry(q, e)) return q;
    }
    return e;
  });
  return { start: d.start, startTerm: d.startTerm, entries: [...kept, ...entries] };
}
