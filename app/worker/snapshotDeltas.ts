/**
 * Sends each node's snapshot (§7) only when it changed. A snapshot is immutable
 * and replaced whole when a node takes or installs one (engine/raft/snapshot.ts),
 * so "unchanged" is an identity test, as for logs and machines. Unlike the
 * state machine it is persistent: a crashed node keeps it.
 */
import type { NodeId, Snapshot as RaftSnapshot } from '../../engine/types.ts';
import type { SnapshotDelta } from './viewModel.ts';

export class SnapshotDeltas {
  private sent = new Map<NodeId, RaftSnapshot | null>();

  reset(): void {
    this.sent.clear();
  }

  /** The snapshot to send for `id`, or null if the page has this one. */
  delta(id: NodeId, snapshot: RaftSnapshot | null): SnapshotDelta | null {
    if (this.sent.has(id) && this.sent.get(id) === snapshot) return null;
    this.sent.set(id, snapshot);
    return { node: id, snapshot };
  }
}
