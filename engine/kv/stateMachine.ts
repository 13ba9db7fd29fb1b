/**
 * The replicated state machine: a key-value map (Porcupine's KV model) and the
 * client session table (thesis §6.3), applied to in log order.
 *
 * It is volatile, like `lastApplied` in Figure 2: a crash loses it, and a
 * restarted node rebuilds it by applying the committed entries again. Applying
 * is a pure function of the machine and the entry, so every node that applies
 * the same committed prefix holds the same machine (State Machine Safety).
 *
 * Invariant: machines are never mutated; `apply` returns a new one, sharing the
 * map or the session table when the entry leaves it unchanged.
 */
import type { ClientId, KvOp, LogEntry, StateMachine } from '../types.ts';

export type { Session, StateMachine } from '../types.ts';

export const emptyMachine = (): StateMachine => ({ lastApplied: 0, data: {}, sessions: {} });

/** What applying one entry did. */
export interface Applied {
  readonly machine: StateMachine;
  /**
   * For a client command: the reply its client is owed. `duplicate` when the
   * session table showed the command was applied before, so it was not applied
   * again and the reply is the one remembered (thesis §6.3).
   */
  readonly reply: { readonly client: ClientId; readonly serial: number; readonly result: string; readonly duplicate: boolean } | null;
}

/** The result of `op` on `data`: a get's value ("" when unset); "" for a write. */
export const readResult = (data: Readonly<Record<string, string>>, key: string): string => data[key] ?? '';

/**
 * `record` with `key` set to `value`, as a new object. (Copied by `for...in`, the
 * cheapest copy of a small record in V8: every node applies every write, so this
 * runs once per node per committed command.)
 */
function withKey<T>(record: Readonly<Record<string, T>>, key: string, value: T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k in record) out[k] = record[k];
  out[key] = value;
  return out;
}

function write(data: Readonly<Record<string, string>>, op: KvOp): Readonly<Record<string, string>> {
  if (op.kind === 'get') return data;
  const value = op.kind === 'put' ? op.value : readResult(data, op.key) + op.value;
  return withKey(data, op.key, value);
}

/**
 * Apply the entry at `lastApplied + 1`. With `sessions` off (`unsafe=no-sessions`)
 * every command takes effect however often it was retried.
 */
export function apply(m: StateMachine, e: LogEntry, sessions: boolean): Applied {
  const lastApplied = m.lastApplied + 1;
  if (e.kind !== 'command') return { machine: { lastApplied, data: m.data, sessions: m.sessions }, reply: null };
  const seen = m.sessions[e.client];
  if (sessions && seen !== undefined && e.serial <= seen.serial) {
    // A retry of a request already applied: not applied again, and the client gets
    // the reply it was owed. (An older serial is a retry its client stopped waiting
    // for when it got that reply: a client has one request outstanding, §6.3.)
    const machine = { lastApplied, data: m.data, sessions: m.sessions };
    if (e.serial < seen.serial) return { machine, reply: null };
    return { machine, reply: { client: e.client, serial: e.serial, result: seen.result, duplicate: true } };
  }
  const result = e.op.kind === 'get' ? readResult(m.data, e.op.key) : '';
  const data = write(m.data, e.op);
  const table = sessions ? withKey(m.sessions, e.client, { serial: e.serial, result }) : m.sessions;
  return { machine: { lastApplied, data, sessions: table }, reply: { client: e.client, serial: e.serial, result, duplicate: false } };
}
