/**
 * Sends each log only when it changed, and then only from where it changed.
 * Stored logs are immutable and share their unchanged entries between versions
 * (see engine/types.ts), so "unchanged" is an identity test and the common prefix
 * is found by identity, never by value. The page gets plain arrays.
 */
import type { Log, LogEntry, NodeId, StoredLog } from '../../engine/types.ts';
import { entriesFrom, firstChange, sameEntry } from '../../engine/raft/log.ts';
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
    const from = prev === undefined ? 0 : firstChange(prev, log) - 1;
    return { node: id, from, entries: entriesFrom(log, from + 1) };
  }
}

/**
 * The page's side: apply a delta to the copy it has.
 *
 * Each delta arrives as its own structured clone, so nine nodes holding the same
 * entry would hold nine copies of it on the page, and a long session's logs
 * would be most of the page's heap. `peers` (the other nodes' logs, as the page
 * has them) lets a new entry equal to the one a peer holds at the same index be
 * that peer's object instead. Log Matching (§5.3) makes this the common case:
 * followers hold the leader's entries. Entries are immutable, so sharing them
 * changes nothing but memory.
 */
export function applyLogDelta(have: Log, d: LogDelta, peers: readonly Log[] = []): Log {
  if (d.from === have.length && d.entries.length === 0) return have;
  const entries = d.entries.map((e, j) => {
    const i = d.from + j;
    for (const p of peers) {
      const q = p[i] as LogEntry | undefined;
      if (q !== undefined && sameEntry(q, e)) return q;
    }
    return e;
  });
  return [...have.slice(0, d.from), ...entries];
}
