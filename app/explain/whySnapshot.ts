/**
 * A node's snapshot in plain words (§7, Figure 12): which indexes it replaced,
 * the term it keeps for the consistency check, and the state it holds, the
 * key-value map and the session table, or a summary of them when they are large.
 */
import type { NodeId, StateMachine } from '../../engine/types.ts';
import { plural } from '../../engine/explain/explanation.ts';
import { cite } from './cite.ts';
import type { WhyWorld } from './whyWorld.ts';

/** Beyond this many keys or sessions, the words name the first few and count the rest. */
export const SHOWN_ITEMS = 6;

export function whySnapshot(w: WhyWorld, node: NodeId): string | null {
  const s = w.snapshots[node];
  if (s === null || s === undefined) return null;
  return (
    `${node}'s snapshot: entries 1–${s.index} were applied to its state machine and then compacted into this snapshot, ` +
    `so its log now holds only the entries after ${s.index}. It keeps the last included index ${s.index} and its term ${s.term}, ` +
    `so the consistency check of AppendEntries still works at the log's new start ${cite('snapshot')}. ` +
    `It holds ${stateWords(s.machine)} A follower that needs an entry the leader compacted gets it as InstallSnapshot ${cite('install-snapshot')}.`
  );
}

/** A value as the words quote it, cut short when long. */
const short = (v: string): string => JSON.stringify(v.length > 24 ? `${v.slice(0, 23)}…` : v);

/** The map and the sessions, listed when short, summarized when long. */
export function stateWords(m: StateMachine): string {
  const keys = Object.keys(m.data).sort();
  const clients = Object.keys(m.sessions).sort();
  const listed = <T,>(items: readonly T[], say: (x: T) => string): string =>
    items.slice(0, SHOWN_ITEMS).map(say).join(', ') + (items.length > SHOWN_ITEMS ? `, and ${items.length - SHOWN_ITEMS} more` : '');
  const map =
    keys.length === 0 ? 'an empty key-value map' : `the key-value map (${plural(keys.length, 'key', 'keys')}: ${listed(keys, (k) => `${k}=${short(m.data[k])}`)})`;
  const sessions =
    clients.length === 0
      ? 'no sessions'
      : `the session table (${plural(clients.length, 'client', 'clients')}: ${listed(clients, (c) => `${c} last applied #${m.sessions[c].serial}`)})`;
  return `${map} and ${sessions}.`;
}
