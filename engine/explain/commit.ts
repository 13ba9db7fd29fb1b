/** Explanations of commitment: by a majority (§5.3), only for the current term (§5.4.2), and learned from the leader (Figure 2). */
import { assertNever } from '../assertNever.ts';
import { because, type Explanation, type RecordOf } from './explanation.ts';

export function commitAdvanced(r: RecordOf<'commitAdvanced'>): Explanation {
  const by = r.by;
  switch (by) {
    case 'majority':
      return because('commit-majority', `${r.node} advanced commit to ${r.to}: a majority stores index ${r.to}, an entry of its own term, so it and every entry before it are committed`, {
        next: 'Followers learn this from the leaderCommit of its next AppendEntries',
        cite: '§5.3, §5.4.2',
      });
    case 'leader':
      return because('learn-commit', `${r.node} advanced commit to ${r.to}, as the leader reported in leaderCommit`, {
        cite: 'Figure 2, AppendEntries rule 5',
      });
    case 'old-term-majority':
      return because(
        'current-term-only',
        `UNSAFE: ${r.node} advanced commit to ${r.to} by counting replicas of an entry from an earlier term, which §5.4.2 forbids`,
        { next: 'A later leader may overwrite it', cite: 'unsafe=commit-old-terms, Figure 8' },
      );
    default:
      return assertNever(by);
  }
}

export function commitDeferred(r: RecordOf<'commitDeferred'>): Explanation {
  return because(
    'current-term-only',
    `${r.node} did not commit index ${r.index} although ${r.replicas} of ${r.clusterSize} nodes store it: ` +
      `it is from term ${r.entryTerm}, and only entries of the current term ${r.currentTerm} are committed by counting`,
    { next: `It is committed only along with an entry of term ${r.currentTerm} on a majority; until then a later leader may overwrite it` },
  );
}
