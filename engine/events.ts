/**
 * Structured event records. Every change the engine makes is reported as one of
 * these, with the reason and not only the outcome, so the UI, the trace and the
 * tests can all say *why* something happened. `describe.ts` turns them into text.
 */
import type { ChangeHow, ClientId, KvOp, Membership, MessageType, NodeId, Role } from './types.ts';

export interface LogPosition {
  readonly lastIndex: number;
  readonly lastTerm: number;
}

export type VoteRefusal =
  /** The candidate's term is older than ours (§5.1). */
  | { readonly kind: 'stale-term' }
  /** We already voted for someone else in this term (§5.2). */
  | { readonly kind: 'already-voted'; readonly votedFor: NodeId }
  /** The candidate's log is less up-to-date than ours (§5.4.1). */
  | { readonly kind: 'log-behind'; readonly mine: LogPosition; readonly theirs: LogPosition }
  /**
   * PreVote: we are the leader (`leader` is the voter itself), or we heard from
   * leader `leader` `ago` ms ago, less than the minimum election timeout
   * `minElectionTimeout`, so we see no reason for an election (thesis §9.6).
   */
  | { readonly kind: 'has-leader'; readonly leader: NodeId; readonly ago: number; readonly minElectionTimeout: number }
  /**
   * Under `reads=lease`: the voter restarted `ago` ms ago, less than the minimum
   * election timeout. It may have acknowledged a leader's round just before it
   * crashed, and has forgotten that, so it keeps out of elections for as long as
   * that leader's lease could last (thesis §6.4.1).
   */
  | { readonly kind: 'restarted'; readonly ago: number; readonly minElectionTimeout: number }
  /** Told to campaign (or its timer fired), a node that is no voter in its configuration does not: it cannot win (§6). */
  | { readonly kind: 'not-voter' };

/** Why a membership change or a leadership transfer was not started. */
export type ChangeRefusal =
  | { readonly kind: 'no-leader' }
  | { readonly kind: 'down' }
  | { readonly kind: 'not-leader'; readonly leader: NodeId | null }
  /** One change at a time (§6, thesis §4.1): `pending` is the one under way, in words. */
  | { readonly kind: 'in-progress'; readonly pending: string }
  /** A leadership transfer is under way (thesis §3.10): the leader takes nothing new until it ends. */
  | { readonly kind: 'transferring'; readonly target: NodeId }
  /** The configuration asked for is the one in force. */
  | { readonly kind: 'nothing-to-change' }
  /** The change would leave no voter at all. */
  | { readonly kind: 'no-voters' }
  /** A transfer's target must be another voter. */
  | { readonly kind: 'not-a-voter'; readonly target: NodeId }
  | { readonly kind: 'is-leader' };

/**
 * What a configuration entry a leader appends is for (§6, thesis chapter 4):
 * - `learners`: servers to be added join as learners, to catch up (thesis §4.2.1);
 * - `joint`: C_old,new; `leave`: C_new, once C_old,new has committed (§6);
 * - `single`: one voter in or out (thesis §4.1), a learner's promotion included;
 * - `direct` (unsafe): C_new straight after C_old (what Figure 10 warns against).
 */
export type ConfigPhase = 'learners' | 'joint' | 'leave' | 'single' | 'direct';
export type AppendRefusal =
  | { readonly kind: 'stale-term' }
  /** Log consistency check (§5.3): we have no entry at prevLogIndex. */
  | { readonly kind: 'missing-entry'; readonly lastIndex: number }
  /** Log consistency check (§5.3): our entry at prevLogIndex has another term. */
  | { readonly kind: 'term-mismatch'; readonly actualTerm: number };

export type LossReason = 'link-cut' | 'receiver-down' | 'dropped';

export interface MessageSummary {
  readonly id: number;
  readonly type: MessageType;
  readonly from: NodeId;
  readonly to: NodeId;
  readonly term: number;
}

/** Why a node became a follower. */
export type FollowReason =
  /** It saw a message with a higher term (§5.1). */
  | 'higher-term'
  /** A candidate heard from the leader of its own term (§5.2). */
  | 'leader-found'
  /** CheckQuorum: a leader heard from no majority within an election timeout (thesis §6.2). */
  | 'lost-quorum'
  /** A leader not in C_new steps down once C_new has committed (§6). */
  | 'removed';

export type RecordBody =
  | { readonly type: 'electionTimeout'; readonly node: NodeId; readonly term: number; readonly forced: boolean }
  /** `pre`: a PreVote round at `term`, the term the node would campaign in; its own is still one lower. */
  | { readonly type: 'becameCandidate'; readonly node: NodeId; readonly term: number; readonly pre: boolean }
  | { readonly type: 'becameLeader'; readonly node: NodeId; readonly term: number; readonly votes: readonly NodeId[] }
  | {
      readonly type: 'becameFollower';
      readonly node: NodeId;
      readonly term: number;
      readonly was: Role;
      readonly reason: FollowReason;
      readonly cause: NodeId;
    }
  | {
      readonly type: 'voteGranted';
      readonly node: NodeId;
      readonly candidate: NodeId;
      readonly term: number;
      readonly preVote: boolean;
      /**
       * The candidate's log is less up-to-date than the voter's: only
       * `unsafe=vote-any-log`, which skips the election restriction (§5.4.1), grants such a vote.
       */
      readonly logBehind: boolean;
    }
  | {
      readonly type: 'voteRefused';
      readonly node: NodeId;
      readonly candidate: NodeId;
      readonly term: number;
      readonly why: VoteRefusal;
      readonly preVote: boolean;
    }
  | {
      readonly type: 'voteCounted';
      readonly node: NodeId;
      readonly voter: NodeId;
      readonly term: number;
      readonly granted: boolean;
      readonly votes: number;
      readonly needed: number;
      readonly preVote: boolean;
    }
  | {
      /**
       * A non-event worth explaining: an answer to a vote request of the node's
       * current term arrived after the election was over for it: it already
       * leads (a majority was enough, §5.2), or it stepped down.
       */
      readonly type: 'voteIgnored';
      readonly node: NodeId;
      readonly voter: NodeId;
      readonly term: number;
      readonly granted: boolean;
      readonly role: 'leader' | 'follower';
    }
  | {
      readonly type: 'appendAccepted';
      readonly node: NodeId;
      readonly leader: NodeId;
      readonly term: number;
      readonly prevIndex: number;
      readonly entries: number;
      readonly matchIndex: number;
    }
  | {
      readonly type: 'appendRejected';
      readonly node: NodeId;
      readonly leader: NodeId;
      readonly term: number;
      readonly prevIndex: number;
      readonly prevTerm: number;
      readonly why: AppendRefusal;
      readonly hintIndex: number;
      readonly hintTerm: number;
    }
  | {
      /** A follower deleted a conflicting entry and all that follow it (§5.3, Figure 2 rule 3). */
      readonly type: 'truncated';
      readonly node: NodeId;
      readonly from: number;
      readonly removed: number;
      readonly conflictTerm: number;
      readonly leaderTerm: number;
    }
  | { readonly type: 'matchAdvanced'; readonly node: NodeId; readonly peer: NodeId; readonly match: number }
  | {
      /** A leader moved a follower's nextIndex back after a rejection (§5.3). */
      readonly type: 'nextIndexBackedOff';
      readonly node: NodeId;
      readonly peer: NodeId;
      readonly from: number;
      readonly to: number;
      readonly how: 'hint' | 'decrement';
    }
  | {
      /** CheckQuorum: a leader's election timer fired, and it counted who answered since the last check (thesis §6.2). */
      readonly type: 'quorumChecked';
      readonly node: NodeId;
      readonly term: number;
      /** Nodes heard from, itself included. */
      readonly heard: number;
      readonly needed: number;
    }
  | {
      /** A follower accepted after rejections: the leader found where their logs agree (§5.3). */
      readonly type: 'probeSettled';
      readonly node: NodeId;
      readonly peer: NodeId;
      /** Rejections from this follower since this node became leader. */
      readonly rejections: number;
    }
  | { readonly type: 'staleResponse'; readonly node: NodeId; readonly peer: NodeId; readonly rejectedIndex: number }
  | {
      readonly type: 'commitAdvanced';
      readonly node: NodeId;
      readonly from: number;
      readonly to: number;
      /**
       * `majority`: a leader counted replicas (§5.3, §5.4.2); `leader`: a follower
       * learned leaderCommit; `old-term-majority`: a leader counted replicas of an
       * entry from an earlier term, which only `unsafe=commit-old-terms` allows.
       */
      readonly by: 'majority' | 'leader' | 'old-term-majority';
    }
  | {
      /**
       * A non-event worth explaining: an entry is on a majority but is not committed,
       * because it is from an earlier term than the leader's (§5.4.2, Figure 8).
       */
      readonly type: 'commitDeferred';
      readonly node: NodeId;
      readonly index: number;
      readonly entryTerm: number;
      readonly currentTerm: number;
      readonly replicas: number;
      readonly clusterSize: number;
    }
  | { readonly type: 'heartbeat'; readonly node: NodeId; readonly term: number }
  | { readonly type: 'proposed'; readonly node: NodeId; readonly value: string; readonly index: number; readonly term: number }
  | {
      readonly type: 'proposalRefused';
      readonly node: NodeId | null;
      readonly value: string;
      readonly why: 'not-leader' | 'down' | 'no-leader' | 'transferring';
      readonly leader: NodeId | null;
    }
  | { readonly type: 'crashed'; readonly node: NodeId }
  /** `logLength` entries after its snapshot up to `snapshot` (0: none), from which its state machine is restored (§7). */
  | { readonly type: 'restarted'; readonly node: NodeId; readonly term: number; readonly logLength: number; readonly snapshot: number }
  | { readonly type: 'linkCut'; readonly a: NodeId; readonly b: NodeId }
  | { readonly type: 'linkHealed'; readonly a: NodeId; readonly b: NodeId }
  | { readonly type: 'messageLost'; readonly message: MessageSummary; readonly why: LossReason }
  | { readonly type: 'violation'; readonly invariant: InvariantName; readonly detail: string }
  // ---- clients and the state machine (§8, thesis chapter 6)
  /** A client starts an operation: it takes the next serial and is sent to `to`. */
  | { readonly type: 'clientInvoked'; readonly client: ClientId; readonly serial: number; readonly op: KvOp; readonly to: NodeId }
  /** A client was given an operation while one is outstanding: it waits, `waiting`-th in line. */
  | { readonly type: 'clientQueued'; readonly client: ClientId; readonly op: KvOp; readonly waiting: number }
  /**
   * A client sends its outstanding request again, same serial, to `to`: after its
   * timeout (`timeout`), following `from`'s leader hint (`hint`), or trying the
   * next node after a NotLeader with no hint (`not-leader`).
   */
  | {
      readonly type: 'clientRetried';
      readonly client: ClientId;
      readonly serial: number;
      readonly to: NodeId;
      readonly why: 'timeout' | 'hint' | 'not-leader';
      readonly from: NodeId;
    }
  /** A client got its answer. `attempts`: copies of the request it sent. */
  | {
      readonly type: 'clientReturned';
      readonly client: ClientId;
      readonly serial: number;
      readonly op: KvOp;
      readonly result: string;
      readonly from: NodeId;
      readonly attempts: number;
    }
  /** A node that does not lead turned a client away, naming the leader it knows of (§8). */
  | { readonly type: 'notLeader'; readonly node: NodeId; readonly client: ClientId; readonly serial: number; readonly hint: NodeId | null }
  /** A leader appended a client's command to its log (§5.3, §8). */
  | {
      readonly type: 'commandAppended';
      readonly node: NodeId;
      readonly client: ClientId;
      readonly serial: number;
      readonly op: KvOp;
      readonly index: number;
      readonly term: number;
    }
  /** A leader's session table shows the request was applied already: it answers from the table and appends nothing (thesis §6.3). */
  | { readonly type: 'duplicateAnswered'; readonly node: NodeId; readonly client: ClientId; readonly serial: number; readonly result: string }
  /** The request is in the leader's log already, not yet applied: it is not appended again; its entry's reply will answer it. */
  | { readonly type: 'duplicatePending'; readonly node: NodeId; readonly client: ClientId; readonly serial: number; readonly index: number }
  /**
   * A node applied a client command to its state machine (Figure 2, All Servers).
   * `duplicate`: the session table showed it applied before, so it changed nothing
   * (thesis §6.3). `replied`: the node leads, and answered the client.
   */
  | {
      readonly type: 'applied';
      readonly node: NodeId;
      readonly index: number;
      readonly client: ClientId;
      readonly serial: number;
      readonly op: KvOp;
      readonly result: string;
      readonly duplicate: boolean;
      readonly replied: boolean;
    }
  /**
   * A leader holds a read until it is safe to answer without the log (thesis
   * §6.4): `readIndex` null while it has not committed an entry of its term.
   * `lease`: under `reads=lease`, its lease had lapsed, so it confirms by ReadIndex.
   */
  | {
      readonly type: 'readQueued';
      readonly node: NodeId;
      readonly client: ClientId;
      readonly serial: number;
      readonly key: string;
      readonly readIndex: number | null;
      readonly lease: boolean;
    }
  /**
   * A leader answered a read from its state machine without the log: after a
   * heartbeat round confirmed it still led (`readindex`), within its lease
   * (`lease`), or at once with no check (`stale`, only `unsafe=stale-reads`).
   */
  | {
      readonly type: 'readServed';
      readonly node: NodeId;
      readonly client: ClientId;
      readonly serial: number;
      readonly key: string;
      readonly result: string;
      readonly how: 'readindex' | 'lease' | 'stale';
      readonly readIndex: number;
    }
  /** A leader stepped down with reads still waiting: it drops them, and their clients will retry. */
  | { readonly type: 'readsDropped'; readonly node: NodeId; readonly count: number }
  /**
   * Under `reads=lease`, a node told to campaign did not: an election now could
   * end a live leader's lease early (thesis §6.4.1). Its election timer starts again.
   */
  | { readonly type: 'campaignRefused'; readonly node: NodeId; readonly term: number; readonly why: VoteRefusal }
  /**
   * Log compaction (§7): `node` snapshotted its state machine at `index` (its
   * lastApplied, of term `term`), dropping `dropped` entries from its log, because
   * of its `snapshot=` threshold or a `snapshot` command.
   */
  | {
      readonly type: 'snapshotTaken';
      readonly node: NodeId;
      readonly index: number;
      readonly term: number;
      readonly dropped: number;
      readonly cause: 'threshold' | 'command';
      /** How many keys the snapshot's map holds. */
      readonly keys: number;
    }
  /** Told to snapshot, `node` had applied nothing past its snapshot at `snapshotIndex`. */
  | { readonly type: 'snapshotSkipped'; readonly node: NodeId; readonly index: number; readonly snapshotIndex: number }
  /**
   * A leader sent `peer` its snapshot (InstallSnapshot, Figure 13): the entry
   * before `peer`'s nextIndex `next` was compacted. `retry` when it was already
   * waiting for one (a heartbeat resends it).
   */
  | {
      readonly type: 'snapshotSent';
      readonly node: NodeId;
      readonly peer: NodeId;
      readonly index: number;
      readonly term: number;
      readonly next: number;
      readonly retry: boolean;
    }
  /**
   * A follower installed `leader`'s snapshot (Figure 13): `keptLog` when its log
   * held the snapshot's last entry, so it kept the `kept` entries after it;
   * otherwise it discarded its log (`discarded` entries). Its state machine, which
   * had applied up to `lastApplied`, is now the snapshot's.
   */
  | {
      readonly type: 'snapshotInstalled';
      readonly node: NodeId;
      readonly leader: NodeId;
      readonly index: number;
      readonly term: number;
      readonly keptLog: boolean;
      readonly kept: number;
      readonly discarded: number;
      readonly lastApplied: number;
    }
  /** A follower ignored a snapshot up to `index`: it had already applied up to `lastApplied` (Figure 13). */
  | { readonly type: 'snapshotIgnored'; readonly node: NodeId; readonly leader: NodeId; readonly index: number; readonly lastApplied: number }
  /** The leader heard that `peer` installed its snapshot: it matches up to `match`, and gets AppendEntries again. */
  | { readonly type: 'snapshotAcknowledged'; readonly node: NodeId; readonly peer: NodeId; readonly match: number }
  // ---- membership changes (§6, thesis chapter 4) and leadership transfer (thesis §3.10)
  /** A leader took on a membership change (`asked`, as written): it will append its configurations one at a time. */
  | { readonly type: 'changeStarted'; readonly node: NodeId; readonly asked: string; readonly how: ChangeHow; readonly target: readonly NodeId[] }
  /** A change was not started, and why (one change at a time, §6). `node` null: no leader to ask. */
  | { readonly type: 'changeRefused'; readonly node: NodeId | null; readonly asked: string; readonly why: ChangeRefusal }
  /** The leader holds the change until it has committed an entry of its term (thesis §4.1, the 2015 fix). */
  | { readonly type: 'changeWaiting'; readonly node: NodeId; readonly asked: string; readonly term: number }
  /** A leader appended a configuration entry at `index` (§6); `phase` says which step of the change it is. */
  | {
      readonly type: 'configAppended';
      readonly node: NodeId;
      readonly index: number;
      readonly term: number;
      readonly config: Membership;
      readonly phase: ConfigPhase;
      readonly asked: string;
    }
  /** `node` now uses `config`, from its log entry (or snapshot) at `index`: a server uses the latest one it has, committed or not (§6). */
  | { readonly type: 'configAdopted'; readonly node: NodeId; readonly index: number; readonly config: Membership; readonly was: Membership }
  /** A learner holds everything the leader has committed (`match` >= `commitIndex`), so the leader promotes it (thesis §4.2.1). */
  | { readonly type: 'learnerCaughtUp'; readonly node: NodeId; readonly learner: NodeId; readonly match: number; readonly commitIndex: number }
  /**
   * A change was given up: the learners it waits for (`behind`) did not catch up
   * within CATCH_UP_LIMIT election timeouts (thesis §4.2.1: a new server that is
   * down or too slow must not hold the cluster's changes up for ever), or the
   * leader carrying it out stepped down. Configurations already appended stay.
   */
  | { readonly type: 'changeAborted'; readonly node: NodeId; readonly asked: string; readonly why: 'learners-behind' | 'stepped-down'; readonly behind: readonly NodeId[] }
  /** The change's last configuration committed: it is done. */
  | { readonly type: 'changeDone'; readonly node: NodeId; readonly asked: string; readonly config: Membership }
  /** A leader started handing its leadership to `target` (thesis §3.10): it takes no new requests meanwhile. */
  | { readonly type: 'transferStarted'; readonly node: NodeId; readonly target: NodeId; readonly match: number; readonly lastIndex: number }
  | { readonly type: 'transferRefused'; readonly node: NodeId | null; readonly target: NodeId; readonly why: ChangeRefusal }
  /** The target's log matches the leader's: the leader tells it to campaign at once. */
  | { readonly type: 'timeoutNowSent'; readonly node: NodeId; readonly target: NodeId; readonly match: number }
  /** Told by its leader `from` to campaign now (TimeoutNow): it starts an election at once, without PreVote. */
  | { readonly type: 'timeoutNowReceived'; readonly node: NodeId; readonly from: NodeId; readonly term: number }
  /**
   * The transfer ended without `target` leading: no election ended it within an
   * election timeout (`timeout`: the leader takes requests again), or the leader
   * stepped down for another reason (`stepped-down`).
   */
  | { readonly type: 'transferAborted'; readonly node: NodeId; readonly target: NodeId; readonly after: number; readonly why: 'timeout' | 'stepped-down' }
  /** A leader handing its leadership over held a client's request: the client will retry, at the next leader. */
  | { readonly type: 'requestHeld'; readonly node: NodeId; readonly client: ClientId; readonly serial: number; readonly target: NodeId }
  /** A `workload` scheduled `ops` random operations for the clients, the last at `until` ms. */
  | { readonly type: 'workloadScheduled'; readonly ops: number; readonly rate: number; readonly keys: number; readonly reads: number; readonly until: number };

export type RecordType = RecordBody['type'];

/** A record as the simulator emits it: numbered by the event that caused it, and timed. */
export type EventRecord = RecordBody & {
  /** The event number (1-based, counting message deliveries, timer firings and commands). */
  readonly event: number;
  readonly time: number;
};

/** The safety properties checked after every event (paper Figure 3, plus etcd's TLA+ spec). */
export type InvariantName =
  | 'ElectionSafety'
  | 'LeaderAppendOnly'
  | 'LogMatching'
  | 'LeaderCompleteness'
  | 'StateMachineSafety'
  | 'CommitWithinLog'
  /** A snapshot holds the state of applying the committed entries it covers, sessions included (§7). */
  | 'SnapshotIntegrity'
  /** A node's lastApplied never goes backwards; nor does its snapshot, across crashes, and lastApplied is never below it (§7). */
  | 'AppliedMonotonic'
  /** Every client operation appears to take effect at one instant between its call and its answer (checked over the client history, linearize/). */
  | 'Linearizability';

export const INVARIANTS: readonly InvariantName[] = [
  'ElectionSafety',
  'LeaderAppendOnly',
  'LogMatching',
  'LeaderCompleteness',
  'StateMachineSafety',
  'CommitWithinLog',
  'SnapshotIntegrity',
  'AppliedMonotonic',
  'Linearizability',
];
