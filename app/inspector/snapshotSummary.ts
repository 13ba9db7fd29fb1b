/** A snapshot's state (§7) in one line, for the inspectors: the InstallSnapshot's data field, a node's snapshot. */
import type { StateMachine } from '../../engine/types.ts';

/** Beyond this many keys or clients, the data field names the first few and counts the rest. */
const LISTED = 5;

/** The snapshot's state in one line: the map's keys and the session table's clients (thesis §6.3). */
export function dataSummary(machine: StateMachine): string {
  const list = (items: readonly string[]): string => items.slice(0, LISTED).join(', ') + (items.length > LISTED ? `, +${items.length - LISTED} more` : '');
  const keys = Object.keys(machine.data).sort();
  const clients = Object.keys(machine.sessions).sort();
  const keyPart = keys.length === 0 ? 'no keys' : `${keys.length} ${keys.length === 1 ? 'key' : 'keys'} (${list(keys)})`;
  const sessionPart =
    clients.length === 0 ? 'no sessions' : `${clients.length} ${clients.length === 1 ? 'session' : 'sessions'} (${list(clients.map((c) => `${c} #${machine.sessions[c].serial}`))})`;
  return `state machine up to ${machine.lastApplied}: ${keyPart}; ${sessionPart}`;
}
