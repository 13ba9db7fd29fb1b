/** One node's state in full, and what can be done to it. */
import type { NodeId } from '../../engine/types.ts';
import { useStore } from '../store/store.ts';
import { selectNode } from '../store/selectors.ts';
import { campaign, crash, propose, restart } from '../sim/actions.ts';
import { termColor, termInk } from '../theme/termColor.ts';
import { ProgressTable } from './ProgressTable.tsx';

export function NodeInspector({ id }: { id: NodeId }) {
  const node = useStore(selectNode(id));
  const lastTerm = useStore((s) => s.logs[id]?.at(-1)?.term ?? 0);
  if (node === undefined) return null;
  const { role, up } = node;
  const timer = node.electionTimer;
  return (
    <div className="inspector" data-testid="inspector" data-node={id}>
      <div className="inspector-head">
        <span className="inspector-badge" style={{ background: up ? termColor(node.term) : '#d9d9d9', color: up ? termInk(node.term) : '#333' }}>
          {id}
        </span>
        <span className="inspector-title">
          {role === 'down' ? 'crashed' : node.pre ? 'pre-candidate' : role} · term {node.term}
        </span>
        <button className="close" onClick={() => useStore.getState().select(null)} aria-label="Close">
          ✕
        </button>
      </div>
      <dl className="facts">
        <dt>voted for</dt>
        <dd>{node.votedFor ?? '—'}</dd>
        <dt>knows leader</dt>
        <dd>{node.leader ?? '—'}</dd>
        <dt>commitIndex</dt>
        <dd>{up ? node.commitIndex : '— (lost in the crash)'}</dd>
        <dt>log</dt>
        <dd>
          {node.logLength} {node.logLength === 1 ? 'entry' : 'entries'}
          {node.logLength > 0 ? `, last term ${lastTerm}` : ''}
        </dd>
        <dt>election timer</dt>
        <dd>{timer ? `fires at ${timer.at} ms (set at ${timer.setAt} ms)` : role === 'leader' ? 'stopped: leaders send heartbeats instead' : 'stopped'}</dd>
        {node.votes && (
          <>
            <dt>{node.pre ? `pre-votes for term ${node.term + 1}` : 'votes'}</dt>
            <dd>
              {Object.entries(node.votes)
                .map(([voter, granted]) => `${voter} ${granted ? '✓' : '✗'}`)
                .join(', ')}
            </dd>
          </>
        )}
      </dl>
      <div className="actions">
        <button data-testid="action-crash" onClick={() => crash(id)} disabled={!up} title="Lose all volatile state; keep term, vote and log">
          Crash
        </button>
        <button data-testid="action-restart" onClick={() => restart(id)} disabled={up} title="Come back as a follower with the persistent state">
          Restart
        </button>
        <button data-testid="action-campaign" onClick={() => campaign(id)} disabled={!up || role === 'leader'} title="Time out now: start an election for the next term">
          Campaign now
        </button>
        <button data-testid="action-propose" onClick={() => propose(id)} title="Send a client request to this node (only a leader accepts it)">
          Client request
        </button>
      </div>
      {node.progress && <ProgressTable progress={node.progress} />}
    </div>
  );
}
