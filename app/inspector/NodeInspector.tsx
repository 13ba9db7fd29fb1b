/** One node's state in full, and what can be done to it. */
import type { ReactNode } from 'react';
import type { NodeId } from '../../engine/types.ts';
import { dataSummary } from './snapshotSummary.ts';
import { useAppStore } from '../store/useAppStore.ts';
import { selectLeader, selectMemberKind, selectNode } from '../store/selectors.ts';
import { addToCluster, campaign, crash, propose, removeFromCluster, restart, snapshotNow, transferLeadership } from '../sim/actions.ts';
import { MembershipFacts, membershipActions } from './MembershipFacts.tsx';
import { lastIndex, lastTerm } from '../../engine/raft/log.ts';
import { EMPTY_LOG_VIEW } from '../worker/logDeltas.ts';
import { termColor, termInk } from '../theme/termColor.ts';
import { ProgressTable } from './ProgressTable.tsx';
import { MachineTable } from './MachineTable.tsx';
import { useFocusHandoff } from './useFocusHandoff.ts';
import { useSession } from '../session/useSession.ts';

export function NodeInspector({ id }: { id: NodeId }) {
  const session = useSession();
  const node = useAppStore(selectNode(id));
  const log = useAppStore((s) => s.logs[id] ?? EMPTY_LOG_VIEW);
  const machine = useAppStore((s) => s.machines[id] ?? null);
  const snapshot = useAppStore((s) => s.snapshots[id] ?? null);
  const leader = useAppStore(selectLeader);
  const member = useAppStore(selectMemberKind(id));
  // Whether the leader has a change or a transfer under way: it takes no other until it ends (§6, thesis §3.10).
  const leaderBusy = useAppStore((s) => {
    const l = s.leader === null ? undefined : s.nodes[s.leader];
    return l === undefined ? null : (l.change?.asked ?? (l.transfer !== null ? `transfer ${l.transfer.target}` : null));
  });
  const held = lastIndex(log) - log.start;
  const { ref, close, onKeyDown } = useFocusHandoff<HTMLDivElement>();
  if (node === undefined) return null;
  const { role, up } = node;
  const timer = node.electionTimer;
  return (
    <div
      className="inspector"
      data-testid="inspector"
      data-node={id}
      ref={ref}
      tabIndex={-1}
      role="region"
      aria-label={`Node ${id}`}
      onKeyDown={onKeyDown}
    >
      <div className="inspector-head">
        <span className="inspector-badge" style={{ background: up ? termColor(node.term) : '#d9d9d9', color: up ? termInk(node.term) : '#333' }}>
          {id}
        </span>
        <span className="inspector-title">
          {role === 'down' ? 'crashed' : node.pre ? 'pre-candidate' : role} · term {node.term}
        </span>
        <button className="close" onClick={close} aria-label="Close">
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
        <dd data-testid="log-facts" data-start={log.start}>
          {log.start === 0
            ? `${held} ${held === 1 ? 'entry' : 'entries'}`
            : `starts after ${log.start} (term ${log.startTerm}); holds ${held === 0 ? 'no entries' : `${log.start + 1}–${lastIndex(log)}`}`}
          {node.logLength > 0 ? `, last term ${lastTerm(log)}` : ''}
          {/* No snapshot yet: said on the log's line, so the inspector stays short (it shares its column with the events). */}
          {snapshot === null && (
            <>
              ;{' '}
              <span data-testid="snapshot-facts" data-index={0} data-term={0} title="The state machine as of an applied index, replacing the log up to it (§7)">
                snapshot: none
              </span>
            </>
          )}
        </dd>
        {snapshot !== null && (
          <>
            <dt title="The state machine as of an applied index, replacing the log up to it (§7)">snapshot</dt>
            <dd data-testid="snapshot-facts" data-index={snapshot.index} data-term={snapshot.term}>
              up to index {snapshot.index}, term {snapshot.term}; {dataSummary(snapshot.machine)}
            </dd>
          </>
        )}
        <dt>election timer</dt>
        {/* One line: when it was set is in the tooltip (the arc around the node shows how far it has run). */}
        <dd title={timer ? `set at ${timer.setAt} ms` : undefined}>{timer ? `fires at ${timer.at} ms` : role === 'leader' ? 'stopped: leaders send heartbeats instead' : 'stopped'}</dd>
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
        <MembershipFacts id={id} />
        {machine !== null && (
          <>
            <dt title="Index of the highest log entry applied to its state machine (Figure 2)">lastApplied</dt>
            <dd data-testid="last-applied">{machine.lastApplied}</dd>
          </>
        )}
      </dl>
      <div className="actions">
        <ActionButton testId="action-crash" act={() => crash(session, id)} enabled={up} title="Lose all volatile state; keep term, vote and log">
          Crash
        </ActionButton>
        <ActionButton testId="action-restart" act={() => restart(session, id)} enabled={!up} title="Come back as a follower with the persistent state">
          Restart
        </ActionButton>
        <ActionButton
          testId="action-snapshot"
          act={() => snapshotNow(session, id)}
          enabled={up}
          title="Snapshot now: the state machine, up to lastApplied, and compact the log up to there (§7)"
        >
          Snapshot
        </ActionButton>
        <ActionButton testId="action-campaign" act={() => campaign(session, id)} enabled={up && role !== 'leader'} title="Time out now: start an election for the next term">
          Campaign now
        </ActionButton>
        <ActionButton testId="action-propose" act={() => propose(session, id)} enabled title="Send a client request to this node (only a leader accepts it)">
          Client request
        </ActionButton>
        {/* Membership (§6): side by side, their words wrapping, so the inspector stays short in its shared column. */}
        <span className="membership-actions" role="group" aria-label="Membership">
        {membershipActions({ id, member, leader, busy: leaderBusy }).map((a) => (
          <ActionButton
            key={a.testId}
            testId={a.testId}
            act={() => (a.kind === 'add' ? addToCluster(session, id) : a.kind === 'remove' ? removeFromCluster(session, id) : transferLeadership(session, id))}
            enabled={a.enabled}
            title={a.title}
          >
            {a.label}
          </ActionButton>
        ))}
        </span>
      </div>
      {node.progress && <ProgressTable progress={node.progress} leader={id} />}
      <MachineTable machine={machine} />
    </div>
  );
}

interface ActionProps {
  readonly testId: string;
  readonly act: () => void;
  readonly enabled: boolean;
  readonly title: string;
  readonly children: ReactNode;
}

/**
 * An action that cannot apply now is marked aria-disabled rather than
 * disabled: it keeps the focus. Crash from the keyboard leaves the focus on
 * Crash (now unavailable) one Tab from Restart; a disabled button would drop it
 * to the top of the page.
 */
function ActionButton({ testId, act, enabled, title, children }: ActionProps) {
  return (
    <button data-testid={testId} onClick={enabled ? act : undefined} aria-disabled={!enabled} title={title}>
      {children}
    </button>
  );
}
