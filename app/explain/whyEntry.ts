/**
 * A log entry in plain words: which nodes store it, whether it is committed, and
 * why or why not. The puzzling cases get their rule: on a majority yet not
 * committed because it is from an older term (§5.4.2, Figure 8), and an
 * uncommitted entry a leader will overwrite (§5.3).
 */
import type { LogEntry, NodeId } from '../../engine/types.ts';
import { entryAt, lastIndex, sameEntry } from '../../engine/raft/log.ts';
import { entryText } from '../../engine/raft/entry.ts';
import { majority } from '../../engine/raft/quorum.ts';
import { violationMarks } from '../safety/violationMarks.ts';
import { cite } from './cite.ts';
import type { WhyWorld } from './whyWorld.ts';

export function whyEntry(w: WhyWorld, node: NodeId, index: number): string | null {
  const log = w.logs[node];
  const entry = log === undefined ? undefined : entryAt(log, index);
  const view = w.nodes[node];
  if (entry === undefined || view === undefined) return null;
  const holders = w.ids.filter((id) => {
    const l = w.logs[id];
    const e = l === undefined ? undefined : entryAt(l, index);
    return e !== undefined && sameEntry(e, entry);
  });
  // A node whose snapshot covers this index applied it: its log no longer lists
  // it, but the entry is committed there (§7), and counts as stored.
  const compacted = w.ids.filter((id) => id !== node && (w.logs[id]?.start ?? 0) >= index);
  const what = entry.kind === 'noop' ? "a leader's no-op" : entry.kind === 'raw' ? `value ${entryText(entry)}` : `command ${entryText(entry)}`;
  const parts = [`Index ${index}, term ${entry.term}, ${what}, on ${holders.join(', ')} (${holders.length} of ${w.ids.length} nodes).`];
  if (compacted.length > 0) {
    parts.push(`${compacted.join(', ')} already compacted it into ${compacted.length === 1 ? 'a snapshot' : 'snapshots'} ${cite('snapshot')}.`);
  }
  if (view.role === 'down') parts.push(`${node} is down but kept it: the log is persistent state ${cite('persistent-state')}.`);
  parts.push(status(w, node, index, entry, holders.length + compacted.length));
  if (entry.kind === 'noop') parts.push(`A new leader appends a no-op of its term so that the entries before it can be committed ${cite('leader-noop')}.`);
  if (violationMarks(w.violations).entries[node]?.includes(index)) parts.push('It is involved in a safety violation (see the Safety panel).');
  return parts.join(' ');
}

/** Committed or not, and why. */
function status(w: WhyWorld, node: NodeId, index: number, entry: LogEntry, replicas: number): string {
  const view = w.nodes[node]!;
  const needed = majority(w.ids.length);
  const leaderId = w.leader;
  const leader = leaderId === null ? undefined : w.nodes[leaderId];
  const leaderLog = leaderId === null ? undefined : w.logs[leaderId];

  if (view.role !== 'down' && index <= view.commitIndex) {
    return node === leaderId
      ? `Committed: ${node} counted it on a majority, so it can never be lost or changed ${cite('commit-majority')}.`
      : `Committed: the leader told ${node} so in leaderCommit ${cite('learn-commit')}, and a committed entry is never lost or changed.`;
  }
  if (leader === undefined || leaderId === null || leaderLog === undefined) {
    return replicas >= needed
      ? `Not committed as far as ${node} knows, although a majority stores it: no leader has counted it. ` +
          `A future leader commits it only along with an entry of its own term ${cite('current-term-only')}.`
      : `Not committed: a majority (${needed}) must store it ${cite('commit-majority')}.`;
  }
  const leaders = entryAt(leaderLog, index);
  if (node !== leaderId && leaders === undefined && index > leaderLog.start) {
    return `Not committed, and ${leaderId}'s log ends at ${lastIndex(leaderLog)}: this extra entry will be overwritten if ${leaderId} sends a different one for index ${index} ${cite('delete-conflicts')}.`;
  }
  if (node !== leaderId && leaders !== undefined && !sameEntry(leaders, entry)) {
    return (
      `Not committed, and it conflicts with ${leaderId}'s entry at index ${index} (term ${leaders.term}): ` +
      `${node} will delete it, and every entry after it, when ${leaderId} repairs its log ${cite('delete-conflicts')}.`
    );
  }
  if (index <= leader.commitIndex) {
    return view.role === 'down'
      ? `Committed by leader ${leaderId}; ${node} learns so after it restarts ${cite('learn-commit')}.`
      : `Committed by leader ${leaderId}; ${node} learns so from leaderCommit in its next AppendEntries ${cite('learn-commit')}.`;
  }
  if (replicas >= needed && entry.term < leader.term) {
    return (
      `Not committed, although a majority stores it: it is from term ${entry.term}, and leader ${leaderId} (term ${leader.term}) commits by counting only entries of its own term. ` +
      `It is committed along with the first entry of term ${leader.term} to reach a majority ${cite('current-term-only')}.`
    );
  }
  if (replicas >= needed) return `Not committed yet: a majority stores it, and ${leaderId} commits it as soon as it hears so ${cite('commit-majority')}.`;
  return `Not committed: a majority (${needed}) must store it ${cite('commit-majority')}.`;
}
