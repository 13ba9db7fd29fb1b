/**
 * Sends each log only when it changed, and then only from where it changed.
 * Logs are immutable arrays whose entries are shared between versions (see
 * engine/types.ts), so "unchanged" is an identity test and the common prefix is
 * found by comparing entries by identity, never by value.
 */
import type { Log, NodeId } from '../../engine/types.ts';
import type { LogDelta } from './viewModel.ts';

export class LogDeltas {
  private sent = new Map<NodeId, Log>();

  reset(): void {
    this.sent.clear();
  }

  /** What the page needs to bring its copy of `id`'s log up to `log`, or null if it has it. */
  delta(id: NodeId, log: Log): LogDelta | null {
    const prev = this.sent.get(id);
    if (prev === log) return null;
    this.sent.set(id, log);
    let from = 0;
    if (prev !== undefined) {
      const n = Math.min(prev.length, log.length);
      while (from < n && prev[from] === log[from]) from++;
    }
    return { node: id, from, entries: log.slice(from) };
  }
}

/** The page's side: apply a delta to the copy it has. */
export const applyLogDelta = (have: Log, d: LogDelta): Log =>
  d.from === have.length && d.entries.length === 0 ? have : [...have.slice(0, d.from), ...d.entries];
