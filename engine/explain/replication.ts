/** Explanations of log replication and repair (§5.3), heartbeats (§5.2), and the leader's bookkeeping (Figure 2). */
import { assertNever } from '../assertNever.ts';
import { because, plural, type Explanation, type RecordOf } from './explanation.ts';

export function heartbeat(r: RecordOf<'heartbeat'>): Explanation {
  return because('heartbeats', `${r.node} sent heartbeats for term ${r.term}: AppendEntries to every follower, so none of them starts an election`, {
    next: 'They also resend anything the network lost',
  });
}

export function appendAccepted(r: RecordOf<'appendAccepted'>): Explanation {
  if (r.entries === 0) {
    return because('heartbeats', `${r.node} accepted a heartbeat from ${r.leader}: its log matches up to index ${r.matchIndex}`, {
      next: 'It resets its election timer',
    });
  }
  const after = r.prevIndex === 0 ? 'at the start of its log' : `after index ${r.prevIndex}, where its entry matches ${r.leader}'s`;
  return because('consistency-check', `${r.node} accepted ${plural(r.entries, 'entry', 'entries')} from ${r.leader} ${after}, so its log now matches up to ${r.matchIndex}`);
}

export function appendRejected(r: RecordOf<'appendRejected'>): Explanation {
  const w = r.why;
  const retry = `${r.leader} will try an earlier index`;
  switch (w.kind) {
    case 'stale-term':
      return because('higher-term', `${r.node} rejected AppendEntries from ${r.leader}: ${r.leader}'s term is behind its own term ${r.term}`, {
        next: `${r.leader} sees term ${r.term} in the reply and steps down`,
      });
    case 'missing-entry':
      return because('consistency-check', `${r.node} rejected AppendEntries from ${r.leader}: it has no entry at index ${r.prevIndex} (its log ends at ${w.lastIndex})`, {
        next: retry,
      });
    case 'term-mismatch':
      return because('consistency-check', `${r.node} rejected AppendEntries from ${r.leader}: its entry at index ${r.prevIndex} has term ${w.actualTerm}, not ${r.prevTerm}`, {
        next: retry,
      });
    default:
      return assertNever(w);
  }
}

export function truncated(r: RecordOf<'truncated'>): Explanation {
  return because(
    'delete-conflicts',
    `${r.node} deleted ${plural(r.removed, 'entry', 'entries')} from index ${r.from}: its entry there has term ${r.conflictTerm} but the leader's has term ${r.leaderTerm}, and a follower deletes a conflicting entry and all that follow it`,
    { next: "The leader's entries take their place" },
  );
}

export function matchAdvanced(r: RecordOf<'matchAdvanced'>): Explanation {
  return because('leader-progress', `${r.node} knows ${r.peer} matches its log up to index ${r.match} (its matchIndex)`, {
    next: 'It checks whether a majority now stores an entry it can commit',
  });
}

export function nextIndexBackedOff(r: RecordOf<'nextIndexBackedOff'>): Explanation {
  return r.how === 'hint'
    ? because('conflict-hint', `${r.node} moved ${r.peer}'s nextIndex from ${r.from} to ${r.to} using ${r.peer}'s conflict hint, skipping indexes that cannot match`, {
        next: `It resends from index ${r.to}`,
      })
    : because('backoff', `${r.node} decremented ${r.peer}'s nextIndex from ${r.from} to ${r.to}`, { next: `It resends from index ${r.to}` });
}

export function probeSettled(r: RecordOf<'probeSettled'>): Explanation {
  return because('backoff', `${r.node} found where ${r.peer}'s log agrees with its own, after ${plural(r.rejections, 'rejection')}`, {
    next: `From there on it sends ${r.peer} its own entries`,
  });
}

export function staleResponse(r: RecordOf<'staleResponse'>): Explanation {
  return because(
    'unreliable-network',
    `${r.node} ignored a late rejection from ${r.peer} about index ${r.rejectedIndex}: it answers an earlier AppendEntries, and ${r.node} has moved on since`,
  );
}
