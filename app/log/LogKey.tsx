/** A one-line key above the logs. */
import { termColor, termInk } from '../theme/termColor.ts';
import { cssVars } from '../theme/cssVars.ts';
import { useAppStore } from '../store/useAppStore.ts';
import { selectMembershipMatters } from '../store/selectors.ts';

export function LogKey() {
  // Keyed only in a run that has snapshots or takes them (§7).
  const snapshots = useAppStore((s) => s.config.raft.snapshot !== null || Object.values(s.snapshots).some((x) => x !== null));
  // Keyed only in a run with a membership story (§6).
  const membership = useAppStore(selectMembershipMatters);
  return (
    <ul className="log-key" aria-label="Key">
      <li>
        <span className="cell committed key-cell" style={cssVars({ '--term': termColor(4), '--ink': termInk(4) })}>
          4
        </span>
        committed
      </li>
      <li>
        <span className="cell uncommitted key-cell" style={cssVars({ '--term': termColor(4), '--ink': '#111' })}>
          4
        </span>
        not yet committed
      </li>
      <li>
        <span className="cell uncommitted conflict key-cell" style={cssVars({ '--term': termColor(2), '--ink': '#111' })}>
          2
        </span>
        conflicts with the leader
      </li>
      <li>
        <span className="key-match">match</span>
        <span className="key-next">▲next</span>
        leader's matchIndex / nextIndex
      </li>
      <li title="Under a follower's name: AppendEntries it rejected, and round trips in all, while leaders probed for where its log agrees (§5.3)">
        <span className="key-probe">↩2 · ⇄3</span>
        probing: 2 AppendEntries rejected, 3 round trips
      </li>
      {membership && (
        <li data-testid="key-config" title="A configuration entry (§6): a server uses the latest one in its log, committed or not. Hover it for its members.">
          <span className="cell committed key-cell config-cell" style={cssVars({ '--term': termColor(4), '--ink': termInk(4) })}>
            4<span className="cell-mark">C</span>
          </span>
          configuration (J: joint, C_old,new)
        </li>
      )}
      {snapshots && (
        <li data-testid="key-snapshot" title="A node's log starts after its snapshot: the entries up to its last included index were applied and compacted into it (§7). Hover it for the state it holds.">
          <span className="snapshot-block key-snapshot" style={cssVars({ '--span': 3 })}>
            <span className="snapshot-label">
              <span className="snapshot-icon" aria-hidden="true">
                ▤
              </span>
              <span className="snapshot-range">1–40</span>
            </span>
          </span>
          entries compacted into a snapshot
        </li>
      )}
    </ul>
  );
}
