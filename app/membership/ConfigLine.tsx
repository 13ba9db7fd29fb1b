/**
 * The configuration (§6) in words, over the cluster: the leader's (or with no
 * leader the newest any node holds; shownConfig.ts), the servers outside it,
 * whether its entry has committed yet, and the change or transfer the leader
 * is carrying out. Its data-* attributes carry the member lists (comma
 * separated, empty when none) for tests and tools.
 *
 * A cluster where every server has voted from the start has no membership
 * story: the line is then for screen readers only, and the drawing is as it
 * always was.
 */
import { useAppStore } from '../store/useAppStore.ts';
import { selectIds, selectMembershipMatters, selectShownConfig } from '../store/selectors.ts';
import type { Store } from '../store/store.ts';
import { configWords, idList } from './configWords.ts';
import { memberOf } from '../../engine/raft/configs.ts';

/** What the leader is doing about its membership, in words; '' when nothing. A primitive, for a narrow subscription. */
const selectLeaderWork = (s: Store): string => {
  const leader = s.leader === null ? undefined : s.nodes[s.leader];
  if (leader === undefined) return '';
  const parts: string[] = [];
  if (leader.change !== null) parts.push(`under way: ${leader.change.asked}`);
  if (leader.transfer !== null) parts.push(`handing leadership to ${leader.transfer.target}${leader.transfer.sent ? ' (TimeoutNow sent)' : ''}`);
  return parts.join(' · ');
};

/** The commit index of the node whose configuration is shown: is the entry it came from committed there? */
const selectShownCommit = (s: Store): number => {
  const shown = selectShownConfig(s);
  return shown === null ? 0 : (s.nodes[shown.node]?.commitIndex ?? 0);
};

export function ConfigLine() {
  const shown = useAppStore(selectShownConfig);
  const ids = useAppStore(selectIds);
  const matters = useAppStore(selectMembershipMatters);
  const work = useAppStore(selectLeaderWork);
  const commit = useAppStore(selectShownCommit);
  if (shown === null) return null;
  const c = shown.config;
  const outside = ids.filter((id) => !memberOf(c, id));
  const whose = shown.source === 'leader' ? `leader ${shown.node}'s` : `no leader; the newest, ${shown.node}'s`;
  const pending = shown.index > 0 && shown.index > commit;
  return (
    <p
      className={matters ? 'config-line' : 'config-line sr-only'}
      data-testid="config"
      data-voters={c.voters.join(',')}
      data-outgoing={c.outgoing.join(',')}
      data-learners={c.learners.join(',')}
      data-source={shown.source}
      data-node={shown.node}
      data-index={shown.index}
      data-committed={!pending}
    >
      <span className="config-head">Configuration</span> ({whose}): {configWords(c)}
      {outside.length > 0 && `; not ${outside.length === 1 ? 'a member' : 'members'}: ${idList(outside)}`}
      {pending && <span className="config-pending"> — entry {shown.index}, not committed yet (a server uses it all the same, §6)</span>}
      {work !== '' && <span className="config-pending"> — {work}</span>}
    </p>
  );
}
