/** A one-glance key under the cluster drawing; the Legend panel has the full story. */
import { crossPath, crownPath } from '../geometry/glyphs.ts';
import { LegendIcon } from '../legend/LegendIcon.tsx';
import { termColor } from '../theme/termColor.ts';
import { MessageShape } from './MessageShape.tsx';
import { useAppStore } from '../store/useAppStore.ts';
import { selectClientIds, selectMembershipMatters } from '../store/selectors.ts';
import '../legend/legendClients.css';

const T = 2;

export function ClusterKey() {
  const clients = useAppStore(selectClientIds).length > 0;
  // Keyed once the run has a membership story (§6): learners, servers apart, TimeoutNow.
  const membership = useAppStore(selectMembershipMatters);
  // InstallSnapshot can fly only once some node has a snapshot (§7): keyed in runs that take them.
  const snapshots = useAppStore((s) => s.config.raft.snapshot !== null || Object.values(s.snapshots).some((x) => x !== null));
  return (
    <ul className="cluster-key" aria-label="Key">
      <li>
        <LegendIcon width={26}>
          <circle r={9} className="legend-node leader" fill={termColor(T)} />
          <path d={crownPath(12, 7)} className="crown" transform="translate(0,-9)" />
        </LegendIcon>
        leader
      </li>
      <li>
        <LegendIcon width={26}>
          <circle r={9} className="legend-node candidate" fill={termColor(T)} />
        </LegendIcon>
        candidate
      </li>
      <li>
        <LegendIcon width={26}>
          <circle r={9} className="legend-node down" fill="#d9d9d9" />
          <path d={crossPath(6)} className="down-cross" />
        </LegendIcon>
        crashed
      </li>
      <li>
        <LegendIcon width={26}>
          <circle r={9} className="legend-node follower" fill={termColor(T)} />
          <path d="M0,-12.5 A12.5,12.5 0 0 1 10.8,6.2" className="legend-arc" />
        </LegendIcon>
        election timer
      </li>
      <li>
        <LegendIcon width={30}>
          <MessageShape look={{ type: 'RequestVote', term: T, ok: null, entries: null }} />
        </LegendIcon>
        <LegendIcon width={30}>
          <MessageShape look={{ type: 'RequestVoteResponse', term: T, ok: true, entries: null }} />
        </LegendIcon>
        vote request / reply
      </li>
      <li>
        <LegendIcon width={30}>
          <MessageShape look={{ type: 'AppendEntries', term: T, ok: null, entries: 2 }} />
        </LegendIcon>
        <LegendIcon width={30}>
          <MessageShape look={{ type: 'AppendEntriesResponse', term: T, ok: false, entries: null }} />
        </LegendIcon>
        AppendEntries / reply (✓ ok, ✗ refused)
      </li>
      {snapshots && (
        <li data-testid="key-install-snapshot">
          <LegendIcon width={32}>
            <MessageShape look={{ type: 'InstallSnapshot', term: T, ok: null, entries: null }} />
          </LegendIcon>
          <LegendIcon width={32}>
            <MessageShape look={{ type: 'InstallSnapshotResponse', term: T, ok: true, entries: null }} />
          </LegendIcon>
          InstallSnapshot / reply (§7)
        </li>
      )}
      {membership && (
        <li data-testid="key-membership">
          <LegendIcon width={30}>
            <circle r={12} className="learner-ring" />
            <circle r={12} className="learner-ring-gap" />
            <circle r={8} className="legend-node follower" fill={termColor(T)} />
          </LegendIcon>
          learner
          <LegendIcon width={26}>
            <circle r={9} className="legend-node follower legend-apart" fill={termColor(T)} />
          </LegendIcon>
          not a member
          <LegendIcon width={32}>
            <MessageShape look={{ type: 'TimeoutNow', term: T, ok: null, entries: null }} />
          </LegendIcon>
          TimeoutNow
        </li>
      )}
      <li>
        <LegendIcon width={40}>
          <line x1={-18} x2={18} y1={0} y2={0} className="legend-link cut" />
          <circle r={7} className="legend-cut-mark" />
          <path d={crossPath(3.5)} className="legend-cut-cross" />
        </LegendIcon>
        cut link (click a link)
      </li>
      {clients && (
        <>
          <li>
            <LegendIcon width={40}>
              <rect x={-15} y={-10} width={30} height={20} rx={4} className="legend-client waiting" />
              <text y={4} className="legend-client-id">
                c1
              </text>
            </LegendIcon>
            client: its request, <span className="legend-client-words">⇢</span> the leader it believes in
          </li>
          <li>
            <LegendIcon width={30}>
              <MessageShape look={{ type: 'ClientRequest', term: 0, ok: null, entries: null, op: 'P' }} />
            </LegendIcon>
            <LegendIcon width={30}>
              <MessageShape look={{ type: 'ClientReply', term: 0, ok: true, entries: null }} />
            </LegendIcon>
            <LegendIcon width={30}>
              <MessageShape look={{ type: 'NotLeader', term: 0, ok: false, entries: null }} />
            </LegendIcon>
            client request (P put, A append, G get) / reply / NotLeader
          </li>
        </>
      )}
    </ul>
  );
}
