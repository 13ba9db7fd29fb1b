/**
 * Explanations of leadership transfer (thesis §3.10): the leader stops taking
 * requests, brings the target's log up to date, sends it TimeoutNow, and the
 * target campaigns at once; with no new leader within an election timeout, the
 * transfer is given up.
 */
import { because, quoted, type Explanation, type RecordOf } from './explanation.ts';
import { refusalWords } from './membership.ts';

export function transferStarted(r: RecordOf<'transferStarted'>): Explanation {
  const log =
    r.match >= r.lastIndex
      ? `${r.target}'s log already matches its own up to its last entry, index ${r.lastIndex}`
      : `first it brings ${r.target}'s log up to date (it matches up to index ${r.match} of ${r.lastIndex})`;
  return because('leadership-transfer', `${r.node} began handing its leadership to ${r.target}: it takes no new client requests until the transfer ends, and ${log}`, {
    next: `Once ${r.target}'s log matches, ${r.node} tells it to campaign now (TimeoutNow)`,
  });
}

export function transferRefused(r: RecordOf<'transferRefused'>): Explanation {
  const { words, rule } = refusalWords(r.why);
  const who =
    r.node === null ? `Leadership could not be handed to ${r.target}` : r.why.kind === 'down' ? `The transfer to ${r.target} did not reach ${r.node}` : `${r.node} did not hand its leadership to ${r.target}`;
  return because(rule ?? 'leadership-transfer', `${who}: ${words}`, rule === 'voters-only' ? { cite: '§6, thesis §3.10' } : {});
}

export function timeoutNowSent(r: RecordOf<'timeoutNowSent'>): Explanation {
  return because('leadership-transfer', `${r.node} sent TimeoutNow to ${r.target}: ${r.target}'s log matches its own up to its last entry, index ${r.match}, so ${r.target} can win an election`, {
    next: `${r.target} starts an election at once, without waiting for its timer`,
  });
}

export function timeoutNowReceived(r: RecordOf<'timeoutNowReceived'>): Explanation {
  return because(
    'leadership-transfer',
    `${r.node} was told by its leader ${r.from} to campaign now (TimeoutNow, term ${r.term}): it starts an election at once, without PreVote, and its RequestVote says that the leader asked for it`,
    { next: `Voters do not ignore it for still hearing from ${r.from}, since ${r.from} itself asked for the election` },
  );
}

export function transferAborted(r: RecordOf<'transferAborted'>): Explanation {
  if (r.why === 'stepped-down') {
    return because('leadership-transfer', `${r.node} stopped leading before its transfer to ${r.target} ended: the transfer goes with its leadership`, {
      next: 'Whoever leads next takes client requests as usual',
    });
  }
  return because('leadership-transfer', `${r.node} gave up handing its leadership to ${r.target}: no new leader had ended the transfer ${r.after} ms after it began, an election timeout or more`, {
    next: 'It takes client requests again',
  });
}

export function requestHeld(r: RecordOf<'requestHeld'>): Explanation {
  return because('leadership-transfer', `${r.node} did not take ${r.client}#${r.serial}: it is handing its leadership to ${r.target}, and takes no new requests meanwhile`, {
    next: `${r.client} will time out and send it again, to the next leader`,
  });
}

/** A `propose` to a leader that is handing its leadership to `target`. */
export function proposalHeld(node: string | null, value: string, target: string | null): Explanation {
  return because('leadership-transfer', `${node ?? 'The leader'} refused client request ${quoted(value)}: it is handing its leadership${target === null ? '' : ` to ${target}`}, and takes no new requests meanwhile`, {
    next: 'The client should send it to the next leader',
  });
}
