/**
 * A log entry in plain words: which nodes store it, whether it is committed, and
 * why or why not. The puzzling cases get their rule: on a majority yet not
 * committed because it is from an older term (§5.4.2, Figure 8), and an
 * uncommitted entry a leader will overwrite (§5.3).
 */
import type { LogEntry, Membership, NodeId } from '../../engine/types.ts';
import { entryAt, lastIndex, sameEntry } from '../../engine/raft/log.ts';
import { entryText } from '../../engine/raft/entry.ts';
import { committedIndex, majority } from '../../engine/raft/quorum.ts';
import { configText } from '../../engine/raft/configs.ts';
import { nodeConfig } from './nodeConfig.ts';
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
  const what =
    entry.kind === 'noop' ? "a leader's no-op"
    : entry.kind === 'raw' ? `value ${entryText(entry)}`
    : entry.kind === 'config' ? `${entry.config.outgoing.length > 0 ? 'the joint configuration' : 'configuration'} ${configText(entry.config)}`
    : `command ${entryText(entry)}`;
  const parts = [`Index ${index}, term ${entry.term}, ${what}, on ${holders.join(', ')} (${holders.length} of ${w.ids.length} nodes).`];
  if (compacted.length > 0) {
    parts.push(`${compacted.join(', ')} already compacted it into ${compacted.length === 1 ? 'a snapshot' : 'snapshots'} ${cite('snapshot')}.`);
  }
  if (view.role === 'down') parts.push(`${node} is down but kept it: the log is persistent state ${cite('persistent-state')}.`);
  // Commitment counts the voters of the configuration in force (§6): the leader's, or else this node's.
  const config = nodeConfig(w, w.leader ?? node);
  const stored = new Set([...holders, ...compacted]);
  const quorum: Quorum = {
    reached: committedIndex(config, (id) => (stored.has(id) ? 1 : 0)) >= 1,
    words: config.outgoing.length > 0 ? `a majority of ${config.outgoing.join(',')} and a majority of ${config.voters.join(',')}` : `a majority (${majority(config.voters.length)})`,
  };
  parts.push(status(w, node, index, entry, quorum));
  if (entry.kind === 'config') parts.push(configWords(entry.config));
  if (entry.kind === 'noop') parts.push(`A new leader appends a no-op of its term so that the entries before it can be committed ${cite('leader-noop')}.`);
  if (violationMarks(w.violations).entries[node]?.includes(index)) parts.push('It is involved in a safety violation (see the Safety panel).');
  return parts.join(' ');
}

/** What a configuration entry does (§6, thesis chapter 4), in a sentence or two. */
function configWords(c: Membership): string {
  const uses = `Every server that stores it uses it from that moment, committed or not ${cite('latest-config')}.`;
  if (c.outgoing.length > 0) {
    return `${uses} While it is in force, every election and every commitment needs a majority of the old voters, ${c.outgoing.join(',')}, and a majority of the new, ${c.voters.join(',')}; once it has committed, the leader appends the new configuration alone ${cite('joint-consensus')}.`;
  }
  if (c.learners.length > 0) return `${uses} ${c.learners.join(', ')} ${c.learners.length === 1 ? 'is a learner' : 'are learners'}: receiving entries to catch up, not yet voting ${cite('learners')}.`;
  return uses;
}

/** Whether the voters that store an entry make a quorum of the configuration in force, and what that quorum is, in words. */
interface Quorum {
  readonly reached: boolean;
  readonly words: string;
}

/** Committed or not, and why. */
function status(w: WhyWorld, node: NodeId, index: number, entry: LogEntry, quorum: Quorum): string {
  const view = w.nodes[node]!;
  const leaderId = w.leader;
  const leader = leaderId === null ? undefined : w.nodes[leaderId];
  const leaderLog = leaderId === null ? undefined : w.logs[leaderId];

  if (view.role !== 'down' && index <= view.commitIndex) {
    return node === leaderId
      ? `Committed: ${node} counted it on a majority, so it can never be lost or changed ${cite('commit-majority')}.`
      : `Committed: the leader told ${node} so in leaderCommit ${cite('learn-commit')}, and a committed entry is never lost or changed.`;
  }
  if (leader === undefined || leaderId === null || leaderLog === undefined) {
    return quorum.reached
      ? `Not committed as far as ${node} knows, although a majority stores it: no leader has counted it. ` +
          `A future leader commits it only along with an entry of its own term ${cite('current-term-only')}.`
      : `Not committed: ${quorum.words} must store it ${cite('commit-majority')}.`;
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
  if (quorum.reached && entry.term < leader.term) {
    return (
      `Not committed, although a majority stores it: it is from term ${entry.term}, and leader ${leaderId} (term ${leader.term}) commits by counting only entries of its own term. ` +
      `It is committed along with the first entry of term ${leader.term} to reach a majority ${cite('current-term-only')}.`
    );
  }
  if (quorum.reached) return `Not committed yet: a majority stores it, and ${leaderId} commits it as soon as it hears so ${cite('commit-majority')}.`;
  return `Not committed: ${quorum.words} must store it ${cite('commit-majority')}.`;
}
