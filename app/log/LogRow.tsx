/**
 * One node's log, with the leader's view of it underneath: matchIndex (the bar:
 * known to be replicated up to here) and nextIndex (the caret: what the leader
 * sends next). Under the node's name, once the run has probed any follower, what
 * probing this one cost (↩ rejections · ⇄ round trips). Memoized on its props, so
 * only rows whose log, commit point or markers changed re-render, and the
 * window of columns moved (columnWindow.ts).
 *
 * Only the cells of the window [first, end) are drawn; a padding of `first`
 * columns keeps them in place, and the row keeps its full width (--columns),
 * so the scroll width and the markers are those of the whole log. For a short
 * log the window is every column, and the row is drawn as it always was.
 *
 * Columns are the paper's indexes on every row. A log that starts after a
 * snapshot (§7) holds no entries up to its start: its row begins with one block
 * spanning those columns, which says they were compacted into a snapshot.
 */
import { cssVars } from '../theme/cssVars.ts';
import { memo } from 'react';
import type { LogView, NodeId } from '../../engine/types.ts';
import { entryAt, lastIndex } from '../../engine/raft/log.ts';
import type { DrawnRole } from '../worker/viewModel.ts';
import { LogCell } from './LogCell.tsx';
import { entryText } from '../../engine/raft/entry.ts';
import { entryMark } from './entryMark.ts';
import { configWords } from '../membership/configWords.ts';
import { conflictsAt } from './logModel.ts';
import { logWords } from '../cluster/nodeWords.ts';
import { SnapshotBlock } from './SnapshotBlock.tsx';

interface Props {
  readonly id: NodeId;
  readonly role: DrawnRole;
  readonly log: LogView;
  readonly commitIndex: number;
  /** The leader's log, to spot conflicts; null on the leader's own row or with no leader. */
  readonly leaderLog: LogView | null;
  /** The leader's nextIndex and matchIndex for this node; null if none applies. */
  readonly next: number | null;
  readonly match: number | null;
  readonly columns: number;
  /** The columns drawn, [first, end), 0-based (columnWindow.ts); every column for a short log. */
  readonly first: number;
  readonly end: number;
  /** Indexes involved in a safety violation, ascending. */
  readonly violations: readonly number[];
  /** What leaders spent probing this node's log (§5.3); null when it was never probed. */
  readonly rejections: number | null;
  readonly roundTrips: number | null;
}

const ROLE_MARK: Record<DrawnRole, string> = { leader: '♛', candidate: '?', follower: '', down: '✕' };
const ROLE_WORD: Record<DrawnRole, string> = { leader: 'leader', candidate: 'candidate', follower: 'follower', down: 'crashed' };

/**
 * The row header in words, for a screen reader: the node, its role, its log and
 * commit point, and what the marks under the row show (the leader's matchIndex
 * and nextIndex for it), since those marks are drawn for the eye only.
 */
export function rowWords(id: NodeId, role: DrawnRole, length: number, commitIndex: number, match: number | null, next: number | null, start = 0): string {
  const words = [id, ROLE_WORD[role], logWords(role !== 'down', length, commitIndex)];
  if (start > 0) words.push(`entries 1 to ${start} compacted into a snapshot`);
  if (match !== null) words.push(`leader's matchIndex ${match}`);
  if (next !== null) words.push(`nextIndex ${next}`);
  return words.join(', ');
}

export const LogRow = memo(function LogRow({ id, role, log, commitIndex, leaderLog, next, match, columns, first, end, violations, rejections, roundTrips }: Props) {
  const last = lastIndex(log);
  const drawnEnd = Math.min(end, last);
  const virtual = first > 0 || end < columns;
  const cells = [];
  // The snapshot's block covers columns [0, start): the part of them in the window.
  const blockEnd = Math.min(log.start, end);
  if (log.start > 0 && blockEnd > first) {
    cells.push(
      <SnapshotBlock
        key="snapshot"
        node={id}
        index={log.start}
        term={log.startTerm}
        span={blockEnd - first}
        tabStop={last === log.start}
        column={virtual ? first + 2 : undefined}
      />,
    );
  }
  for (let i = Math.max(first, log.start); i < drawnEnd; i++) {
    const e = entryAt(log, i + 1)!;
    cells.push(
      <LogCell
        key={i}
        node={id}
        index={i + 1}
        term={e.term}
        text={entryText(e)}
        mark={entryMark(e)}
        config={e.kind === 'config' ? configWords(e.config) : null}
        committed={i < commitIndex}
        conflict={conflictsAt(log, leaderLog, i + 1)}
        violation={violations.includes(i + 1)}
        // The row's last entry, or the last one drawn when the window stops short of it.
        tabStop={i === drawnEnd - 1}
        column={virtual ? i + 2 : undefined}
      />,
    );
  }
  return (
    <div className={`log-row role-${role}`} style={cssVars({ '--columns': columns })} role="row" data-testid={`log-row-${id}`} data-length={last} data-start={log.start}>
      <div className="log-label" title={`${id}: ${role}, commitIndex ${commitIndex}`} role="rowheader" aria-colindex={virtual ? 1 : undefined}>
        <span className="sr-only">{rowWords(id, role, last, commitIndex, match, next, log.start)}</span>
        <span className="log-node" aria-hidden="true">
          {id}
        </span>
        <span className="log-role" aria-hidden="true">
          {ROLE_MARK[role]}
        </span>
        {rejections !== null && roundTrips !== null && <ProbeBadge id={id} rejections={rejections} roundTrips={roundTrips} />}
      </div>
      <div className="log-cells" style={first > 0 ? cssVars({ '--skip': first }) : undefined}>
        {cells}
      </div>
      {/* For the eye: the row header says the same in words, and a row may hold only cells. */}
      <div className="log-markers" aria-hidden="true">
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

/** What finding where this follower's log agrees with the leader's cost: rejections, and round trips in all (§5.3). */
function ProbeBadge({ id, rejections, roundTrips }: { id: NodeId; rejections: number; roundTrips: number }) {
  const text = `${rejections} AppendEntries rejected, ${roundTrips} round trip${roundTrips === 1 ? '' : 's'} to find where the logs agree (§5.3)`;
  return (
    <span
      className={`probe-badge${rejections === 0 ? ' none' : ''}`}
      data-testid={`probes-${id}`}
      data-rejections={rejections}
      data-round-trips={roundTrips}
      title={`${id}: ${text}`}
    >
      <span aria-hidden="true">
        ↩{rejections} · ⇄{roundTrips}
      </span>
      <span className="sr-only">, {text}</span>
    </span>
  );
}
