/** Explanations of client requests: only the leader takes them (§8) and appends them to its log (§5.3). */
import { assertNever } from '../assertNever.ts';
import { because, quoted, type Explanation, type RecordOf } from './explanation.ts';

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
    default:
      return assertNever(why);
  }
}
