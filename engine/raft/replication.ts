/**
 * The leader's side of log replication (§5.3) and commitment (§5.4.2).
 *
 * Flow control is deliberately simple and visible: each follower has at most one
 * AppendEntries outstanding (`inflight`), except that every heartbeat sends one
 * regardless, which doubles as the retry for anything the network lost.
 */
import type { AppendEntriesResponse, InstallSnapshotResponse, LeaderNode, LogEntry, Membership, NodeId, PersistentState, Progress } from '../types.ts';
import { rawEntry } from './entry.ts';
import type { Effects } from './effects.ts';
import type { StepContext } from './context.ts';
import { appended, entriesFrom, findConflictByTerm, lastIndex, termAt } from './log.ts';
import { committedIndex, voterIds } from './quorum.ts';
import { configOf } from './membership.ts';
import { serversOf } from './configs.ts';
import { acknowledged, heardFrom, initialProgress, probeFrom, refused, sending, snapshotDone, withPeer } from './progress.ts';
import { sendSnapshot } from './snapshot.ts';

/**
 * A leader node with the given parts. (Built field by field: a leader changes on
 * every acknowledgement, and a fixed-shape literal is much cheaper than a spread.)
 */
export const leaderNode = (
  node: LeaderNode,
  persistent: PersistentState,
  commitIndex: number,
  progress: Readonly<Record<NodeId, Progress>>,
): LeaderNode => {
  const v = node.volatile;
  return {
    id: node.id,
    persistent,
    volatile: { role: 'leader', commitIndex, leader: node.id, machine: v.machine, progress, reads: v.reads, change: v.change, transfer: v.transfer, leaseRevoked: v.leaseRevoked },
  };
};

function withProgress(node: LeaderNode, peer: NodeId, p: Progress): LeaderNode {
  const v = node.volatile;
  return leaderNode(node, node.persistent, v.commitIndex, withPeer(v.progress, peer, p));
}

/**
 * Send `peer` the entries from its nextIndex on (at most `batch`), with the
 * consistency check fields. If the entry before them was compacted, its term is
 * unknown and the check cannot be made: the follower gets the snapshot instead
 * (§7), and nothing but heartbeats until it answers.
 *
 * Except for a follower that was streaming entries (Replicate): nextIndex moves
 * only when an answer comes back, so one whose acknowledgement is still on its
 * way looks behind a leader that has just compacted. It is probed at the log's
 * start first, the last index whose term is known, and sent the snapshot only
 * if it refuses.
 */
export function sendAppend(leader: LeaderNode, peer: NodeId, ctx: StepContext, fx: Effects): LeaderNode {
  let node = leader;
  let p = node.volatile.progress[peer];
  const log = node.persistent.log;
  if (p.next - 1 < log.start && p.state === 'replicate') {
    p = probeFrom(p, log.start + 1);
    node = withProgress(node, peer, p);
  }
  const prevLogIndex = p.next - 1;
  if (p.state === 'snapshot') {
    // A snapshot is large: it is sent again only when no answer came within an
    // election timeout (lost, or the follower is down), not with every heartbeat.
    if (ctx.now - p.sent >= ctx.minElectionTimeout) return sendSnapshot(node, peer, ctx, fx);
    // Meanwhile the follower still hears from its leader, or it would time out and
    // depose it (etcd heartbeats followers in StateSnapshot too): an empty
    // AppendEntries at the log's start, the one index below which nothing is known.
    // A follower that installed the snapshot accepts it, and that answer ends the
    // wait as the snapshot's own would (etcd: snapshot_succeed_via_app_resp).
    pushAppend(node, peer, log.start, [], ctx, fx);
    return node;
  }
  if (prevLogIndex < log.start) return sendSnapshot(node, peer, ctx, fx);
  pushAppend(node, peer, prevLogIndex, entriesFrom(log, p.next, ctx.options.batch), ctx, fx);
  const q = sending(p, ctx.now);
  return q === p ? node : withProgress(node, peer, q);
}

/** Put an AppendEntries to `peer` in the outbox: `entries` after `prevLogIndex`, whose term the leader knows. */
function pushAppend(node: LeaderNode, peer: NodeId, prevLogIndex: number, entries: readonly LogEntry[], ctx: StepContext, fx: Effects): void {
  fx.outbox.push({
    type: 'AppendEntries',
    from: node.id,
    to: peer,
    term: node.persistent.currentTerm,
    prevLogIndex,
    prevLogTerm: termAt(node.persistent.log, prevLogIndex)!,
    entries,
    leaderCommit: node.volatile.commitIndex,
    round: ctx.now,
  });
}

/** Send to every server the leader replicates to: the other servers of its configuration (its progress table). */
export function broadcastAppend(node: LeaderNode, ctx: StepContext, fx: Effects): LeaderNode {
  let n = node;
  for (const peer in node.volatile.progress) n = sendAppend(n, peer, ctx, fx);
  return n;
}

/** Figure 2, Leaders: heartbeats prevent election timeouts and retry anything lost. */
export function onHeartbeat(node: LeaderNode, ctx: StepContext, fx: Effects): LeaderNode {
  fx.records.push({ type: 'heartbeat', node: node.id, term: node.persistent.currentTerm });
  fx.heartbeat = 'reset';
  return broadcastAppend(node, ctx, fx);
}

/** A raw value reaches the leader (`propose`): append it, then replicate it. */
export function propose(node: LeaderNode, value: string, ctx: StepContext, fx: Effects): LeaderNode {
  const term = node.persistent.currentTerm;
  fx.records.push({ type: 'proposed', node: node.id, value, index: lastIndex(node.persistent.log) + 1, term });
  return appendEntry(node, rawEntry(term, value), ctx, fx);
}

/**
 * Append `entry` to the leader's log, then replicate to every follower not
 * already waiting, and commit if a majority has it (one node). A configuration
 * entry takes effect at once (§6): the leader replicates to its servers from now on.
 */
export function appendEntry(node: LeaderNode, entry: LogEntry, ctx: StepContext, fx: Effects): LeaderNode {
  const p = node.persistent;
  const log = appended(p.log, [entry]);
  let config = p.config;
  let progress = node.volatile.progress;
  if (entry.kind === 'config') {
    config = { config: entry.config, index: lastIndex(log) };
    progress = progressFor(progress, entry.config, node.id, lastIndex(log));
  }
  let n = leaderNode(node, { currentTerm: p.currentTerm, votedFor: p.votedFor, log, snapshot: p.snapshot, config }, node.volatile.commitIndex, progress);
  for (const peer in progress) if (!n.volatile.progress[peer].inflight) n = sendAppend(n, peer, ctx, fx);
  return maybeCommit(n, ctx, fx);
}

/**
 * The progress table for configuration `c`: servers that stay keep theirs, a
 * server new to the leader starts probing at `next` (it may hold nothing yet),
 * and a server no longer in `c` is no longer replicated to.
 */
function progressFor(table: Readonly<Record<NodeId, Progress>>, c: Membership, self: NodeId, next: number): Record<NodeId, Progress> {
  const out: Record<NodeId, Progress> = {};
  for (const id of serversOf(c)) if (id !== self) out[id] = table[id] ?? initialProgress(next);
  return out;
}

/**
 * §5.3 and §5.4.2: commit the highest index stored on a majority, but only if that
 * entry is from the leader's current term. Earlier entries then commit with it
 * (Log Matching). Counting replicas of an older term's entry is unsafe: Figure 8.
 */
export function maybeCommit(node: LeaderNode, ctx: StepContext, fx: Effects): LeaderNode {
  const v = node.volatile;
  const log = node.persistent.log;
  const self = node.id;
  const last = lastIndex(log);
  const progress = v.progress;
  // The leader stores its whole log; a follower, up to its matchIndex. A voter the
  // leader tracks no progress for has acknowledged nothing.
  const stored = (id: NodeId): number | undefined => (id === self ? last : progress[id]?.match);
  // Nothing past the leader's own log can commit (this also bounds COMMIT_ANY, an empty configuration's answer).
  const config = configOf(node, ctx);
  const committed = committedIndex(config, stored);
  const n = committed < last ? committed : last;
  if (n <= v.commitIndex) return node;
  const term = termAt(log, n)!;
  const currentTerm = node.persistent.currentTerm;
  if (term !== currentTerm && !ctx.unsafe['commit-old-terms']) {
    const voters = voterIds(config);
    let replicas = 0;
    for (const id of voters) if ((stored(id) ?? 0) >= n) replicas++;
    fx.records.push({
      type: 'commitDeferred',
      node: node.id,
      index: n,
      entryTerm: term,
      currentTerm,
      replicas,
      clusterSize: voters.length,
    });
    return node;
  }
  fx.records.push({ type: 'commitAdvanced', node: node.id, from: v.commitIndex, to: n, by: term === currentTerm ? 'majority' : 'old-term-majority' });
  return leaderNode(node, node.persistent, n, v.progress);
}

/** The leader hears back from a follower (same term: higher terms were handled by the caller). */
export function onAppendResponse(node: LeaderNode, m: AppendEntriesResponse, ctx: StepContext, fx: Effects): LeaderNode {
  const heard = node.volatile.progress[m.from];
  if (heard === undefined) return node;
  // Any answer shows the follower is reachable and follows this leader as of the round it answers
  // (CheckQuorum counts these, and so do ReadIndex and leases).
  const p = heardFrom(heard, m.round);
  if (p.state === 'snapshot') {
    // Waiting for the snapshot's answer. An AppendEntries accepted at or past the
    // snapshot's index shows the follower has it (a heartbeat sent while waiting);
    // any other answer was to a request sent before, and says only that the follower is there.
    if (!m.success || m.matchIndex < p.pendingSnapshot) return p === heard ? node : withProgress(node, m.from, p);
    return snapshotReached(node, p, m.from, m.matchIndex, ctx, fx);
  }
  if (m.success) {
    const match = Math.max(p.match, m.matchIndex);
    if (p.state === 'probe' && p.rejections > 0) fx.records.push({ type: 'probeSettled', node: node.id, peer: m.from, rejections: p.rejections });
    let n = withProgress(node, m.from, acknowledged(p, match));
    // Only a higher matchIndex can change what a majority stores.
    if (match > p.match) {
      fx.records.push({ type: 'matchAdvanced', node: node.id, peer: m.from, match });
      n = maybeCommit(n, ctx, fx);
    }
    // Only the answer to the latest request keeps the pipeline going: an older one was
    // overtaken (by a heartbeat), whose own answer will send what is still missing.
    if (m.round >= heard.sent && n.volatile.progress[m.from].next <= lastIndex(n.persistent.log)) n = sendAppend(n, m.from, ctx, fx);
    return n;
  }
  // A rejection answers the probe at next-1 only if it names that index; any other is
  // a late reply to an older request and carries no news (etcd does the same).
  if (m.rejectedIndex !== p.next - 1) {
    fx.records.push({ type: 'staleResponse', node: node.id, peer: m.from, rejectedIndex: m.rejectedIndex });
    return p === heard ? node : withProgress(node, m.from, p);
  }
  const rejected = m.rejectedIndex;
  let next: number;
  if (ctx.options.probe === 'fast') {
    // Jump to the last index where our log could agree with the follower's hint.
    const agree = findConflictByTerm(node.persistent.log, m.hintIndex, m.hintTerm).index;
    next = Math.max(Math.min(rejected, agree + 1), p.match + 1);
  } else {
    // The paper's basic rule (§5.3): decrement nextIndex and retry.
    next = Math.max(rejected, p.match + 1);
  }
  fx.records.push({
    type: 'nextIndexBackedOff',
    node: node.id,
    peer: m.from,
    from: p.next,
    to: next,
    how: ctx.options.probe === 'fast' ? 'hint' : 'decrement',
  });
  const n = withProgress(node, m.from, refused(p, next));
  return sendAppend(n, m.from, ctx, fx);
}

/**
 * The leader hears that `m.from` installed its snapshot, or already had it
 * (Figure 13): its log matches up to `matchIndex`, and the leader goes on from
 * there with AppendEntries (etcd: from Snapshot back to Probe).
 */
export function onInstallSnapshotResponse(node: LeaderNode, m: InstallSnapshotResponse, ctx: StepContext, fx: Effects): LeaderNode {
  const heard = node.volatile.progress[m.from];
  if (heard === undefined) return node;
  const p = heardFrom(heard, m.round);
  if (p.state !== 'snapshot' || m.matchIndex < p.pendingSnapshot) {
    // A late answer to a snapshot this follower no longer waits for: it says only that the follower is there.
    return p === heard ? node : withProgress(node, m.from, p);
  }
  return snapshotReached(node, p, m.from, m.matchIndex, ctx, fx);
}

/** `peer` holds the leader's log up to `match`, at or past the snapshot it waited for: out of Snapshot, on from there. */
function snapshotReached(node: LeaderNode, p: Progress, peer: NodeId, match: number, ctx: StepContext, fx: Effects): LeaderNode {
  fx.records.push({ type: 'snapshotAcknowledged', node: node.id, peer, match });
  let n = withProgress(node, peer, snapshotDone(p, match));
  if (match > p.match) n = maybeCommit(n, ctx, fx);
  if (n.volatile.progress[peer].next <= lastIndex(n.persistent.log)) n = sendAppend(n, peer, ctx, fx);
  return n;
}
