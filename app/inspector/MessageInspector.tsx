/** One message in flight: every field, and the option to drop it. */
import { useAppStore } from '../store/useAppStore.ts';
import { opText } from '../../engine/raft/entry.ts';
import { dropMessage } from '../sim/actions.ts';
import type { MessageView } from '../worker/viewModel.ts';
import { dataSummary } from './snapshotSummary.ts';
import { useFocusHandoff } from './useFocusHandoff.ts';
import { useSession } from '../session/useSession.ts';
import type { Membership } from '../../engine/types.ts';
import { countsToward } from '../membership/quorumTally.ts';

const selectMessage = (id: number) => (s: { messages: readonly MessageView[] }) => s.messages.find((m) => m.id === id);

export function MessageInspector({ id }: { id: number }) {
  const session = useSession();
  const message = useAppStore(selectMessage(id));
  // The receiver's configuration: a vote or an acknowledgement counts toward its majorities (§6).
  const receiverConfig = useAppStore((s) => (message === undefined ? null : (s.configs[message.to]?.config ?? null)));
  const { ref, close, onKeyDown } = useFocusHandoff<HTMLDivElement>();
  return (
    <div
      className="inspector"
      data-testid="message-inspector"
      ref={ref}
      tabIndex={-1}
      role="region"
      aria-label={`Message m${id}`}
      onKeyDown={onKeyDown}
    >
      <div className="inspector-head">
        <span className="inspector-title">Message m{id}</span>
        <button className="close" onClick={close} aria-label="Close">
          ✕
        </button>
      </div>
      {message === undefined ? (
        <p className="muted">No longer in flight: it was delivered, dropped or lost.</p>
      ) : (
        <>
          <dl className="facts">
            {[...fields(message), ...countsFor(message, receiverConfig)].map(([k, v]) => (
              <Fact key={k} name={k} value={v} />
            ))}
          </dl>
          <div className="actions">
            <button data-testid="action-drop" onClick={() => dropMessage(session, id)} title="The network loses this message">
              Drop this message
            </button>
          </div>
        </>
      )}
    </div>
  );
}

function Fact({ name, value }: { name: string; value: string }) {
  return (
    <>
      <dt>{name}</dt>
      <dd data-field={name}>{value}</dd>
    </>
  );
}

function fields(m: MessageView): [string, string][] {
  const common: [string, string][] = [
    ['type', m.type],
    ['from → to', `${m.from} → ${m.to}`],
    ['term', String(m.term)],
    ['sent / arrives', `${m.sentAt} ms / ${m.arrivesAt} ms`],
  ];
  switch (m.type) {
    case 'RequestVote':
      return [
        ...common,
        ...(m.preVote ? [['pre-vote', 'yes: asks whether it could win term ' + m.term + ', changing no term and no vote (§9.6)'] as [string, string]] : []),
        ...(m.transfer
          ? [
              [
                'transfer',
                'yes: its leader handed leadership over (TimeoutNow), so voters grant it even while they still hear from that leader (thesis §3.10)',
              ] as [string, string],
            ]
          : [['transfer', 'no: an ordinary election'] as [string, string]]),
        ['candidate\'s last entry', `index ${m.lastLogIndex}, term ${m.lastLogTerm}`],
      ];
    case 'RequestVoteResponse':
      return [...common, [m.preVote ? 'pre-vote' : 'vote', m.granted ? 'granted ✓' : 'refused ✗']];
    case 'ClientRequest':
      return [...common, ['request', `#${m.serial} ${opText(m.op)}`]];
    case 'ClientReply':
      return [...common, ['answers', `#${m.serial}`], ['result', m.result === '' ? '(none: a write)' : JSON.stringify(m.result)]];
    case 'NotLeader':
      return [...common, ['answers', `#${m.serial}`], ['leader hint', m.leaderHint ?? 'none known']];
    case 'AppendEntries':
      return [
        ...common,
        ['prevLogIndex / Term', `${m.prevLogIndex} / ${m.prevLogTerm}`],
        ['entries', m.entryCount === 0 ? 'none (heartbeat)' : `${m.entryCount}: terms ${m.entryTerms.join(' ')}${m.entryCount > m.entryTerms.length ? ' …' : ''}`],
        ['leaderCommit', String(m.leaderCommit)],
      ];
    case 'AppendEntriesResponse':
      return [
        ...common,
        ['result', m.success ? `accepted ✓ (matches up to ${m.matchIndex})` : `rejected ✗ (hint: index ${m.hintIndex}, term ${m.hintTerm})`],
      ];
    // Figure 13's arguments, in its order.
    case 'InstallSnapshot':
      return [
        ...common,
        ['lastIncludedIndex', String(m.lastIncludedIndex)],
        ['lastIncludedTerm', String(m.lastIncludedTerm)],
        ['offset', `${m.offset} (the whole snapshot in one chunk)`],
        ['data', dataSummary(m.data.machine)],
        ['done', m.done ? 'true (last chunk)' : 'false'],
      ];
    case 'InstallSnapshotResponse':
      return [...common, ['result', `installed ✓ (matches up to ${m.matchIndex})`]];
    case 'TimeoutNow':
      return [
        ...common,
        ['asks', `${m.to} to start an election at once, skipping PreVote: ${m.from} is handing its leadership over, and ${m.to}'s log matches its own (thesis §3.10)`],
      ];
  }
}

/**
 * For a vote or an acknowledgement sent to a server in a joint configuration
 * (or one with learners): which majority it counts toward there (§6), since
 * during joint consensus a candidate or a leader needs a majority of each half.
 */
function countsFor(m: MessageView, config: Membership | null): [string, string][] {
  if (config === null || (config.outgoing.length === 0 && config.learners.length === 0)) return [];
  if (m.type !== 'RequestVoteResponse' && m.type !== 'AppendEntriesResponse' && m.type !== 'InstallSnapshotResponse') return [];
  const halves = countsToward(config, m.from);
  const words =
    halves.length === 2
      ? `both C_old and C_new: ${m.from} is in each`
      : halves.length === 1
        ? config.outgoing.length === 0
          ? 'the majority of the voters'
          : `C_${halves[0]} only`
        : config.learners.includes(m.from)
          ? `no majority: ${m.from} is a learner`
          : `no majority: ${m.from} is not in ${m.to}'s configuration`;
  return [['counts toward', words]];
}
