/**
 * A node's membership (§6) in its inspector: the configuration it uses (from
 * which entry, committed or not), what it is in the leader's, and for a
 * candidate in a joint configuration its votes per half. And which membership
 * actions apply to it (membershipActions), each a scenario command.
 */
import type { NodeId } from '../../engine/types.ts';
import type { MemberKind } from '../../engine/raft/configs.ts';
import { useAppStore } from '../store/useAppStore.ts';
import { selectMembershipMatters, selectNode } from '../store/selectors.ts';
import { configWords } from '../membership/configWords.ts';
import { voteTally } from '../membership/quorumTally.ts';

export interface MembershipAction {
  readonly kind: 'add' | 'remove' | 'transfer';
  readonly testId: string;
  readonly label: string;
  readonly enabled: boolean;
  /** What it does, or why it cannot be done now. */
  readonly title: string;
}

/**
 * The membership actions offered for node `id`, given what it is in the
 * leader's configuration: a server outside it can be added, a member removed,
 * and a voter other than the leader handed the leadership. Each needs a leader
 * (the commands go to it) and one with no change or transfer under way (it
 * takes one at a time, §6); otherwise it is offered disabled, with the reason.
 */
export function membershipActions({ id, member, leader, busy }: { id: NodeId; member: MemberKind; leader: NodeId | null; busy: string | null }): MembershipAction[] {
  const blocked = leader === null ? 'No leader right now: membership changes and transfers go through the leader.' : busy !== null ? `The leader is busy with “${busy}”: one change at a time (§6).` : null;
  const out: MembershipAction[] = [];
  if (member === 'none') {
    out.push({
      kind: 'add',
      testId: 'action-add',
      label: 'Add to the cluster',
      enabled: blocked === null,
      title: blocked ?? `add ${id}: the leader adds ${id} as a learner to catch up, then as a voter (one server at a time, thesis §4.1)`,
    });
  } else {
    out.push({
      kind: 'remove',
      testId: 'action-remove',
      label: 'Remove from the cluster',
      enabled: blocked === null,
      title:
        blocked ??
        (id === leader
          ? `remove ${id}: the leader removes itself; it manages the cluster without counting itself until that commits, then steps down (§6)`
          : `remove ${id}: the leader appends a configuration without ${id} (one server at a time, thesis §4.1)`),
    });
  }
  if (member === 'voter' && id !== leader) {
    out.push({
      kind: 'transfer',
      testId: 'action-transfer',
      label: 'Transfer leadership here',
      enabled: blocked === null,
      title: blocked ?? `transfer ${id}: the leader brings ${id}'s log up to date, then tells it to campaign at once (TimeoutNow, thesis §3.10)`,
    });
  }
  return out;
}

export function MembershipFacts({ id }: { id: NodeId }) {
  const own = useAppStore((s) => s.configs[id]);
  const node = useAppStore(selectNode(id));
  const matters = useAppStore(selectMembershipMatters);
  // A cluster where every server has always voted has nothing to say here: the inspector stays short.
  if (own === undefined || node === undefined || !matters) return null;
  const pending = own.index > 0 && (!node.up || own.index > node.commitIndex);
  const from = own.index === 0 ? 'the initial one' : `from its entry ${own.index}${pending ? (node.up ? ', not committed yet: it uses it all the same (§6)' : '') : ', committed'}`;
  const halves = node.votes !== null && own.config.outgoing.length > 0 ? voteTally(own.config, node.votes) : null;
  return (
    <>
      <dt title="The configuration this server uses: the latest in its log, committed or not (§6)">configuration</dt>
      <dd data-testid="node-config" data-outgoing={own.config.outgoing.join(',')} data-voters={own.config.voters.join(',')} data-learners={own.config.learners.join(',')}>
        {configWords(own.config)} ({from})
      </dd>
      {halves !== null && (
        <>
          <dt title="During joint consensus a candidate needs a majority of C_old and a majority of C_new (§6)">votes per half</dt>
          <dd data-testid="vote-halves">
            {halves
              .map((h) => `C_${h.half}: ${h.members.map((m) => `${m} ${node.votes![m] === true ? '✓' : node.votes![m] === false ? '✗' : '…'}`).join(', ')} (${h.yes} of ${h.needed} needed${h.reached ? ' ✓' : ''})`)
              .join('; ')}
          </dd>
        </>
      )}
    </>
  );
}
