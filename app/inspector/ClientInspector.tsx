/**
 * One client (§8, thesis §6.3): the request it waits on, how often it sent it,
 * what waits behind it, the leader it believes in; and a small form to give it
 * an operation, sent as a `client` command like every other action.
 */
import { useState, type FormEvent } from 'react';
import type { ClientId, KvOp } from '../../engine/types.ts';
import { opText } from '../../engine/raft/entry.ts';
import { useAppStore } from '../store/useAppStore.ts';
import { selectClient } from '../store/selectors.ts';
import { clientOp } from '../sim/actions.ts';
import { useFocusHandoff } from './useFocusHandoff.ts';
import { useSession } from '../session/useSession.ts';

type OpKind = KvOp['kind'];

export function ClientInspector({ id }: { id: ClientId }) {
  const session = useSession();
  const client = useAppStore(selectClient(id));
  const { ref, close, onKeyDown } = useFocusHandoff<HTMLDivElement>();
  const [kind, setKind] = useState<OpKind>('put');
  const [key, setKey] = useState('x');
  const [value, setValue] = useState('1');
  if (client === undefined) return null;
  const p = client.pending;
  const valueNeeded = kind !== 'get';
  // The scenario language judges the rest (and says what is wrong with a line it refuses).
  const problem = key.trim() === '' ? 'Give a key.' : kind === 'append' && value === '' ? 'Appending nothing changes nothing: give a value.' : null;
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (problem !== null) return;
    clientOp(session, id, kind === 'get' ? { kind, key: key.trim() } : { kind, key: key.trim(), value });
  };
  return (
    <div className="inspector" data-testid="client-inspector" data-client={id} ref={ref} tabIndex={-1} role="region" aria-label={`Client ${id}`} onKeyDown={onKeyDown}>
      <div className="inspector-head">
        <span className="inspector-badge client-badge">{id}</span>
        <span className="inspector-title">client · {p === null ? 'idle' : 'waiting for an answer'}</span>
        <button className="close" onClick={close} aria-label="Close">
          ✕
        </button>
      </div>
      <dl className="facts">
        <dt>waiting on</dt>
        <dd data-testid="client-pending">{p === null ? '— (nothing outstanding)' : `#${p.serial} ${opText(p.op)}`}</dd>
        <dt>sent</dt>
        <dd>{p === null ? '—' : `${p.attempts} ${p.attempts === 1 ? 'time' : 'times'}, the latest to ${p.target}`}</dd>
        <dt>queued</dt>
        <dd>{client.queued === 0 ? 'nothing' : `${client.queued} more, sent one at a time`}</dd>
        <dt>believes leader is</dt>
        <dd>{client.leaderGuess ?? '— (tries the nodes in turn, from n1)'}</dd>
        <dt>retries</dt>
        <dd>{client.timer ? `at ${client.timer.at} ms unless answered (sent at ${client.timer.setAt} ms)` : '—'}</dd>
      </dl>
      <p className="muted">
        A client has one request outstanding at a time (§8). Unanswered, it sends the same request again, same serial, to its next guess; the
        leader's session table makes sure it is applied once (thesis §6.3).
      </p>
      <form className="client-form" onSubmit={submit} aria-label={`Give ${id} an operation`}>
        <select data-testid="client-op" value={kind} onChange={(e) => setKind(e.target.value as OpKind)} aria-label="Operation">
          <option value="put">put</option>
          <option value="append">append</option>
          <option value="get">get</option>
        </select>
        <input data-testid="client-key" value={key} onChange={(e) => setKey(e.target.value)} aria-label="Key" size={4} />
        {valueNeeded && <input data-testid="client-value" value={value} onChange={(e) => setValue(e.target.value)} aria-label="Value" size={4} />}
        <button type="submit" data-testid="client-send" aria-disabled={problem !== null} title={problem ?? `${id} sends it, or queues it behind its request`}>
          Send
        </button>
        {problem !== null && (
          <span className="client-form-problem" role="alert">
            {problem}
          </span>
        )}
      </form>
    </div>
  );
}
