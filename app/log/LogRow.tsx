/**
 * One node's log, with the leader's view of it underneath: matchIndex (the bar:
 * known to be replicated up to here) and nextIndex (the caret: what the leader
 * sends next). Memoized on its props, so only rows whose log, commit point or
 * markers changed re-render.
 */
import { cssVars } from '../theme/cssVars.ts';
import { memo, useMemo } from 'react';
import type { Log, NodeId } from '../../engine/types.ts';
import type { DrawnRole } from '../worker/viewModel.ts';
import { LogCell } from './LogCell.tsx';
import { conflictsWithLeader } from './logModel.ts';

interface Props {
  readonly id: NodeId;
  readonly role: DrawnRole;
  readonly log: Log;
  readonly commitIndex: number;
  /** The leader's log, to spot conflicts; null on the leader's own row or with no leader. */
  readonly leaderLog: Log | null;
  /** The leader's nextIndex and matchIndex for this node; null if none applies. */
  readonly next: number | null;
  readonly match: number | null;
  readonly columns: number;
}

const ROLE_MARK: Record<DrawnRole, string> = { leader: '♛', candidate: '?', follower: '', down: '✕' };

export const LogRow = memo(function LogRow({ id, role, log, commitIndex, leaderLog, next, match, columns }: Props) {
  const conflicts = useMemo(() => conflictsWithLeader(log, leaderLog), [log, leaderLog]);
  return (
    <div className={`log-row role-${role}`} style={cssVars({ '--columns': columns })}>
      <div className="log-label" title={`${id}: ${role}, commitIndex ${commitIndex}`}>
        <span className="log-node">{id}</span>
        <span className="log-role">{ROLE_MARK[role]}</span>
      </div>
      <div className="log-cells">
        {log.map((e, i) => (
          <LogCell key={i} node={id} index={i + 1} term={e.term} value={e.value} committed={i < commitIndex} conflict={conflicts[i]} />
        ))}
      </div>
      <div className="log-markers" aria-hidden={next === null}>
        {match !== null && match > 0 && (
          <div className="match-bar" style={cssVars({ '--span': match })} title={`leader's matchIndex for ${id}: ${match}`}>
            {match >= 3 ? `match ${match}` : ''}
          </div>
        )}
        {next !== null && (
          <div className="next-caret" style={cssVars({ '--at': next - 1 })} title={`leader's nextIndex for ${id}: ${next}`}>
            ▲next
          </div>
        )}
      </div>
    </div>
  );
});
