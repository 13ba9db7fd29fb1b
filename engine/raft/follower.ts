/**
 * The follower's step (Figure 2, Followers) and the receiving side of
 * AppendEntries (Figure 2, AppendEntries RPC, rules 2-5).
 */
import type { AppendEntries, FollowerNode, LogEntry, LoggedConfig, NodeId, PersistentState, StoredLog, UpNode } from '../types.ts';
import type { AppendRefusal } from '../events.ts';
import type { Effects } from './effects.ts';
import type { StepContext } from './context.ts';
import type { RoleInput } from './input.ts';
import { appendAfter, appendKeepingConflicts, findConflictByTerm, lastIndex, termAt } from './log.ts';
import { leaseVoteRefusal, onRequestVote } from './election.ts';
import { becomeCandidate } from './transitions.ts';
import { assertNever } from '../assertNever.ts';
import { turnAway } from './clients.ts';
import { onInstallSnapshot } from './snapshot.ts';
import { configAfterChange, mayCampaign } from './membership.ts';
import { refuseChange } from './changes.ts';
import { onTimeoutNow, refuseTransfer } from './transfer.ts';

/** A follower answers leaders and candidates; its election timer firing makes it campaign. The caller has handled terms (§5.1). */
export function stepFollower(node: FollowerNode, input: RoleInput, ctx: StepContext, fx: Effects): UpNode {
  switch (input.kind) {
    case 'message': {
      const m = input.message;
      switch (m.type) {
        case 'RequestVote':
          return onRequestVote(node, m, ctx, fx);
        case 'RequestVoteResponse':
          // A late answer changes nothing, but "why did that vote not count?" deserves an answer.
          if (!m.preVote) fx.records.push({ type: 'voteIgnored', node: node.id, voter: m.from, term: m.term, granted: m.granted, role: 'follower' });
          return node;
        case 'AppendEntries':
          return onAppendEntries(node, m, ctx, fx);
        case 'InstallSnapshot':
          return onInstallSnapshot(node, m, ctx, fx);
        case 'TimeoutNow':
          return onTimeoutNow(node, m, ctx, fx);
        case 'AppendEntriesResponse':
        case 'InstallSnapshotResponse':
          return node;
        default:
          return assertNever(m);
      }
    }
    case 'electionTimeout': {
      if (!mayCampaign(node, ctx)) {
        // A learner, or a server outside the configuration, cannot win an election
        // and must not disrupt one (§6): its timer stops until a leader's word starts it again.
        fx.records.push({ type: 'campaignRefused', node: node.id, term: node.persistent.currentTerm, why: { kind: 'not-voter' } });
        fx.election = 'stop';
        return node;
      }
      if (input.forced && ctx.options.reads === 'lease') {
        // A live leader's lease rests on its followers not starting elections (thesis §6.4.1).
        const why = leaseVoteRefusal(node, ctx);
        if (why !== null) {
          fx.records.push({ type: 'campaignRefused', node: node.id, term: node.persistent.currentTerm, why });
          fx.election = 'reset';
          return node;
        }
      }
      // §5.2: it heard from no leader for a whole election timeout (or was told to campaign).
      fx.records.push({ type: 'electionTimeout', node: node.id, term: node.persistent.currentTerm, forced: input.forced });
      return becomeCandidate(node, ctx, fx);
    }
    case 'propose':
      fx.records.push({ type: 'proposalRefused', node: node.id, value: input.value, why: 'not-leader', leader: node.volatile.leader });
      return node;
    case 'clientRequest':
      return turnAway(node, input.request, fx);
    case 'change':
      return refuseChange(node, input.asked, fx);
    case 'transfer':
      return refuseTransfer(node, input.target, fx);
    case 'heartbeatTimeout':
    case 'checkQuorum':
      // A leader's timers; left over from a leadership already lost, they mean nothing here.
      return node;
    default:
      return assertNever(input);
  }
}

/**
 * Handle AppendEntries from the leader of our current term. The caller has already
 * made us a follower. Hearing from the leader resets the election timer, and
 * records who leads and when we heard from it (PreVote's lease, lease.ts).
 */
export function onAppendEntries(node: FollowerNode, request: AppendEntries, ctx: StepContext, fx: Effects): FollowerNode {
  const v = node.volatile;
  const term = node.persistent.currentTerm;
  const log = node.persistent.log;
  fx.election = 'reset';
  const m = afterSnapshot(request, log.start, log.startTerm);

  const actual = termAt(log, m.prevLogIndex);
  if (actual !== m.prevLogTerm) {
    // Rule 2: reply false if the log has no entry at prevLogIndex whose term matches.
    // The hint lets a fast-probing leader skip every index that cannot match (§5.3).
    const hint = findConflictByTerm(log, Math.min(m.prevLogIndex, lastIndex(log)), m.prevLogTerm);
    const why: AppendRefusal =
      actual === undefined ? { kind: 'missing-entry', lastIndex: lastIndex(log) } : { kind: 'term-mismatch', actualTerm: actual };
    // The refusal names the index the leader asked about, so it knows the answer is to its latest request.
    rejectAppend(node, request, why, hint, fx);
    return following(node, node.persistent, v.commitIndex, m.from, ctx.now);
  }

  // Rules 3 and 4: delete conflicting entries, append new ones. (Unless rule 3 is
  // switched off: then entries already held stay, whatever their term.)
  const outcome = ctx.unsafe['no-truncate'] ? appendKeepingConflicts(log, m.prevLogIndex, m.entries) : appendAfter(log, m.prevLogIndex, m.entries);
  if (outcome.truncatedFrom > 0) {
    fx.records.push({
      type: 'truncated',
      node: node.id,
      from: outcome.truncatedFrom,
      removed: outcome.removed,
      conflictTerm: outcome.conflictTerm,
      leaderTerm: m.entries[outcome.truncatedFrom - m.prevLogIndex - 1].term,
    });
  }
  const matchIndex = m.prevLogIndex + m.entries.length;
  fx.records.push({
    type: 'appendAccepted',
    node: node.id,
    leader: m.from,
    term,
    prevIndex: m.prevLogIndex,
    entries: m.entries.length,
    matchIndex,
  });
  // Rule 5: commit up to leaderCommit, but never past what this request proved we share
  // with the leader: entries beyond it may still be stale leftovers.
  let commitIndex = v.commitIndex;
  const learned = Math.min(m.leaderCommit, matchIndex);
  if (learned > commitIndex) {
    fx.records.push({ type: 'commitAdvanced', node: node.id, from: commitIndex, to: learned, by: 'leader' });
    commitIndex = learned;
  }
  fx.outbox.push({
    type: 'AppendEntriesResponse',
    from: node.id,
    to: m.from,
    term,
    success: true,
    matchIndex,
    rejectedIndex: 0,
    hintIndex: 0,
    hintTerm: 0,
    round: m.round,
  });
  const p = node.persistent;
  // The node uses the latest configuration in its log from now on (§6), even one just cut off or not yet committed.
  const persistent =
    outcome.log === log
      ? p
      : {
          currentTerm: p.currentTerm,
          votedFor: p.votedFor,
          log: outcome.log,
          snapshot: p.snapshot,
          config: followConfig(p, outcome.log, outcome.truncatedFrom, lastIndex(log), m.entries),
        };
  return following(node, persistent, commitIndex, m.from, ctx.now);
}

/**
 * The configuration after an append (§6: the latest in the log, committed or
 * not). Almost every append carries no configuration and truncates nothing the
 * configuration came from: then it stays, without a look at the log.
 */
function followConfig(p: PersistentState, log: StoredLog, truncatedFrom: number, oldLast: number, entries: readonly LogEntry[]): LoggedConfig | null {
  const cut = truncatedFrom > 0 && p.config !== null && p.config.index >= truncatedFrom;
  if (!cut && !entries.some((e) => e.kind === 'config')) return p.config;
  return configAfterChange(p, log, truncatedFrom > 0 ? truncatedFrom : oldLast + 1);
}

/**
 * A request whose prevLogIndex lies below this node's snapshot: the entries up to
 * the snapshot's index are committed, so the leader holds the same ones (§5.4,
 * Leader Completeness), and the check is made at the snapshot's index instead,
 * with the entries after it. (etcd answers such a request with its commit index.)
 */
function afterSnapshot(m: AppendEntries, start: number, startTerm: number): AppendEntries {
  if (m.prevLogIndex >= start) return m;
  return { ...m, prevLogIndex: start, prevLogTerm: startTerm, entries: m.entries.slice(start - m.prevLogIndex) };
}

/** `node` as a follower of `leader`, heard from at `heardAt` (a new object: states are never mutated). */
const following = (node: FollowerNode, persistent: PersistentState, commitIndex: number, leader: NodeId, heardAt: number): FollowerNode => ({
  id: node.id,
  persistent,
  volatile: { role: 'follower', commitIndex, leader, leaderHeardAt: heardAt, restartedAt: node.volatile.restartedAt, machine: node.volatile.machine },
});

/**
 * Refuse an AppendEntries: record why and answer false, naming the request's
 * prevLogIndex (so the leader can tell a fresh answer from a late one) and the hint.
 */
export function rejectAppend(
  node: UpNode,
  m: AppendEntries,
  why: AppendRefusal,
  hint: { readonly index: number; readonly term: number },
  fx: Effects,
): void {
  const term = node.persistent.currentTerm;
  fx.records.push({
    type: 'appendRejected',
    node: node.id,
    leader: m.from,
    term,
    prevIndex: m.prevLogIndex,
    prevTerm: m.prevLogTerm,
    why,
    hintIndex: hint.index,
    hintTerm: hint.term,
  });
  fx.outbox.push({
    type: 'AppendEntriesResponse',
    from: node.id,
    to: m.from,
    term,
    success: false,
    matchIndex: 0,
    rejectedIndex: m.prevLogIndex,
    hintIndex: hint.index,
    hintTerm: hint.term,
    round: m.round,
  });
}
