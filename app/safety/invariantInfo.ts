/**
 * The safety properties the engine checks (engine/events.ts INVARIANTS), in the
 * words the page uses: a plain name, one line on what it promises, and where the
 * paper states it. Pure data.
 */
import type { InvariantName } from '../../engine/events.ts';

export interface InvariantInfo {
  /** The name as the paper writes it. */
  readonly title: string;
  /** What it promises, in one line. */
  readonly meaning: string;
  /** Where the paper (Figure 3, §5.2-5.4, §7) or Figure 2 states it. */
  readonly section: string;
  /** What a violation means for a user of the cluster, given the log index involved (if any). */
  readonly consequence: (index: number | null) => string;
}

const at = (index: number | null): string => (index === null ? '' : ` at index ${index}`);

export const INVARIANT_INFO: Readonly<Record<InvariantName, InvariantInfo>> = {
  Linearizability: {
    title: 'Linearizability',
    meaning: "every client operation takes effect at one instant between its call and its answer",
    section: '§8',
    consequence: () => 'A client saw a result no single order of the operations explains: a write applied twice, or a read that missed a finished write.',
  },
  ElectionSafety: {
    title: 'Election Safety',
    meaning: 'at most one leader per term',
    section: '§5.2',
    consequence: () => 'Two leaders of one term can each commit different entries.',
  },
  LeaderAppendOnly: {
    title: 'Leader Append-Only',
    meaning: 'a leader never overwrites or deletes entries in its own log',
    section: '§5.3',
    consequence: (i) => `A leader threw away entries of its own log${at(i)}.`,
  },
  LogMatching: {
    title: 'Log Matching',
    meaning: 'two logs with an entry of the same index and term are identical up to it',
    section: '§5.3',
    consequence: (i) =>
      `Two logs agree on the entry${at(i)} but not on what comes before it, so the consistency check of AppendEntries no longer proves that logs match.`,
  },
  LeaderCompleteness: {
    title: 'Leader Completeness',
    meaning: 'every leader holds every committed entry',
    section: '§5.4',
    consequence: (i) => `A leader lacks an entry already committed${at(i)}; it will overwrite it on its followers.`,
  },
  StateMachineSafety: {
    title: 'State Machine Safety',
    meaning: 'no two servers commit different entries at one index, and none loses an entry it committed',
    section: '§5.4.3',
    consequence: (i) =>
      `A committed entry${at(i)} was lost: a client was told it was done, and servers may now apply different commands there.`,
  },
  CommitWithinLog: {
    title: 'Commit within log',
    meaning: "a server's commitIndex never passes the end of its log",
    section: 'Figure 2',
    consequence: () => 'A server counts as committed entries it does not even hold.',
  },
  SnapshotIntegrity: {
    title: 'Snapshot integrity',
    meaning: 'a snapshot holds exactly the state of applying the committed entries it covers, sessions included',
    section: '§7',
    consequence: (i) =>
      `A snapshot${at(i)} does not hold the state its entries give: a node restored from it starts from a wrong state, and may apply a retried request twice.`,
  },
  AppliedMonotonic: {
    title: 'Applied never goes back',
    meaning: "a server's lastApplied and its snapshot never go backwards (Figure 13: an older snapshot is ignored)",
    section: '§7',
    consequence: (i) => `A server's state machine went back${at(i)}: it undid commands it had applied, and answers from an older state.`,
  },
};
