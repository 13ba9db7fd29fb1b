/**
 * A message in flight in plain words: what it asks or answers, field by field,
 * and what its receiver will do with it, judged from the receiver's state now
 * ("as things stand": the state may change before it arrives).
 */
import { linkKey } from '../../engine/sim/cluster.ts';
import { plural } from '../../engine/explain/explanation.ts';
import { isUpToDate, lastIndex, position, termAt } from '../../engine/raft/log.ts';
import { EMPTY_LOG_VIEW } from '../worker/logDeltas.ts';
import { majority } from '../../engine/raft/quorum.ts';
import { inLease } from '../../engine/raft/lease.ts';
import { opText } from '../../engine/raft/entry.ts';
import type { MessageView } from '../worker/viewModel.ts';
import { cite } from './cite.ts';
import { memberKind } from '../../engine/raft/configs.ts';
import { nodeConfig } from './nodeConfig.ts';
import { stateWords } from './whySnapshot.ts';
import type { WhyWorld } from './whyWorld.ts';

type Of<T extends MessageView['type']> = Extract<MessageView, { type: T }>;

export function whyMessage(w: WhyWorld, id: number): string | null {
  const m = w.messages.find((x) => x.id === id);
  if (m === undefined) return null;
  const lost = fate(w, m);
  switch (m.type) {
    case 'RequestVote':
      return [requestVote(m), lost ?? voteOutlook(w, m)].join(' ');
    case 'RequestVoteResponse':
      return [voteResponse(w, m), lost ?? ''].join(' ').trim();
    case 'AppendEntries':
      return [appendEntries(m), lost ?? appendOutlook(w, m)].join(' ');
    case 'AppendEntriesResponse':
      return [appendResponse(w, m), lost ?? ''].join(' ').trim();
    case 'ClientRequest':
      return [`${m.from}'s request #${m.serial} to ${m.to}: ${opText(m.op)} ${cite('client-to-leader')}.`, lost ?? ''].join(' ').trim();
    case 'ClientReply':
      return [`${m.from}'s answer to ${m.to}'s request #${m.serial}${m.result === '' ? '' : `: ${JSON.stringify(m.result)}`} ${cite('apply-committed')}.`, lost ?? ''].join(' ').trim();
    case 'NotLeader':
      return [`${m.from} is not the leader${m.leaderHint === null ? ' and knows of none' : `; it points ${m.to} to ${m.leaderHint}`} ${cite('client-retry')}.`, lost ?? ''].join(' ').trim();
    case 'InstallSnapshot':
      return [installSnapshot(m), lost ?? installOutlook(w, m)].join(' ');
    case 'TimeoutNow':
      return [timeoutNow(m), lost ?? timeoutNowOutlook(w, m)].join(' ');
    case 'InstallSnapshotResponse':
      return [
        `InstallSnapshotResponse ${m.from}→${m.to}, term ${m.term}: ${m.from} has the snapshot, and its log now matches ${m.to}'s up to index ${m.matchIndex}. ` +
          `${m.to} goes on with AppendEntries from index ${m.matchIndex + 1} ${cite('install-snapshot')}.`,
        lost ?? '',
      ]
        .join(' ')
        .trim();
  }
}

/** A message that cannot arrive: its receiver is down, or the link is cut. */
function fate(w: WhyWorld, m: MessageView): string | null {
  if (w.nodes[m.to]?.role === 'down') return `${m.to} is down, so it will be lost; Raft retries ${cite('crash-retry')}.`;
  if (w.cuts.has(linkKey(m.from, m.to))) return `The link ${m.from}-${m.to} is cut, so it will be lost; Raft retries ${cite('unreliable-network')}.`;
  return null;
}

function requestVote(m: Of<'RequestVote'>): string {
  const last = `its last entry is index ${m.lastLogIndex}, term ${m.lastLogTerm}`;
  if (m.transfer) {
    return (
      `RequestVote ${m.from}→${m.to}, term ${m.term}, for a leadership transfer: ${m.from} campaigns because its leader told it to (TimeoutNow), and asks ${m.to} for its vote in term ${m.term}; ${last}. ` +
      `${m.to} does not ignore it for still hearing from that leader, since the leader asked for this election ${cite('leadership-transfer')}; ` +
      `it grants it only if it has not voted for another candidate in this term and this log is at least as up-to-date as its own ${cite('one-vote', 'up-to-date')}.`
    );
  }
  return m.preVote
    ? `RequestVote (pre-vote) ${m.from}→${m.to}, term ${m.term}: ${m.from} asks whether ${m.to} would vote for it in term ${m.term}, without raising any term; ${last}. ` +
        `${m.to} says yes only if it has not heard from a leader within the minimum election timeout and this log is at least as up-to-date as its own ${cite('prevote')}.`
    : `RequestVote ${m.from}→${m.to}, term ${m.term}: ${m.from} asks ${m.to} for its vote in term ${m.term}; ${last}. ` +
        `${m.to} grants it only if it has not voted for another candidate in this term and this log is at least as up-to-date as its own ${cite('one-vote', 'up-to-date')}.`;
}

/** What the voter will answer, checked in the order the engine checks (engine/raft/election.ts). */
function voteOutlook(w: WhyWorld, m: Of<'RequestVote'>): string {
  const voter = w.nodes[m.to];
  if (voter === undefined) return '';
  const mine = position(w.logs[m.to] ?? EMPTY_LOG_VIEW);
  // unsafe=vote-any-log skips the election restriction.
  const behind = !w.config.raft.unsafe.includes('vote-any-log') && !isUpToDate({ lastIndex: m.lastLogIndex, lastTerm: m.lastLogTerm }, mine);
  const logRefusal = `As things stand, ${m.to} will refuse: its own log is more up-to-date (it ends at index ${mine.lastIndex}, term ${mine.lastTerm}) ${cite('up-to-date')}.`;
  if (m.preVote) {
    if (voter.term >= m.term) return `As things stand, ${m.to} will say no: term ${m.term} is not ahead of its own term ${voter.term} ${cite('prevote')}.`;
    if (voter.role === 'leader') return `As things stand, ${m.to} will say no: it is the leader ${cite('prevote')}.`;
    // The vote lease is judged when the request arrives, as the engine judges it (engine/raft/lease.ts).
    const lease = w.config.election.min;
    if (voter.role === 'follower' && voter.leader !== null && inLease(voter.leaderHeardAt, m.arrivesAt, lease)) {
      const ago = m.arrivesAt - voter.leaderHeardAt!;
      return (
        `As things stand, ${m.to} will say no: when this arrives it will have heard from leader ${voter.leader} ${ago} ms before, ` +
        `less than the minimum election timeout ${lease} ms ${cite('prevote')}.`
      );
    }
    return behind ? logRefusal : `As things stand, ${m.to} will say yes.`;
  }
  if (voter.term > m.term) return `As things stand, ${m.to} is at term ${voter.term}: it will refuse, and ${m.from} will step down ${cite('higher-term')}.`;
  const ignored = disruptionOutlook(w, m);
  if (ignored !== null) return ignored;
  if (voter.term === m.term && voter.votedFor !== null && voter.votedFor !== m.from) {
    return `As things stand, ${m.to} will refuse: it already voted for ${voter.votedFor} in term ${m.term} ${cite('one-vote')}.`;
  }
  return behind ? logRefusal : `As things stand, ${m.to} will grant it.`;
}

/**
 * With CheckQuorum (or leases), a voter that heard from its leader within the
 * minimum election timeout, or that leads, ignores a request for votes of a
 * higher term, unless the leader asked for the election (§6, engine/raft/node.ts).
 * Null when that rule does not apply. Under leases a voter that has just
 * restarted holds back too, which the page cannot see: that case is left out.
 */
function disruptionOutlook(w: WhyWorld, m: Of<'RequestVote'>): string | null {
  const voter = w.nodes[m.to];
  if (voter === undefined || m.preVote || m.transfer || m.term <= voter.term) return null;
  if (!w.config.raft.checkquorum && w.config.raft.reads !== 'lease') return null;
  const ignores = `As things stand, ${m.to} will ignore it, neither adopting term ${m.term} nor voting`;
  const why = 'so that a server that no longer hears from the leader, such as a removed one, cannot disrupt the cluster';
  if (voter.role === 'leader') return `${ignores}: it is the leader, ${why} ${cite('disruptive-servers')}.`;
  const lease = w.config.election.min;
  if (voter.role === 'follower' && voter.leader !== null && inLease(voter.leaderHeardAt, m.arrivesAt, lease)) {
    const ago = m.arrivesAt - voter.leaderHeardAt!;
    return `${ignores}: when this arrives it will have heard from leader ${voter.leader} ${ago} ms before, less than the minimum election timeout ${lease} ms, ${why} ${cite('disruptive-servers')}.`;
  }
  return null;
}

function timeoutNow(m: Of<'TimeoutNow'>): string {
  return (
    `TimeoutNow ${m.from}→${m.to}, term ${m.term}: leader ${m.from} is handing its leadership to ${m.to}, whose log now matches its own, and tells it to start an election at once, ` +
    `as if its election timer had fired, without PreVote ${cite('leadership-transfer')}.`
  );
}

function timeoutNowOutlook(w: WhyWorld, m: Of<'TimeoutNow'>): string {
  const target = w.nodes[m.to];
  if (target === undefined) return '';
  if (target.term > m.term) return `As things stand, ${m.to} is at term ${target.term}, past the transfer: it will ignore it ${cite('higher-term')}.`;
  if (memberKind(nodeConfig(w, m.to), m.to) !== 'voter') return `As things stand, ${m.to} is not a voter of its configuration, so it will not campaign ${cite('voters-only')}.`;
  return `As things stand, ${m.to} will campaign for term ${Math.max(target.term, m.term) + 1} at once; its RequestVote says the leader asked for it, so voters that still hear from ${m.from} do not ignore it.`;
}

function voteResponse(w: WhyWorld, m: Of<'RequestVoteResponse'>): string {
  const kind = m.preVote ? 'pre-vote' : 'vote';
  const head = `RequestVoteResponse${m.preVote ? ' (pre-vote)' : ''} ${m.from}→${m.to}, term ${m.term}: ${m.from} ${m.granted ? 'grants' : 'refuses'} ${m.to} its ${kind}.`;
  const candidate = w.nodes[m.to];
  if (candidate !== undefined && !m.preVote && m.term > candidate.term) {
    return `${head} Its term ${m.term} is newer than ${m.to}'s term ${candidate.term}, so ${m.to} will step down ${cite('higher-term')}.`;
  }
  if (candidate?.role !== 'candidate') return `${head} ${m.to} is no longer a candidate, so it will ignore the answer.`;
  // The majority is of the candidate's configuration: of each half while it is joint (§6).
  const c = nodeConfig(w, m.to);
  const granted = Object.values(candidate.votes ?? {}).filter(Boolean).length;
  const tally =
    c.outgoing.length > 0
      ? `${m.to} has ${granted} ${kind}s, and needs a majority of ${c.outgoing.join(',')} and a majority of ${c.voters.join(',')}`
      : `${m.to} has ${granted} of the ${majority(c.voters.length)} ${kind}s it needs`;
  return `${head} ${tally}; with a majority it ${m.preVote ? 'starts a real election' : 'becomes leader'} ${cite(m.preVote ? 'prevote' : 'majority-wins')}.`;
}

function installSnapshot(m: Of<'InstallSnapshot'>): string {
  return (
    `InstallSnapshot ${m.from}→${m.to}, term ${m.term}: ${m.to} needs entries ${m.from} has already compacted, so ${m.from} sends its snapshot instead: ` +
    `the state of applying entries 1–${m.lastIncludedIndex} (lastIncludedIndex ${m.lastIncludedIndex}, lastIncludedTerm ${m.lastIncludedTerm}), ` +
    `${stateWords(m.data.machine)} It goes in one chunk (offset ${m.offset}, done) ${cite('install-snapshot')}.`
  );
}

/** What the follower will do with the snapshot, checked in Figure 13's order, from its state now. */
function installOutlook(w: WhyWorld, m: Of<'InstallSnapshot'>): string {
  const follower = w.nodes[m.to];
  const log = w.logs[m.to] ?? EMPTY_LOG_VIEW;
  if (follower === undefined) return '';
  if (follower.term > m.term) return `As things stand, ${m.to} is at term ${follower.term}: it will refuse, and ${m.from} will step down ${cite('higher-term')}.`;
  const applied = w.machines[m.to]?.lastApplied ?? 0;
  if (m.lastIncludedIndex <= applied) {
    return `As things stand, ${m.to} will ignore it: it has already applied up to index ${applied}, past the snapshot's ${m.lastIncludedIndex} ${cite('install-snapshot')}.`;
  }
  const keeps = termAt(log, m.lastIncludedIndex) === m.lastIncludedTerm;
  return keeps
    ? `As things stand, ${m.to} will install it and keep the entries after ${m.lastIncludedIndex}: its log holds the snapshot's last entry (index ${m.lastIncludedIndex}, term ${m.lastIncludedTerm}) ${cite('install-snapshot')}.`
    : `As things stand, ${m.to} will install it and discard its whole log (it ends at ${lastIndex(log)}): its log does not hold the snapshot's last entry (index ${m.lastIncludedIndex}, term ${m.lastIncludedTerm}). Its state machine becomes the snapshot's ${cite('install-snapshot')}.`;
}

function appendEntries(m: Of<'AppendEntries'>): string {
  const at = m.prevLogIndex === 0 ? 'at the start of the log (index 0 always matches)' : `after index ${m.prevLogIndex}, whose entry must have term ${m.prevLogTerm}`;
  const commit = `It also says ${m.from} has committed up to index ${m.leaderCommit} (leaderCommit), so ${m.to} may commit that far ${cite('learn-commit')}.`;
  if (m.entryCount === 0) {
    return (
      `AppendEntries ${m.from}→${m.to}, term ${m.term}, with no entries: a heartbeat. It tells ${m.to} that ${m.from} still leads term ${m.term}, ` +
      `which resets ${m.to}'s election timer ${cite('heartbeats')}. It checks that ${m.to}'s log matches ${at}. ${commit}`
    );
  }
  const terms = `${m.entryTerms.join(' ')}${m.entryCount > m.entryTerms.length ? ' …' : ''}`;
  return (
    `AppendEntries ${m.from}→${m.to}, term ${m.term}: ${plural(m.entryCount, 'entry', 'entries')} (terms ${terms}) to store ${at}. ` +
    `${m.to} accepts only if its log holds that entry; otherwise it rejects, and ${m.from} tries an earlier index ${cite('consistency-check')}. ${commit}`
  );
}

function appendOutlook(w: WhyWorld, m: Of<'AppendEntries'>): string {
  const follower = w.nodes[m.to];
  const log = w.logs[m.to] ?? EMPTY_LOG_VIEW;
  if (follower === undefined) return '';
  if (follower.term > m.term) return `As things stand, ${m.to} is at term ${follower.term}: it will reject, and ${m.from} will step down ${cite('higher-term')}.`;
  // Below its log's start the follower knows no term, but everything there is
  // committed and applied: it matches any leader's, so the check passes (§7).
  if (m.prevLogIndex < log.start) {
    return `As things stand, ${m.to} will accept: index ${m.prevLogIndex} is inside its snapshot (up to ${log.start}), committed and so the same in every log; it keeps what it holds after ${log.start} ${cite('snapshot')}.`;
  }
  const actual = termAt(log, m.prevLogIndex);
  if (actual === m.prevLogTerm) {
    return m.prevLogIndex === log.start && log.start > 0
      ? `As things stand, ${m.to} will accept: index ${m.prevLogIndex} is its snapshot's last entry, whose term ${actual} the snapshot keeps for this check ${cite('snapshot')}.`
      : `As things stand, ${m.to} will accept.`;
  }
  return actual === undefined
    ? `As things stand, ${m.to} will reject: it has no entry at index ${m.prevLogIndex} (its log ends at ${lastIndex(log)}).`
    : `As things stand, ${m.to} will reject: its entry at index ${m.prevLogIndex} has term ${actual}, not ${m.prevLogTerm}.`;
}

function appendResponse(w: WhyWorld, m: Of<'AppendEntriesResponse'>): string {
  const head = `AppendEntriesResponse ${m.from}→${m.to}, term ${m.term}:`;
  const leader = w.nodes[m.to];
  if (leader !== undefined && m.term > leader.term) {
    return `${head} ${m.from} is at a newer term than ${m.to}, so ${m.to} will step down ${cite('higher-term')}.`;
  }
  if (m.success) {
    return (
      `${head} ${m.from} accepted; its log matches ${m.to}'s up to index ${m.matchIndex}. ` +
      `${m.to} raises ${m.from}'s matchIndex and commits any entry of its own term that is now on a majority ${cite('leader-progress', 'commit-majority')}.`
    );
  }
  const fast = w.config.raft.probe === 'fast';
  return (
    `${head} ${m.from} rejected the AppendEntries whose prevLogIndex was ${m.rejectedIndex}: its log does not hold ${m.to}'s entry there. ` +
    `Its hint: index ${m.hintIndex}, term ${m.hintTerm}. ${m.to} moves ${m.from}'s nextIndex back` +
    (fast ? `, using the hint to skip indexes that cannot match, and tries again ${cite('conflict-hint')}.` : ` by one and tries again ${cite('backoff')}.`)
  );
}
