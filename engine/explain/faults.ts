/**
 * Explanations of what the user (or a script) does to the cluster, crashes, cut
 * links, dropped messages, and of safety violations. Each still names the rule
 * that says how Raft copes: persistent state (Figure 2), retries (§5.1, §5.5),
 * the safety properties (Figure 3).
 */
import type { MessageType } from '../types.ts';
import { assertNever } from '../assertNever.ts';
import { because, plural, type Explanation, type RecordOf } from './explanation.ts';

export function crashed(r: RecordOf<'crashed'>): Explanation {
  return because('persistent-state', `${r.node} crashed: it keeps its term, its vote and its log, and loses its role, its commit index and its timers`, {
    next: 'Messages to it are lost until it restarts',
  });
}

export function restarted(r: RecordOf<'restarted'>): Explanation {
  return because(
    'persistent-state',
    r.snapshot === 0
      ? `${r.node} restarted as a follower at term ${r.term} with ${plural(r.logLength, 'entry', 'entries')}: its term, vote and log survived the crash`
      : `${r.node} restarted as a follower at term ${r.term} with its snapshot up to index ${r.snapshot} and ${plural(r.logLength, 'entry', 'entries')} after it: ` +
          'its term, vote, snapshot and log survived the crash, and its state machine is restored from the snapshot (§7)',
    { next: r.snapshot === 0 ? 'It knows nothing is committed until a leader tells it' : `It knows nothing past index ${r.snapshot} is committed until a leader tells it` },
  );
}

export function linkCut(r: RecordOf<'linkCut'>): Explanation {
  return because('unreliable-network', `the link ${r.a}-${r.b} was cut: every message between ${r.a} and ${r.b} is lost`, {
    next: 'Raft stays safe; what goes unanswered is retried once the link is back',
  });
}

export function linkHealed(r: RecordOf<'linkHealed'>): Explanation {
  return because('unreliable-network', `the link ${r.a}-${r.b} was restored: messages between ${r.a} and ${r.b} get through again`, {
    next: 'The next retries bring both sides up to date',
  });
}

/** Who resends, or what happens instead, when a message of this type is lost. */
const AFTER_LOSS: Readonly<Record<MessageType, string>> = {
  AppendEntries: 'The leader resends it with its next heartbeat',
  AppendEntriesResponse: 'The leader resends its AppendEntries with its next heartbeat',
  RequestVote: 'If the candidate gets too few votes, its timer fires and it tries again',
  RequestVoteResponse: 'If the candidate gets too few votes, its timer fires and it tries again',
  InstallSnapshot: 'The leader resends its snapshot once an election timeout passes without an answer',
  TimeoutNow: 'The target never hears it should campaign: the leader gives the transfer up once an election timeout has passed, and takes requests again',
  InstallSnapshotResponse: 'The next heartbeat the follower accepts tells the leader instead; failing that, the leader resends its snapshot after an election timeout, and the follower ignores what it has already installed',
  ClientRequest: 'The client gets no answer: when its timeout fires it sends the request again',
  ClientReply: 'The client gets no answer: when its timeout fires it sends the request again, and the session table keeps it from being applied twice',
  NotLeader: 'The client gets no answer: when its timeout fires it tries the next node',
};

export function messageLost(r: RecordOf<'messageLost'>): Explanation {
  const m = r.message;
  const what = `${m.type} ${m.from}->${m.to} (m${m.id}) was lost`;
  switch (r.why) {
    case 'receiver-down':
      return because('crash-retry', `${what}: ${m.to} is down`, { next: AFTER_LOSS[m.type] });
    case 'link-cut':
      return because('unreliable-network', `${what}: the link is cut`, { next: AFTER_LOSS[m.type] });
    case 'dropped':
      return because('unreliable-network', `${what}: it was dropped`, { next: AFTER_LOSS[m.type] });
    default:
      return assertNever(r.why);
  }
}

export function violation(r: RecordOf<'violation'>): Explanation {
  // The checker's detail is whole sentences, ending with a stop.
  if (r.invariant === 'Linearizability') {
    return because('linearizability', `SAFETY VIOLATION (Linearizability): ${r.detail.replace(/\.$/, '')}`, {
      next: 'Raft with sessions and safe reads guarantees this never happens',
    });
  }
  return because('safety', `SAFETY VIOLATION (${r.invariant}): ${r.detail.replace(/\.$/, '')}`, {
    next: "Raft's rules guarantee this never happens",
    cite: r.invariant === 'CommitWithinLog' ? "Figure 3 and etcd's TLA+ spec" : 'Figure 3',
  });
}
