/**
 * One line of plain words per happening at a node, for the event line of the
 * ShiViz log. It starts with when it happened, `[154ms #15]` (simulated time and
 * event number, as in the runner's --trace and the app), then:
 *
 * - a receive: what arrived, then the explanation of every record it caused;
 * - a local happening: the explanation of every record it caused (or what fired,
 *   if it caused none);
 * - a send: what was sent, with its payload in brief, then its fate, known
 *   because the log is written after the run: delivered, lost and why, or still
 *   in flight at the end.
 *
 * Invariant: the result is one line (ShiViz's event group matches up to the end of a line).
 */
import type { EventRecord, LossReason } from '../events.ts';
import { describe } from '../describe.ts';
import { plural } from '../explain/explanation.ts';
import type { Message } from '../types.ts';
import type { LocalCause } from '../sim/causality.ts';
import type { NodeEvent } from './runLog.ts';
import { opText } from '../raft/entry.ts';
import { linkKey } from '../sim/cluster.ts';

/** What became of a message. */
export type Fate =
  | { readonly kind: 'delivered'; readonly event: number; readonly time: number }
  | { readonly kind: 'lost'; readonly event: number; readonly time: number; readonly why: LossReason }
  | { readonly kind: 'in-flight' };

const when = (time: number, event: number): string => `[${time}ms #${event}]`;

/** `records`: those of this happening's event (a send takes none); `fate`: for a send. */
export function nodeEventText(e: NodeEvent, records: readonly EventRecord[], fate: Fate): string {
  const parts = [when(e.time, e.event)];
  if (e.kind === 'send') parts.push(`${e.node} sent ${e.message.type} m${e.message.id} to ${e.message.to}: ${payload(e.message)}.`, fateText(e.message, fate));
  else if (e.kind === 'receive') parts.push(`${e.node} received ${e.message.type} m${e.message.id} from ${e.message.from} (term ${e.message.term}).`);
  else if (records.length === 0) parts.push(LOCAL[e.cause](e.node));
  for (const r of records) parts.push(describe(r));
  return parts.join(' ').replace(/[\r\n]+/g, ' ');
}

const LOCAL: Record<LocalCause, (node: string) => string> = {
  'election-timer': (n) => `${n}'s election timer fired.`,
  'heartbeat-timer': (n) => `${n}'s heartbeat timer fired.`,
  campaign: (n) => `${n} was told to campaign.`,
  propose: (n) => `${n} received a client request.`,
  snapshot: (n) => `${n} was told to snapshot.`,
  change: (n) => `${n} was asked for a membership change.`,
  transfer: (n) => `${n} was asked to hand its leadership over.`,
  crash: (n) => `${n} crashed.`,
  restart: (n) => `${n} restarted.`,
  'client-timer': (c) => `${c}'s request timed out.`,
  'client-issue': (c) => `${c} was given an operation.`,
};

/** A message's content in brief. */
function payload(m: Message): string {
  switch (m.type) {
    case 'RequestVote':
      return (
        `${m.preVote ? 'pre-vote for ' : ''}term ${m.term}, last log entry ${m.lastLogIndex === 0 ? 'none' : `${m.lastLogIndex} (term ${m.lastLogTerm})`}` +
        (m.transfer ? ', a leadership transfer' : '')
      );
    case 'RequestVoteResponse':
      return `${m.preVote ? 'pre-vote for ' : ''}term ${m.term}, ${m.granted ? 'granted' : 'refused'}`;
    case 'AppendEntries':
      return `term ${m.term}, ${m.entries.length === 0 ? 'no entries (a heartbeat)' : plural(m.entries.length, 'entry', 'entries')} after index ${m.prevLogIndex} (term ${m.prevLogTerm}), leaderCommit ${m.leaderCommit}`;
    case 'AppendEntriesResponse':
      return m.success
        ? `term ${m.term}, success, matches up to ${m.matchIndex}`
        : `term ${m.term}, rejected at index ${m.rejectedIndex}, hint ${m.hintIndex} (term ${m.hintTerm})`;
    case 'ClientRequest':
      return `${m.from}#${m.serial} ${opText(m.op)}`;
    case 'ClientReply':
      return `${m.to}#${m.serial} done${m.result === '' ? '' : `: ${JSON.stringify(m.result)}`}`;
    case 'NotLeader':
      return `${m.to}#${m.serial}: not the leader${m.leaderHint === null ? '' : `, try ${m.leaderHint}`}`;
    case 'InstallSnapshot':
      return `term ${m.term}, snapshot up to index ${m.lastIncludedIndex} (term ${m.lastIncludedTerm}), ${plural(Object.keys(m.data.machine.data).length, 'key', 'keys')}`;
    case 'InstallSnapshotResponse':
      return `term ${m.term}, matches up to ${m.matchIndex}`;
    case 'TimeoutNow':
      return `term ${m.term}, campaign now (leadership transfer)`;
  }
}

function fateText(m: Message, f: Fate): string {
  switch (f.kind) {
    case 'delivered':
      return `Delivered ${when(f.time, f.event)}.`;
    case 'in-flight':
      return 'Still in flight when the run ended.';
    case 'lost':
      return `Lost ${when(f.time, f.event)}: ${f.why === 'link-cut' ? `the link ${linkKey(m.from, m.to)} was cut` : f.why === 'receiver-down' ? `${m.to} was down` : 'dropped'}.`;
  }
}
