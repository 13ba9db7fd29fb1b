/** Explanations of client requests: only the leader takes them (§8) and appends them to its log (§5.3). */
import { assertNever } from '../assertNever.ts';
import { because, plural, quoted, type Explanation, type RecordOf } from './explanation.ts';
import { opText } from '../raft/entry.ts';
import { proposalHeld } from './transfer.ts';

export function proposed(r: RecordOf<'proposed'>): Explanation {
  return because('leader-appends', `${r.node} appended client value ${quoted(r.value)} at index ${r.index}, term ${r.term}`, {
    next: 'It sends it to every follower and commits it once a majority stores it',
  });
}

export function proposalRefused(r: RecordOf<'proposalRefused'>): Explanation {
  const why = r.why;
  const value = quoted(r.value);
  switch (why) {
    case 'no-leader':
      return because('client-to-leader', `client request ${value} found no leader: only a leader accepts requests, and none is up now`, {
        next: 'The client must retry once a leader is elected',
      });
    case 'down':
      return because('client-to-leader', `client request ${value} was lost: ${r.node} is down`, { next: 'The client must try another node' });
    case 'not-leader':
      return because(
        'client-to-leader',
        `${r.node} refused client request ${value}: it is not the leader${r.leader === null ? ' and knows of none' : ` (${r.leader} is)`}`,
        { next: r.leader === null ? 'The client must retry once a leader is elected' : `The client should send it to ${r.leader}` },
      );
    case 'transferring':
      // `leader` names the node the leadership is being handed to.
      return proposalHeld(r.node, r.value, r.leader);
    default:
      return assertNever(why);
  }
}

// ------------------------------------------------------------ clients (§8, thesis chapter 6)

const who = (client: string, serial: number): string => `${client}#${serial}`;

export function clientInvoked(r: RecordOf<'clientInvoked'>): Explanation {
  return because('client-to-leader', `${r.client} sent request ${who(r.client, r.serial)}, ${opText(r.op)}, to ${r.to}`, {
    next: 'It waits for the answer and sends it again if none comes in time',
  });
}

export function clientQueued(r: RecordOf<'clientQueued'>): Explanation {
  return because('client-retry', `${r.client} was asked to ${opText(r.op)} while it waits for an answer: it queues it, to send once the operations before it are answered (${plural(r.waiting, 'operation')} waiting)`, {
    cite: '§8: a client has one request outstanding',
  });
}

export function clientRetried(r: RecordOf<'clientRetried'>): Explanation {
  const again = `${r.client} sent ${who(r.client, r.serial)} again, with the same serial, to ${r.to}`;
  switch (r.why) {
    case 'timeout':
      return because('client-retry', `${again}: no answer came from ${r.from} in time`, { next: 'If the first copy was applied, the session table keeps it from being applied twice' });
    case 'hint':
      return because('client-retry', `${again}: ${r.from} is not the leader and named ${r.to} as the leader`);
    case 'not-leader':
      return because('client-retry', `${again}: ${r.from} is not the leader and knows of none, so the client tries the next node`);
    default:
      return assertNever(r.why);
  }
}

export function clientReturned(r: RecordOf<'clientReturned'>): Explanation {
  const result = r.op.kind === 'get' ? `: ${r.op.key} = ${quoted(r.result)}` : ': done';
  const tries = r.attempts > 1 ? ` after ${plural(r.attempts, 'attempt')}` : '';
  return because('client-to-leader', `${r.client} got the answer to ${who(r.client, r.serial)} (${opText(r.op)}) from ${r.from}${tries}${result}`, {
    next: `It believes ${r.from} leads`,
  });
}

export function notLeader(r: RecordOf<'notLeader'>): Explanation {
  return because('client-to-leader', `${r.node} turned ${r.client}'s request ${who(r.client, r.serial)} away: it is not the leader${r.hint === null ? ' and knows of none' : `; ${r.hint} is`}`, {
    next: r.hint === null ? `${r.client} will try the next node` : `${r.client} will send it to ${r.hint}`,
  });
}

export function commandAppended(r: RecordOf<'commandAppended'>): Explanation {
  return because('leader-appends', `${r.node} appended ${who(r.client, r.serial)} ${opText(r.op)} at index ${r.index}, term ${r.term}`, {
    next: 'Once a majority stores it, it is committed, applied, and answered',
  });
}

export function duplicateAnswered(r: RecordOf<'duplicateAnswered'>): Explanation {
  return because('client-sessions', `${r.node} answered the retry ${who(r.client, r.serial)} from its session table: that request was applied already, so it is not appended or applied again`);
}

export function duplicatePending(r: RecordOf<'duplicatePending'>): Explanation {
  return because('client-sessions', `${r.node} already holds ${who(r.client, r.serial)} at index ${r.index}, not yet applied: the retry is not appended again`, {
    next: 'The reply goes out when that entry is applied',
  });
}

export function applied(r: RecordOf<'applied'>): Explanation {
  const what = `${r.node} applied index ${r.index}, ${who(r.client, r.serial)} ${opText(r.op)}`;
  const reply = r.replied ? `, and answered ${r.client}` : '';
  if (r.duplicate) {
    return because('client-sessions', `${what}, as a duplicate: its session table shows ${who(r.client, r.serial)} applied before, so the map is left as it was${reply}`);
  }
  const result = r.op.kind === 'get' ? ` (${r.op.key} = ${quoted(r.result)})` : '';
  return because('apply-committed', `${what}${result}${reply}`);
}

export function readQueued(r: RecordOf<'readQueued'>): Explanation {
  const lapsed = r.lease ? 'its lease has lapsed, so ' : '';
  if (r.readIndex === null) {
    return because('read-index', `${r.node} holds ${who(r.client, r.serial)} get ${r.key}: ${lapsed}it must first commit an entry of its own term before its commit index can be trusted`, {
      next: 'Then it confirms with a heartbeat round that it still leads',
    });
  }
  return because('read-index', `${r.node} holds ${who(r.client, r.serial)} get ${r.key} with read index ${r.readIndex}: ${lapsed}it sends a heartbeat round to confirm it still leads`, {
    next: 'It answers once a majority acknowledged that round and it has applied up to the read index',
  });
}

export function readServed(r: RecordOf<'readServed'>): Explanation {
  const what = `${r.node} answered ${who(r.client, r.serial)} get ${r.key} = ${quoted(r.result)} without the log`;
  switch (r.how) {
    case 'readindex':
      return because('read-index', `${what}: a majority confirmed it still leads, and it has applied up to the read index ${r.readIndex}`);
    case 'lease':
      return because('lease-read', `${what}, within its lease: a majority acknowledged it recently enough that no other leader can exist yet`);
    case 'stale':
      return because('read-index', `${what}, at once and with no check that it still leads (unsafe=stale-reads): a deposed leader answers from stale state`);
    default:
      return assertNever(r.how);
  }
}

export function readsDropped(r: RecordOf<'readsDropped'>): Explanation {
  const one = r.count === 1;
  return because('read-index', `${r.node} dropped ${plural(r.count, 'held read')}: it no longer leads, so it cannot confirm ${one ? 'it' : 'them'}`, {
    next: one ? 'Its client will time out and retry' : 'Their clients will time out and retry',
  });
}

export function workloadScheduled(r: RecordOf<'workloadScheduled'>): Explanation {
  return because('client-to-leader', `A workload of ${plural(r.ops, 'operation')} began: about ${r.rate} per second over keys k1..k${r.keys}, ${r.reads}% reads, the last at ${r.until} ms`);
}
