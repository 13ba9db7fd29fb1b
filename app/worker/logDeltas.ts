/**
 * Sends each log only when it changed, and then only from where it changed.
 * Stored logs are immutable and share their unchanged entries between versions
 * (see engine/types.ts), so "unchanged" is an identity test and the common prefix
 * is found by identity, never by value. The page gets plain arrays.
 */
import type { Log, NodeId, StoredLog } from '../../engine/types.ts';
import { entriesFrom, firstChange } from '../../engine/raft/log.ts';
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

/** The page's side: apply a delta to the copy it has. */
export const applyLogDelta = (have: Log, d: LogDelta): Log =>
  d.from === have.length && d.entries.length === 0 ? have : [...have.slice(0, d.from), ...d.entries];
