/**
 * Why a safety property broke, in plain words: what happened (the checker's own
 * detail, plus what it means), and which rule of Raft would have prevented it,
 * naming the unsafe switch in effect. Pure: the safety panel draws what this returns.
 */
import type { InvariantName } from '../../engine/events.ts';
import { canonicalUnsafe, type RaftOptions, type UnsafeRule } from '../../engine/types.ts';
import type { ViolationView } from '../worker/viewModel.ts';
import { INVARIANT_INFO } from './invariantInfo.ts';

/** One broken property: what broke, and what that means. */
export interface Breakage {
  readonly invariant: InvariantName;
  readonly title: string;
  readonly event: number;
  /** The checker's detail: which nodes, which entry. */
  readonly detail: string;
  /** What that means for the cluster's clients. */
  readonly consequence: string;
}

/** A reason it broke: a rule switched off, or (with none off) a bug. */
export interface Cause {
  /** The unsafe switches behind it; none when no rule is switched off (then it is a bug). */
  readonly rules: readonly UnsafeRule[];
  /** The paper's section for the rule that prevents this. */
  readonly section: string;
  /** The rule in one line, as a heading. */
  readonly ruleName: string;
  /** What the switch let happen, and how the rule prevents it. */
  readonly text: string;
}

export interface Explanation {
  readonly broken: readonly Breakage[];
  readonly causes: readonly Cause[];
}

/** What each switch lets happen and the rule it removes. */
const RULES: Readonly<Record<UnsafeRule, Omit<Cause, 'rules'>>> = {
  'commit-old-terms': {
    section: '§5.4.2',
    ruleName: 'a leader commits only entries of its own term by counting replicas (§5.4.2)',
    text:
      'With unsafe=commit-old-terms, a leader committed an entry from an earlier term as soon as a majority stored it. ' +
      'That is not safe: a server without the entry can still win an election, since its last entry has a newer term ' +
      '(votes compare last terms first, §5.4.1), and as leader it overwrites the entry everywhere. ' +
      "Raft's rule (§5.4.2, Figure 8): count replicas only for entries of the leader's own term. Older entries commit " +
      'along with the first entry of its term to reach a majority, and from then on no server without them can be elected.',
  },
  'vote-any-log': {
    section: '§5.4.1',
    ruleName: 'vote only for a candidate whose log is at least as up-to-date as yours (§5.4.1)',
    text:
      "With unsafe=vote-any-log, servers granted votes without checking that the candidate's log is at least as up-to-date as their own, " +
      'so a candidate missing a committed entry could win, and as leader it overwrote that entry on its followers. ' +
      "Raft's election restriction (§5.4.1): a voter refuses a candidate whose last entry has an older term, or the same term and a lower index. " +
      'A committed entry is on a majority, and a winner needs a vote from that majority, so every leader holds it.',
  },
  'no-truncate': {
    section: '§5.3',
    ruleName: "a follower deletes entries that conflict with the leader's (Figure 2, AppendEntries rule 3, §5.3)",
    text:
      "With unsafe=no-truncate, a follower kept entries that conflict with the leader's instead of deleting them, " +
      "so its log mixes two leaders' histories and the consistency check of AppendEntries accepts logs that differ. " +
      "Raft's rule (Figure 2, AppendEntries receiver rule 3, §5.3): if an existing entry conflicts with a new one " +
      '(same index, different terms), delete it and all that follow it.',
  },
  'no-sessions': {
    section: 'thesis §6.3',
    ruleName: 'the state machine applies each client request once, by its session table (thesis §6.3)',
    text:
      'With unsafe=no-sessions, the state machine kept no record of what each client had already had applied, ' +
      'so a request retried after its answer was lost (a leader crashed, a reply was dropped) was applied a second time. ' +
      "Raft's rule (thesis §6.3): the state machine keeps, per client, the serial of its last applied request and the reply, " +
      'and answers a retry from there instead of applying it again.',
  },
  'stale-reads': {
    section: 'thesis §6.4',
    ruleName: 'a leader answers a read only once it knows it still leads (thesis §6.4)',
    text:
      'With unsafe=stale-reads, a leader answered reads from its own state at once. A leader cut off in a minority does not know ' +
      'that a new leader has been elected and has committed new writes, so it answered with stale values. ' +
      "Raft's rule (thesis §6.4): before answering, the leader confirms with a heartbeat round to a majority that it still leads " +
      '(ReadIndex), or relies on a lease that no other leader can be elected within; or the read goes through the log.',
  },
  'snapshot-no-sessions': {
    section: '§7',
    ruleName: 'a snapshot holds the whole state machine, the session table included (§7, thesis §6.3)',
    text:
      'With unsafe=snapshot-no-sessions, snapshots kept the key-value map but not the session table. A node restored from such a ' +
      'snapshot (after a restart, or by InstallSnapshot) forgot which requests it had applied, so a retry of one was applied a second time. ' +
      "Raft's rule (§7, thesis §6.3): the snapshot is the state machine's whole state as of its last included index, " +
      'and the session table is part of that state.',
  },
  'direct-change': {
    section: '§6',
    ruleName: 'a change of several servers goes through the joint configuration C_old,new (§6, Figure 10)',
    text:
      'With unsafe=direct-change, the leader switched from the old configuration straight to the new one. Servers adopt a configuration ' +
      'as it reaches their logs, so for a while some used the old one and some the new, and a majority of each could elect its own leader ' +
      "in the same term (Figure 10). Raft's rule (§6): go through the joint configuration C_old,new first, in which every election and " +
      'every commitment needs a majority of the old servers and a majority of the new, so no two such majorities can disagree.',
  },
  'change-before-noop': {
    section: 'thesis §4.1',
    ruleName: 'a leader changes the membership only once it has committed an entry of its own term (thesis §4.1)',
    text:
      'With unsafe=change-before-noop, a new leader appended a single-server change before committing an entry of its term. ' +
      'An earlier leader may have been in the middle of another change, so the two configurations need not share a majority, ' +
      "and an entry committed under one could be lost under the other. Raft's rule (Ongaro's 2015 correction to thesis §4.1): " +
      'a leader first commits an entry of its own term (its no-op), and only then appends a configuration entry.',
  },
};

/** The switches that can break each property, most direct first. */
const SUSPECTS: Readonly<Record<InvariantName, readonly UnsafeRule[]>> = {
  // Two majorities that do not overlap (C_old's and C_new's without a joint phase) can elect two leaders in one term (Figure 10).
  ElectionSafety: ['direct-change'],
  LeaderAppendOnly: [],
  LogMatching: ['no-truncate', 'direct-change'],
  LeaderCompleteness: ['commit-old-terms', 'vote-any-log', 'no-truncate', 'change-before-noop', 'direct-change'],
  StateMachineSafety: ['commit-old-terms', 'vote-any-log', 'no-truncate', 'change-before-noop', 'direct-change'],
  CommitWithinLog: ['no-truncate'],
  SnapshotIntegrity: ['snapshot-no-sessions', 'commit-old-terms', 'vote-any-log', 'no-truncate', 'change-before-noop', 'direct-change'],
  // No switch breaks it: every rule that could take a state machine back is kept.
  AppliedMonotonic: [],
  Linearizability: ['no-sessions', 'snapshot-no-sessions', 'stale-reads', 'commit-old-terms', 'vote-any-log', 'no-truncate', 'change-before-noop', 'direct-change'],
};

const flag = (rules: readonly UnsafeRule[]): string => `unsafe=${rules.join(',')}`;

/** Explain the violations shown (the first of each property broken), given the run's options. */
export function explainViolations(violations: readonly ViolationView[], raft: RaftOptions): Explanation {
  const broken = violations.map((v): Breakage => {
    const info = INVARIANT_INFO[v.invariant];
    return { invariant: v.invariant, title: info.title, event: v.event, detail: v.detail, consequence: info.consequence(v.index) };
  });
  const on = canonicalUnsafe(raft.unsafe);
  const blamed: UnsafeRule[] = [];
  for (const v of violations) {
    for (const r of SUSPECTS[v.invariant]) if (on.includes(r) && !blamed.includes(r)) blamed.push(r);
  }
  const causes: Cause[] = blamed.map((rule) => ({ rules: [rule], ...RULES[rule] }));
  if (violations.length > 0 && causes.length === 0) {
    causes.push(
      on.length === 0
        ? {
            rules: [],
            section: '',
            ruleName: 'every rule of Raft is on in this run',
            text:
              'No rule is switched off here, so Raft guarantees this cannot happen: it is a bug in the simulator. ' +
              'Please report it with this run (Share link or Save .txt).',
          }
        : {
            rules: on,
            section: RULES[on[0]].section,
            ruleName: `rules switched off in this run: ${flag(on)}`,
            text:
              `This run switches rules off (${flag(on)}). Raft's proof of safety assumes every rule holds, ` +
              'so once one is off, any property may break: ' +
              on.map((r) => RULES[r].ruleName).join('; ') +
              '.',
          },
    );
  }
  return { broken, causes };
}
