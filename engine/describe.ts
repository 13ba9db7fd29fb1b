/**
 * Event records in plain words, one line each, in a fixed grammar
 * ("n1 became leader at term 8 ..."), so the lines read well in the UI and can
 * double as test output. Each line says why, and cites the paper where a rule
 * decided the outcome.
 */
import type { EventRecord, RecordBody } from './events.ts';
import { assertNever } from './raft/node.ts';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function describe(r: RecordBody): string {
  switch (r.type) {
    case 'electionTimeout':
      return r.forced
        ? `${r.node} was told to campaign at term ${r.term}`
        : `${r.node}'s election timer fired at term ${r.term}: no word from a leader (§5.2)`;
    case 'becameCandidate':
      return r.pre
        ? `${r.node} asked for pre-votes for term ${r.term} without raising its own term: would a majority vote for it? (PreVote, thesis §9.6)`
        : `${r.node} became candidate at term ${r.term} and asked for votes (§5.2)`;
    case 'becameLeader':
      return `${r.node} became leader at term ${r.term} with votes from ${r.votes.join(', ')} (§5.2)`;
    case 'becameFollower': {
      const why = r.reason;
      switch (why) {
        case 'higher-term':
          return `${r.node} became follower at term ${r.term}: ${r.cause} has a higher term (§5.1)`;
        case 'leader-found':
          return `${r.node} became follower at term ${r.term}: ${r.cause} already leads this term (§5.2)`;
        case 'lost-quorum':
          return `${r.node} stepped down at term ${r.term}: it heard from no majority within an election timeout (CheckQuorum, thesis §6.2)`;
        default:
          return assertNever(why);
      }
    }
    case 'voteGranted':
      return r.preVote
        ? `${r.node} would vote for ${r.candidate} in term ${r.term} (a pre-vote: nothing changes yet)`
        : `${r.node} granted its vote to ${r.candidate} for term ${r.term}`;
    case 'voteRefused': {
      const w = r.why;
      const vote = r.preVote ? 'a pre-vote' : 'to vote';
      switch (w.kind) {
        case 'stale-term':
          return r.preVote
            ? `${r.node} refused a pre-vote to ${r.candidate}: term ${r.term} is not ahead of its own`
            : `${r.node} refused to vote for ${r.candidate}: its term is behind ${r.term} (§5.1)`;
        case 'already-voted':
          return `${r.node} refused to vote for ${r.candidate}: it already voted for ${w.votedFor} in term ${r.term} (§5.2)`;
        case 'has-leader':
          return `${r.node} refused a pre-vote to ${r.candidate}: it still hears from leader ${w.leader} (PreVote, thesis §9.6)`;
        case 'log-behind':
          return (
            `${r.node} refused ${vote} ${r.preVote ? 'to' : 'for'} ${r.candidate}: its log is less up-to-date ` +
            (w.theirs.lastTerm !== w.mine.lastTerm
              ? `(last term ${w.theirs.lastTerm} < ${w.mine.lastTerm})`
              : `(same last term ${w.mine.lastTerm}, but it ends at ${w.theirs.lastIndex} < ${w.mine.lastIndex})`) +
            ' (§5.4.1)'
          );
        default:
          return assertNever(w);
      }
    }
    case 'voteCounted':
      return r.preVote
        ? `${r.node} got ${r.granted ? 'a pre-vote' : 'a pre-vote refusal'} from ${r.voter} for term ${r.term} (${r.votes} of ${r.needed} needed)`
        : `${r.node} got ${r.granted ? 'a vote' : 'a refusal'} from ${r.voter} for term ${r.term} (${r.votes} of ${r.needed} needed)`;
    case 'appendAccepted':
      return r.entries === 0
        ? `${r.node} accepted a heartbeat from ${r.leader} (its log matches up to ${r.matchIndex})`
        : `${r.node} accepted ${plural(r.entries, 'entry', 'entries')} from ${r.leader} after index ${r.prevIndex} (matches up to ${r.matchIndex})`;
    case 'appendRejected': {
      const w = r.why;
      switch (w.kind) {
        case 'stale-term':
          return `${r.node} rejected AppendEntries from ${r.leader}: its term is behind ${r.term} (§5.1)`;
        case 'missing-entry':
          return `${r.node} rejected AppendEntries from ${r.leader}: no entry at index ${r.prevIndex} (log ends at ${w.lastIndex}) (§5.3)`;
        case 'term-mismatch':
          return `${r.node} rejected AppendEntries from ${r.leader}: entry ${r.prevIndex} has term ${w.actualTerm}, not ${r.prevTerm} (§5.3)`;
        default:
          return assertNever(w);
      }
    }
    case 'truncated':
      return `${r.node} deleted ${plural(r.removed, 'entry', 'entries')} from index ${r.from}: term ${r.conflictTerm} conflicts with the leader's term ${r.leaderTerm} (§5.3)`;
    case 'matchAdvanced':
      return `${r.node} knows ${r.peer} matches its log up to index ${r.match}`;
    case 'nextIndexBackedOff':
      return r.how === 'hint'
        ? `${r.node} moved ${r.peer}'s nextIndex from ${r.from} to ${r.to} using its conflict hint (§5.3)`
        : `${r.node} decremented ${r.peer}'s nextIndex from ${r.from} to ${r.to} (§5.3)`;
    case 'quorumChecked':
      return r.heard >= r.needed
        ? `${r.node} checked its quorum: ${r.heard} of ${r.needed} needed answered since the last check (CheckQuorum)`
        : `${r.node} checked its quorum: only ${r.heard} answered since the last check, ${r.needed} needed (CheckQuorum)`;
    case 'probeSettled':
      return `${r.node} found where ${r.peer}'s log agrees with its own, after ${plural(r.rejections, 'rejection')} (§5.3)`;
    case 'staleResponse':
      return `${r.node} ignored a late rejection from ${r.peer} about index ${r.rejectedIndex}`;
    case 'commitAdvanced': {
      const by = r.by;
      switch (by) {
        case 'majority':
          return `${r.node} advanced commit to ${r.to}: stored on a majority, from its own term (§5.3, §5.4.2)`;
        case 'leader':
          return `${r.node} advanced commit to ${r.to}, as the leader reported (§5.3)`;
        case 'old-term-majority':
          return `UNSAFE: ${r.node} advanced commit to ${r.to} by counting replicas of an entry from an earlier term, which §5.4.2 forbids (Figure 8)`;
        default:
          return assertNever(by);
      }
    }
    case 'commitDeferred':
      return (
        `${r.node} did not commit index ${r.index} although ${r.replicas} of ${r.clusterSize} nodes store it: ` +
        `it is from term ${r.entryTerm}, and only entries of the current term ${r.currentTerm} are committed by counting (§5.4.2)`
      );
    case 'heartbeat':
      return `${r.node} sent heartbeats for term ${r.term}`;
    case 'proposed':
      return `${r.node} appended client value ${JSON.stringify(r.value)} at index ${r.index}, term ${r.term}`;
    case 'proposalRefused': {
      const why = r.why;
      switch (why) {
        case 'no-leader':
          return `client request ${JSON.stringify(r.value)} found no leader`;
        case 'down':
          return `client request ${JSON.stringify(r.value)} was lost: ${r.node} is down`;
        case 'not-leader':
          return `${r.node} refused client request ${JSON.stringify(r.value)}: it is not the leader${r.leader ? ` (${r.leader} is)` : ''}`;
        default:
          return assertNever(why);
      }
    }
    case 'crashed':
      return `${r.node} crashed: it keeps its term, vote and log, and loses everything else`;
    case 'restarted':
      return `${r.node} restarted as a follower at term ${r.term} with ${plural(r.logLength, 'entry', 'entries')}`;
    case 'linkCut':
      return `the link ${r.a}-${r.b} was cut`;
    case 'linkHealed':
      return `the link ${r.a}-${r.b} was restored`;
    case 'messageLost': {
      const m = r.message;
      const why = r.why === 'link-cut' ? 'the link is cut' : r.why === 'receiver-down' ? `${m.to} is down` : 'it was dropped';
      return `${m.type} ${m.from}->${m.to} (m${m.id}) was lost: ${why}`;
    }
    case 'violation':
      return `SAFETY VIOLATION (${r.invariant}): ${r.detail}`;
    default:
      return assertNever(r);
  }
}

/** One trace line: time, event number, text. */
export const traceLine = (r: EventRecord): string =>
  `${String(r.time).padStart(7)}ms #${String(r.event).padEnd(6)} ${describe(r)}`;
