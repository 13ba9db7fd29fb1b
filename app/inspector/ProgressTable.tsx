/** A leader's view of its followers (Figure 2): nextIndex and matchIndex, and how probing went. */
import type { NodeId } from '../../engine/types.ts';
import type { ProgressView } from '../worker/viewModel.ts';

export function ProgressTable({ progress }: { progress: Readonly<Record<NodeId, ProgressView>> }) {
  return (
    <table className="progress-table">
      <caption>This leader's nextIndex and matchIndex per follower</caption>
      <thead>
        <tr>
          <th scope="col">follower</th>
          <th scope="col" title="nextIndex: the index of the next entry to send">next</th>
          <th scope="col" title="matchIndex: the highest index known to be replicated">match</th>
          <th scope="col" title="AppendEntries rejected since this leader was elected">rejected</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(progress).map(([peer, p]) => (
          <tr key={peer}>
            <th scope="row">{peer}</th>
            <td>{p.next}</td>
            <td>{p.match}</td>
            <td>{p.rejections}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
