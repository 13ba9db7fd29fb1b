/**
 * A leader's view of its followers (Figure 2): nextIndex and matchIndex, how it
 * sends to each (after etcd's progress tracker: Probe while it looks for where
 * the logs agree, Replicate once they agree, Snapshot while a snapshot it sent
 * is unanswered, §7), and how probing went. When its configuration has
 * learners or is joint (§6), each follower's row says which majority its
 * acknowledgements count toward, and a line under the table how far each half
 * is with the entry the leader waits to commit.
 */
import type { NodeId, ProgressState } from '../../engine/types.ts';
import type { ProgressView } from '../worker/viewModel.ts';
import { useAppStore } from '../store/useAppStore.ts';
import { ackTally, countsToward, watchedIndex } from '../membership/quorumTally.ts';

const STATE_WORD: Record<ProgressState, string> = { probe: 'Probe', replicate: 'Replicate', snapshot: 'Snapshot' };
const STATE_HELP: Record<ProgressState, string> = {
  probe: 'Probe: it does not yet know where the logs agree, and sends one AppendEntries at a time to find out (§5.3)',
  replicate: 'Replicate: the logs agree up to match, and entries stream',
  snapshot: 'Snapshot: the follower needs entries this leader has compacted; it was sent the snapshot, and gets nothing else until it answers (§7)',
};

/** The state in words: Snapshot says which snapshot it waits on. */
export const stateText = (p: ProgressView): string => (p.state === 'snapshot' ? `Snapshot ≤${p.pendingSnapshot}` : STATE_WORD[p.state]);

export function ProgressTable({ progress, leader }: { progress: Readonly<Record<NodeId, ProgressView>>; leader: NodeId }) {
  const config = useAppStore((s) => s.configs[leader]?.config ?? null);
  const commit = useAppStore((s) => s.nodes[leader]?.commitIndex ?? 0);
  const last = useAppStore((s) => s.nodes[leader]?.logLength ?? 0);
  const halves = config !== null && (config.outgoing.length > 0 || config.learners.length > 0);
  const watched = watchedIndex(commit, last);
  const tally = config !== null && config.outgoing.length > 0 && watched !== null ? ackTally(config, leader, last, progress, watched) : null;
  const counts = (peer: NodeId): string => {
    if (config === null) return '';
    const h = countsToward(config, peer);
    if (h.length === 0) return config.learners.includes(peer) ? '— learner' : '—';
    return config.outgoing.length === 0 ? 'majority' : h.join('+');
  };
  return (
    <div className="progress-wrap">
    <table className="progress-table" data-testid="progress-table">
      <caption>This leader's nextIndex and matchIndex per follower, and how it sends to each</caption>
      <thead>
        <tr>
          <th scope="col">follower</th>
          <th scope="col" title="Probe, Replicate, or Snapshot: waiting on the snapshot it sent">state</th>
          <th scope="col" title="nextIndex: the index of the next entry to send">next</th>
          <th scope="col" title="matchIndex: the highest index known to be replicated">match</th>
          <th scope="col" title="AppendEntries rejected since this leader was elected">
            <abbr title="AppendEntries rejected since this leader was elected">rej.</abbr>
          </th>
          {halves && (
            <th scope="col" className="counts" title="Which majority this follower's acknowledgements count toward: C_old, C_new, both, or none for a learner (§6)">
              counts
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {Object.entries(progress).map(([peer, p]) => (
          <tr key={peer} data-testid={`progress-${peer}`} data-state={p.state} data-pending-snapshot={p.pendingSnapshot}>
            <th scope="row">{peer}</th>
            <td title={STATE_HELP[p.state] + (p.state === 'snapshot' ? ` It sent the snapshot up to index ${p.pendingSnapshot}.` : '')}>{stateText(p)}</td>
            <td>{p.next}</td>
            <td>{p.match}</td>
            <td>{p.rejections}</td>
            {halves && <td data-testid={`counts-${peer}`}>{counts(peer)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
    {tally !== null && watched !== null && (
      <p className="progress-tally" data-testid="ack-tally">
        Entry {watched} {watched <= commit ? 'is committed' : 'commits once a majority of each half holds it'}:{' '}
        {tally.map((h) => `C_${h.half} ${h.yes} of ${h.members.length} (${h.needed} needed)${h.reached ? ' ✓' : ''}`).join(', ')}
      </p>
    )}
    </div>
  );
}
