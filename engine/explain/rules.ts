/**
 * The rules of Raft that raftviz cites, by id: where each is stated (a section of
 * the Raft paper, its Figure 2 or 3, or Ongaro's thesis for the extensions), a
 * short name, and what it says in a sentence or two of plain words.
 *
 * Pure data. explain.ts names one of these for every event record; the page
 * shows the section and title as a chip, and the summary on hover or focus.
 *
 * Invariant: every `section` is a string the explanations' citations contain,
 * so a reader can find the rule from the text alone (engine/test/explain.test.ts).
 */

import type { RuleId } from './ruleIds.ts';

export interface Rule {
  /** Where it is stated: `§5.3`, `Figure 2`, `thesis §9.6`. */
  readonly section: string;
  /** A short name, for a chip. */
  readonly title: string;
  /** What the rule says and why it matters, in one or two plain sentences. */
  readonly summary: string;
}

export const RULES = {
  'higher-term': {
    section: '§5.1',
    title: 'Higher term wins',
    summary:
      "Time is divided into numbered terms, and every message carries its sender's term. A node that sees a higher term adopts it and becomes a follower; a request from an older term is rejected.",
  },
  'election-timeout': {
    section: '§5.2',
    title: 'Election timeout',
    summary:
      'A follower that hears nothing from a leader for a whole election timeout assumes there is none. It starts an election: it raises its term, votes for itself and asks every other node for its vote.',
  },
  'randomized-timeouts': {
    section: '§5.2',
    title: 'Randomized timeouts',
    summary:
      'Each node draws its election timeout at random from a range, so usually one node times out first and wins before the others start. If the votes split and no one wins, the timers fire again and a new election begins.',
  },
  'one-vote': {
    section: '§5.2',
    title: 'One vote per term',
    summary:
      'A node votes for at most one candidate in a term, first come first served, and keeps that vote across a crash. So two candidates cannot both collect a majority in the same term.',
  },
  'majority-wins': {
    section: '§5.2',
    title: 'A majority elects',
    summary:
      'A candidate that collects votes from a majority of the cluster, its own included, becomes leader of its term. Any two majorities share a node, so a term has at most one leader.',
  },
  heartbeats: {
    section: '§5.2',
    title: 'Heartbeats',
    summary:
      'A leader sends AppendEntries to every follower at a regular interval, empty when there is nothing new. Each one tells the follower that the leader is alive and resets its election timer.',
  },
  'candidate-yields': {
    section: '§5.2',
    title: 'A candidate yields to the leader',
    summary:
      'A candidate that receives AppendEntries from a leader whose term is at least its own recognizes that leader and goes back to being a follower.',
  },
  'up-to-date': {
    section: '§5.4.1',
    title: 'Election restriction',
    summary:
      "A node refuses its vote to a candidate whose log is less up-to-date than its own: the later last term wins, and with equal last terms the longer log. Every committed entry is on a majority, so a winner holds them all.",
  },
  'consistency-check': {
    section: '§5.3',
    title: 'Log consistency check',
    summary:
      'Each AppendEntries names the entry just before the new ones (prevLogIndex and prevLogTerm). A follower accepts only if its log holds that entry, so once it accepts, its log matches the leader\'s up to there.',
  },
  backoff: {
    section: '§5.3',
    title: 'Repair by backing off nextIndex',
    summary:
      "When a follower rejects AppendEntries, the leader moves that follower's nextIndex back and tries again, until it finds where their logs agree. From there on it sends its own entries.",
  },
  'conflict-hint': {
    section: '§5.3',
    title: 'Fast conflict hint',
    summary:
      "A rejection carries a hint about the follower's log, so the leader skips every index that cannot match in one step instead of going back one index per round trip. The paper sketches this optimization at the end of §5.3; raftviz uses etcd's form: the follower's last index whose term is at most the probed term.",
  },
  'delete-conflicts': {
    section: '§5.3',
    title: 'Delete conflicting entries',
    summary:
      "A follower that holds an entry conflicting with the leader's (same index, different term) deletes it and every entry after it, then takes the leader's (Figure 2, AppendEntries rule 3). Only uncommitted entries can conflict.",
  },
  'leader-appends': {
    section: '§5.3',
    title: 'The leader appends, then replicates',
    summary:
      "A client's command becomes a new entry at the end of the leader's log. The leader sends it to every follower in AppendEntries, and it is committed once a majority stores it.",
  },
  'commit-majority': {
    section: '§5.3',
    title: 'Committed on a majority',
    summary:
      "A leader commits an entry of its own term once a majority of nodes store it, and every earlier entry commits with it. A committed entry is never lost: every future leader holds it.",
  },
  'current-term-only': {
    section: '§5.4.2',
    title: 'Count only current-term entries',
    summary:
      "A leader commits by counting replicas only for entries of its own term. An older entry on a majority can still be overwritten by a later leader (Figure 8); it is committed when a later entry of the leader's term is.",
  },
  'learn-commit': {
    section: 'Figure 2',
    title: 'Followers learn the commit index',
    summary:
      "AppendEntries carries the leader's commit index (leaderCommit). A follower commits up to it, but not past the last entry this request proved it shares with the leader (Figure 2, AppendEntries rule 5).",
  },
  'leader-progress': {
    section: 'Figure 2',
    title: 'nextIndex and matchIndex',
    summary:
      "A leader keeps, for each follower, the next index to send it (nextIndex) and the highest index known to match its own log (matchIndex). It commits by counting matchIndexes.",
  },
  'client-to-leader': {
    section: '§8',
    title: 'Clients talk to the leader',
    summary:
      'Only the leader accepts client requests. Another node refuses one and names the leader it knows of; a request to a crashed node goes unanswered, and the client tries another node.',
  },
  'leader-noop': {
    section: '§8',
    title: "A new leader's no-op",
    summary:
      "A new leader appends an entry of its own term with no command. Once that no-op is committed, every earlier entry is committed with it (§5.4.2), so the leader learns what is committed.",
  },
  'persistent-state': {
    section: 'Figure 2',
    title: 'Persistent state survives crashes',
    summary:
      'A node saves its current term, its vote and its log to stable storage before it answers anything, so a crash loses none of them. Its role, commit index and timers are volatile: after a restart it is a follower and learns the commit index again from a leader.',
  },
  'unreliable-network': {
    section: '§5.1',
    title: 'Lost and late messages',
    summary:
      "Messages may be lost, delayed or reordered and links may be cut; Raft's safety never depends on a message arriving. Servers retry requests that go unanswered (§5.1): a leader resends AppendEntries with its next heartbeat, and a candidate short of votes times out and tries again.",
  },
  'crash-retry': {
    section: '§5.5',
    title: 'Crashed nodes are retried',
    summary:
      'Messages to a crashed node are lost. Raft retries them indefinitely: the leader keeps sending AppendEntries, and once the node restarts it catches up. Raft RPCs are idempotent, so a repeat does no harm.',
  },
  prevote: {
    section: 'thesis §9.6',
    title: 'PreVote',
    summary:
      'Before it starts an election, a node asks whether a majority would vote for it, without raising its term. A node that heard from a leader within the minimum election timeout says no, so a node coming back from a partition cannot disrupt a working leader.',
  },
  'check-quorum': {
    section: 'thesis §6.2',
    title: 'CheckQuorum',
    summary:
      'A leader that has not heard from a majority within an election timeout steps down, so a leader cut off from the cluster stops accepting client requests it could never commit.',
  },
  'apply-committed': {
    section: 'Figure 2',
    title: 'Apply what is committed',
    summary:
      'Every server applies committed entries to its state machine in log order, and only committed ones, so all state machines go through the same states. The leader then answers the client whose command it applied.',
  },
  'client-retry': {
    section: '§8',
    title: 'Clients retry',
    summary:
      'A client sends its request to the leader it knows of, follows a hint when a node says it is not the leader, and sends the request again elsewhere when no answer comes in time. A retry keeps the same serial number.',
  },
  'client-sessions': {
    section: 'thesis §6.3',
    title: 'Sessions: apply each request once',
    summary:
      'The state machine remembers, for each client, the serial number of its last applied request and the reply. A retry of a request already applied is answered from there and not applied again, even when it reaches a new leader.',
  },
  snapshot: {
    section: 'Figure 12',
    title: 'Log compaction',
    summary:
      'A server snapshots its state machine, the map and the session table, up to the last entry it applied, and throws away the log up to there. The snapshot keeps that index and its term, so the consistency check still works at the log\'s new start (§7).',
  },
  'install-snapshot': {
    section: 'Figure 13',
    title: 'InstallSnapshot',
    summary:
      'A leader that has compacted an entry a follower still needs sends its snapshot instead. The follower ignores a snapshot older than what it applied; keeps the entries after the snapshot if its log holds the snapshot\'s last entry; otherwise discards its log and resets its state machine from the snapshot (§7).',
  },
  'read-index': {
    section: 'thesis §6.4',
    title: 'ReadIndex',
    summary:
      'A leader can answer a read without the log: once it has committed an entry of its term, it notes its commit index, confirms it still leads with one round of heartbeats to a majority, and answers once it has applied up to that index.',
  },
  'lease-read': {
    section: 'thesis §6.4',
    title: 'Lease reads',
    summary:
      'After a majority acknowledged a heartbeat round, no other leader can be elected until about an election timeout after that round was sent (followers ignore vote requests that soon). Within that lease the leader answers reads at once.',
  },
  linearizability: {
    section: '§8',
    title: 'Linearizability',
    summary:
      'Each operation appears to take effect at one instant between its call and its answer: a read sees every write that finished before it began. Raft promises this to clients only with sessions and safe reads.',
  },
  safety: {
    section: 'Figure 3',
    title: 'Safety properties',
    summary:
      "Raft guarantees that a term has at most one leader, a leader never overwrites its own log, logs that share an entry agree on everything before it, every leader holds every committed entry, and no two nodes apply different entries at one index. raftviz checks these after every event.",
  },
  // ---- membership changes (§6, thesis chapter 4) and leadership transfer (thesis §3.10)
  'latest-config': {
    section: '§6',
    title: 'The latest configuration rules',
    summary:
      "A server uses the latest configuration in its log from the moment it stores it, committed or not (with none in its log, its snapshot's). A leader uses a new configuration as soon as it appends it, a follower as soon as it receives it.",
  },
  'one-change-at-a-time': {
    section: '§6',
    title: 'One change at a time',
    summary:
      'A leader carries out one membership change at a time, and appends each configuration entry only once the one before it has committed. A change asked for meanwhile is refused.',
  },
  'change-after-commit': {
    section: 'thesis §4.1',
    title: 'Commit first, then change',
    summary:
      "A new leader appends no configuration entry until it has committed an entry of its own term. Without this wait, the bug Ongaro reported in 2015, single-server changes made by successive leaders can form majorities that share no server and lose a committed entry; a new leader's no-op keeps the wait short.",
  },
  learners: {
    section: 'thesis §4.2.1',
    title: 'New servers catch up first',
    summary:
      'A server to be added first joins as a learner: it receives entries but neither votes nor counts toward a majority. Once it holds everything the leader has committed it is promoted, so an empty new server never holds up commitment.',
  },
  'joint-consensus': {
    section: '§6',
    title: 'Joint consensus',
    summary:
      'To change several voters at once, the leader first appends the joint configuration C_old,new: while it is in force, every election and every commitment needs a majority of the old voters and a majority of the new. Once it has committed, the leader appends C_new, so C_old and C_new can never decide apart (Figure 11).',
  },
  'single-server-change': {
    section: 'thesis §4.1',
    title: 'One server at a time',
    summary:
      'Adding or removing a single voter needs no joint phase: any majority of the old configuration shares a server with any majority of the new, so the two can never decide apart. The leader appends the new configuration directly.',
  },
  'voters-only': {
    section: '§6',
    title: 'Only voters elect and commit',
    summary:
      'Only the voters of a configuration vote, campaign and count toward a majority. A learner, or a server outside the configuration, could not win an election, so it never starts one: its election timer stops.',
  },
  'removed-leader': {
    section: '§6',
    title: 'A removed leader steps down',
    summary:
      "A leader that is not in C_new manages the cluster until C_new has committed, replicating entries without counting itself in C_new's majorities. Then it steps down, and the remaining voters elect a leader among themselves.",
  },
  'disruptive-servers': {
    section: '§6',
    title: 'Removed servers must not disrupt',
    summary:
      'A removed server hears no more heartbeats and would start elections with ever higher terms. So a voter that heard from its leader within the minimum election timeout ignores a request for votes, neither adopting its term nor voting; raftviz, like etcd, applies this only with CheckQuorum (or leases).',
  },
  'leadership-transfer': {
    section: 'thesis §3.10',
    title: 'Leadership transfer',
    summary:
      "To hand its leadership over, a leader stops taking client requests, brings the target's log up to date, then sends it TimeoutNow. The target starts an election at once and, with a complete log, usually wins; if no election ends the transfer within an election timeout, the old leader takes requests again.",
  },
} as const satisfies Readonly<Record<RuleId, Rule>>;

export type { RuleId } from './ruleIds.ts';
export { RULE_IDS, isRuleId } from './ruleIds.ts';


/** A citation as the explanations write it, e.g. `§5.3 Log consistency check`. */
export const ruleLabel = (id: RuleId): string => `${RULES[id].section} ${RULES[id].title}`;
