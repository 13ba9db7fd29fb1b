/**
 * Log compaction (§7): taking a snapshot, sending it to a follower that needs
 * what was compacted (InstallSnapshot, Figure 13), and installing it.
 *
 * Invariants:
 * - a node snapshots only what it has applied, so a snapshot covers committed
 *   entries only, and holds the state machine as of its index: the map and the
 *   session table (thesis §6.3), or retries after it would be applied twice;
 * - a node's log starts at its snapshot's index (`log.start === snapshot.index`);
 * - a node's snapshot index never goes backwards, crashes included, and its
 *   lastApplied is never below it.
 */
import type { FollowerNode, InstallSnapshot, LeaderNode, NodeId, Snapshot, StateMachine, UpNode } from '../types.ts';
import type { Effects } from './effects.ts';
import type { StepContext } from './context.ts';
import { compacted, lastIndex, logAfter, termAt } from './log.ts';
import { snapshotSent, withPeer } from './progress.ts';
import { configAt } from './membership.ts';

/** What asked for a snapshot: the `snapshot=` threshold, or a `snapshot <node>` command. */
export type SnapshotCause = 'threshold' | 'command';

/**
 * Snapshot the state machine as it stands, at lastApplied (§7), and drop the
 * log up to it. Nothing past lastApplied is ever compacted: those entries may
 * not be committed, and the state machine has not seen them.
 */
export function takeSnapshot(node: UpNode, cause: SnapshotCause, ctx: StepContext, fx: Effects): UpNode {
  const m = node.volatile.machine;
  const p = node.persistent;
  const index = m.lastApplied;
  const before = p.snapshot?.index ?? 0;
  if (index <= before) {
    fx.records.push({ type: 'snapshotSkipped', node: node.id, index, snapshotIndex: before });
    return node;
  }
  const term = termAt(p.log, index)!;
  // With unsafe=snapshot-no-sessions the table is left out: a retry answered from it
  // before the snapshot is applied a second time after a restart or an install.
  const machine: StateMachine = ctx.unsafe['snapshot-no-sessions'] ? { lastApplied: m.lastApplied, data: m.data, sessions: {} } : m;
  // The configuration as of the snapshot's index (§7), both halves of a joint one: a later entry may have changed it since.
  const snapshot: Snapshot = { index, term, machine, config: configAt(p, index, ctx.bootstrap) };
  fx.records.push({ type: 'snapshotTaken', node: node.id, index, term, dropped: index - p.log.start, cause, keys: Object.keys(m.data).length });
  return {
    id: node.id,
    persistent: { currentTerm: p.currentTerm, votedFor: p.votedFor, log: compacted(p.log, index), snapshot, config: p.config },
    volatile: node.volatile,
  };
}

/** The threshold (`snapshot=<n>`): snapshot once n entries have been applied past the last snapshot. */
export function maybeSnapshot(node: UpNode, ctx: StepContext, fx: Effects): UpNode {
  const every = ctx.options.snapshot;
  if (every === null) return node;
  const since = node.volatile.machine.lastApplied - (node.persistent.snapshot?.index ?? 0);
  return since >= every ? takeSnapshot(node, 'threshold', ctx, fx) : node;
}

/**
 * The leader cannot send `peer` the entry before its nextIndex: it was compacted.
 * It sends its snapshot instead (Figure 13), and stops sending AppendEntries to
 * this follower until it answers (Snapshot state).
 */
export function sendSnapshot(node: LeaderNode, peer: NodeId, ctx: StepContext, fx: Effects): LeaderNode {
  const snap = node.persistent.snapshot!;
  const p = node.volatile.progress[peer];
  fx.records.push({ type: 'snapshotSent', node: node.id, peer, index: snap.index, term: snap.term, next: p.next, retry: p.state === 'snapshot' });
  fx.outbox.push({
    type: 'InstallSnapshot',
    from: node.id,
    to: peer,
    term: node.persistent.currentTerm,
    lastIncludedIndex: snap.index,
    lastIncludedTerm: snap.term,
    offset: 0,
    data: { machine: snap.machine, config: snap.config },
    done: true,
    round: ctx.now,
  });
  const v = node.volatile;
  return {
    id: node.id,
    persistent: node.persistent,
    volatile: { ...v, progress: withPeer(v.progress, peer, snapshotSent(p, snap.index, ctx.now)) },
  };
}

/**
 * Figure 13, receiver: the caller has made `node` a follower of the sender, whose
 * term is ours. Installing resets the election timer, like any word from the leader.
 * 1. A snapshot no newer than what this node has applied is ignored: installing
 *    it would take the state machine back.
 * 6. If the log holds the snapshot's last included entry (same index and term),
 *    the entries after it are kept.
 * 7-8. Otherwise the whole log is discarded, and the state machine is reset from the snapshot.
 * Either way the snapshot replaces the node's own (5).
 */
export function onInstallSnapshot(node: FollowerNode, m: InstallSnapshot, ctx: StepContext, fx: Effects): FollowerNode {
  fx.election = 'reset';
  const v = node.volatile;
  const p = node.persistent;
  const index = m.lastIncludedIndex;
  const answer = (matchIndex: number): void => {
    fx.outbox.push({ type: 'InstallSnapshotResponse', from: node.id, to: m.from, term: p.currentTerm, matchIndex, round: m.round });
  };
  const following = (persistent: FollowerNode['persistent'], commitIndex: number, machine: StateMachine): FollowerNode => ({
    id: node.id,
    persistent,
    volatile: { role: 'follower', commitIndex, leader: m.from, leaderHeardAt: ctx.now, restartedAt: v.restartedAt, machine },
  });
  if (index <= v.machine.lastApplied) {
    fx.records.push({ type: 'snapshotIgnored', node: node.id, leader: m.from, index, lastApplied: v.machine.lastApplied });
    // Everything this node has committed matches the leader's log (§5.4), so the leader may go on from its commitIndex.
    answer(Math.max(index, v.commitIndex));
    return following(p, v.commitIndex, v.machine);
  }
  const snapshot: Snapshot = { index, term: m.lastIncludedTerm, machine: m.data.machine, config: m.data.config };
  const keeps = termAt(p.log, index) === m.lastIncludedTerm && index >= p.log.start;
  const log = keeps ? compacted(p.log, index) : logAfter(index, m.lastIncludedTerm);
  fx.records.push({
    type: 'snapshotInstalled',
    node: node.id,
    leader: m.from,
    index,
    term: m.lastIncludedTerm,
    keptLog: keeps,
    kept: keeps ? lastIndex(log) - index : 0,
    discarded: keeps ? 0 : Math.max(0, lastIndex(p.log) - p.log.start),
    lastApplied: v.machine.lastApplied,
  });
  answer(index);
  // The snapshot's entries are committed; entries kept after it are not known to be yet.
  // The configuration is the latest in the log kept after the snapshot, or else the snapshot's (§6, §7).
  const config = keeps && p.config !== null && p.config.index > index ? p.config : { config: m.data.config, index };
  return following({ currentTerm: p.currentTerm, votedFor: p.votedFor, log, snapshot, config }, Math.max(index, keeps ? v.commitIndex : 0), m.data.machine);
}
