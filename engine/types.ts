/**
 * The vocabulary shared by every part of the engine.
 *
 * Everything here is plain, JSON-safe data: no classes, no closures, no
 * `Infinity`, no `undefined` that matters. A whole cluster can therefore be
 * snapshotted with a structural copy or `JSON.stringify`, restored, and
 * continued with exactly the same result as an uninterrupted run.
 *
 * Invariant: values reachable from a NodeState or a Message are never mutated
 * after they are created. Steps build new objects instead (copy on write), so
 * checkpoints may share them.
 */
import type { ChunkedList } from './raft/chunkedList.ts';
import type { UnsafeRule } from './raft/unsafe.ts';

/** Node names are `n1` .. `n9`. */
export type NodeId = string;

/** Client names are `c1` .. `c9`: clients are actors on the network, like nodes (§8). */
export type ClientId = string;

/**
 * An operation on the key-value state machine: Porcupine's KV model. `put` sets
 * a key, `append` appends to its value, `get` reads it ("" when unset).
 */
export type KvOp =
  | { readonly kind: 'put'; readonly key: string; readonly value: string }
  | { readonly kind: 'append'; readonly key: string; readonly value: string }
  | { readonly kind: 'get'; readonly key: string };

/** What the state machine remembers of one client: its last applied request and that reply (thesis §6.3). */
export interface Session {
  readonly serial: number;
  readonly result: string;
}

/** The key-value state machine of one node (kv/stateMachine.ts applies entries to it). */
export interface StateMachine {
  /** Index of the highest log entry applied (Figure 2). */
  readonly lastApplied: number;
  readonly data: Readonly<Record<string, string>>;
  readonly sessions: Readonly<Record<ClientId, Session>>;
}

/**
 * A cluster configuration (§6): who votes, and who only listens. All lists are
 * sorted and without duplicates, so equal configurations are equal data.
 * - `voters`: the configuration in force, C_new; during joint consensus, the
 *   incoming half of C_old,new.
 * - `outgoing`: during joint consensus, C_old's voters; empty otherwise. While it
 *   is not empty, elections and commitment need a majority of both (quorum.ts).
 * - `learners`: servers that receive entries but neither vote nor count toward
 *   a majority (thesis §4.2.1): new servers catching up before they are promoted.
 * A Membership is a quorum.ts JointConfig, so the rules that count take it as is.
 */
export interface Membership {
  readonly voters: readonly NodeId[];
  readonly outgoing: readonly NodeId[];
  readonly learners: readonly NodeId[];
}

/**
 * A log entry: a tagged union on `kind`.
 * - `noop`: the entry a new leader appends so it can commit earlier terms (§5.4.2, §8).
 * - `command`: a client's operation, numbered by its client so the state machine
 *   applies it once however often it is retried (thesis §6.3).
 * - `raw`: a bare value from `propose`, which no client waits for; applying it changes nothing.
 * - `config`: a configuration (§6). A server uses the latest one in its log from
 *   the moment it appends it, committed or not; applying it changes nothing.
 */
export type LogEntry =
  | { readonly term: number; readonly kind: 'noop' }
  | { readonly term: number; readonly kind: 'raw'; readonly value: string }
  | { readonly term: number; readonly kind: 'command'; readonly client: ClientId; readonly serial: number; readonly op: KvOp }
  | { readonly term: number; readonly kind: 'config'; readonly config: Membership };

/**
 * The entries of a log after its snapshot, as a plain array: what the page draws
 * and tests compare. Without a snapshot, index 1 is `log[0]`, as in the paper;
 * after one, index `start + 1` is (see LogView).
 */
export type Log = readonly LogEntry[];

/**
 * A log that starts after a snapshot (§7, Figure 12): it holds the entries from
 * `start + 1` on. `start` is the snapshot's last included index (0 without a
 * snapshot) and `startTerm` its term, the only thing known of that index; of the
 * indexes below it nothing is known. Index 0 is the empty prefix, term 0.
 */
export interface LogView {
  readonly start: number;
  readonly startTerm: number;
  readonly entries: Log;
}

/**
 * A node's log as it stores it: the entries after `start` in a chunked list
 * whose versions share their older entries, so an append costs the same at any
 * length (see raft/chunkedList.ts). Read and change it only through the helpers
 * in raft/log.ts (`lastIndex`, `termAt`, `entryAt`, `logEntries`, ...).
 * Invariant: `start` and `startTerm` are the node's snapshot's index and term (0 and 0 without one).
 */
export interface StoredLog {
  readonly start: number;
  readonly startTerm: number;
  readonly entries: ChunkedList<LogEntry>;
}

/**
 * The configuration a snapshot records (§7: "the latest configuration as of the
 * last included index"): both halves of a joint one, and the learners.
 */
export type SnapshotConfig = Membership;

/**
 * The configuration a node's log or snapshot holds (§6), and the index of the
 * entry it came from (the snapshot's index when it came from a snapshot).
 * Invariant: equal to the latest configuration entry of the log, or else the
 * snapshot's; kept beside the log so that no step has to search it.
 */
export interface LoggedConfig {
  readonly config: Membership;
  readonly index: number;
}

/**
 * A snapshot of the state machine (§7, Figure 12): it replaces the log up to
 * `index`. It holds the session table with the map, or a retry after it would
 * be applied twice (thesis §6.3).
 * Invariant: `machine.lastApplied === index`.
 */
export interface Snapshot {
  /** The last included index and term (Figure 13's lastIncludedIndex and lastIncludedTerm). */
  readonly index: number;
  readonly term: number;
  readonly machine: StateMachine;
  readonly config: SnapshotConfig;
}

export type Role = 'follower' | 'candidate' | 'leader';

/** Persistent state on all servers (Figure 2), updated before responding to RPCs. */
export interface PersistentState {
  readonly currentTerm: number;
  readonly votedFor: NodeId | null;
  readonly log: StoredLog;
  /** The latest snapshot (§7), kept across crashes; null before the first. Its index is `log.start`. */
  readonly snapshot: Snapshot | null;
  /**
   * The configuration this node uses (§6): the latest in its log, committed or
   * not, or its snapshot's. Null while it has neither: then it uses the cluster's
   * initial configuration (`members=`, NodeContext.bootstrap). Derived from the
   * log and the snapshot, so a crash keeps it (raft/membership.ts maintains it).
   */
  readonly config: LoggedConfig | null;
}

/**
 * How a leader sends to one follower, after etcd's tracker/progress.go:
 * - `probe`: it does not yet know where their logs agree, and sends one
 *   AppendEntries at a time to find out (§5.3);
 * - `replicate`: the logs agree up to `match`, and entries stream;
 * - `snapshot`: the follower needs entries the leader has compacted, so it was
 *   sent the snapshot (Figure 13), and gets no AppendEntries until it answers.
 */
export type ProgressState = 'probe' | 'replicate' | 'snapshot';

/**
 * What a leader knows about one follower (Figure 2's nextIndex and matchIndex).
 * Invariant: 0 <= match < next <= leader's lastIndex + 1.
 */
export interface Progress {
  readonly next: number;
  readonly match: number;
  /** An AppendEntries is outstanding: new entries wait for its response or the next heartbeat. */
  readonly inflight: boolean;
  /** AppendEntries this follower rejected since this node became leader (probing cost). */
  readonly rejections: number;
  /** Probe, Replicate or Snapshot (see ProgressState). */
  readonly state: ProgressState;
  /** In `snapshot`: the index of the snapshot sent; 0 otherwise. */
  readonly pendingSnapshot: number;
  /** The follower answered since the last quorum check (CheckQuorum). */
  readonly active: boolean;
  /**
   * The latest `round` this follower acknowledged: the leader's clock when it sent
   * the AppendEntries the follower answered, -1 before any. ReadIndex and leases
   * count these (thesis §6.4, raft/reads.ts).
   */
  readonly acked: number;
  /**
   * The `round` of the latest AppendEntries sent to this follower, -1 before any.
   * Only the answer to that one sends the next batch: answers to older ones
   * (a heartbeat overtook them) would start a second pipeline beside it.
   */
  readonly sent: number;
}

interface VolatileBase {
  /** Highest log entry known to be committed. Volatile: lost on crash (Figure 2). */
  readonly commitIndex: number;
  /**
   * The key-value state machine, with `lastApplied` (Figure 2) and the session
   * table (thesis §6.3). Volatile: a restarted node rebuilds it as entries commit again.
   * Invariant: lastApplied <= commitIndex; applying catches up at the end of every step.
   */
  readonly machine: StateMachine;
  /** Who this node believes leads its current term, if anyone. */
  readonly leader: NodeId | null;
}
export interface FollowerState extends VolatileBase {
  readonly role: 'follower';
  /**
   * When this node last heard from `leader` (an AppendEntries of its current term),
   * on its own clock (simulated ms); null while it knows no leader. PreVote's
   * lease is measured from it (raft/lease.ts, thesis §9.6).
   */
  readonly leaderHeardAt: number | null;
  /** When it last restarted, on its own clock; null if it has not since it became a follower. Leases use it (raft/election.ts). */
  readonly restartedAt: number | null;
}
export interface CandidateState extends VolatileBase {
  readonly role: 'candidate';
  /** A pre-candidate (PreVote): asking whether it could win, at its current term, before it raises it. */
  readonly pre: boolean;
  /** Votes received in this election, by voter; `true` = granted. */
  readonly votes: Readonly<Record<NodeId, boolean>>;
}
export interface LeaderState extends VolatileBase {
  readonly role: 'leader';
  /**
   * Reinitialized after election (Figure 2). One entry for every other server of
   * the leader's configuration (voters of both halves, and learners), never for
   * itself: exactly whom it replicates to.
   */
  readonly progress: Readonly<Record<NodeId, Progress>>;
  /** Reads waiting to be answered without the log (ReadIndex, thesis §6.4), oldest first. */
  readonly reads: readonly PendingRead[];
  /** The membership change this leader is carrying out (§6, thesis chapter 4), if any. */
  readonly change: PendingChange | null;
  /** The leadership transfer this leader is carrying out (thesis §3.10), if any. */
  readonly transfer: PendingTransfer | null;
  /**
   * This leader sent TimeoutNow in its term. Its target's election is granted
   * even by voters within the lease (transfer.ts), so from then on the lease
   * proves nothing, even if the transfer is given up: reads go through ReadIndex.
   */
  readonly leaseRevoked: boolean;
}

/**
 * A change of membership asked for (`change`, `add`, `remove`): what the voters
 * are to become. The leader takes it through its phases one configuration entry
 * at a time (raft/membership.ts):
 * 1. it waits until it has committed an entry of its own term (the 2015 fix);
 * 2. servers to be added join as learners and catch up (thesis §4.2.1);
 * 3. `joint`: C_old,new, then C_new once that commits (§6); `single`: one
 *    server in or out (thesis §4.1); `direct` (unsafe): C_new in one step.
 */
export interface PendingChange {
  readonly how: ChangeHow;
  /** The voters asked for, C_new: sorted. */
  readonly target: readonly NodeId[];
  /** The request as written (`+n4,-n1`, `add n4`), for the records. */
  readonly asked: string;
  /** When the leader took it on, or appended its learners, on its clock: the catch-up deadline counts from it. */
  readonly since: number;
}
export type ChangeHow = 'joint' | 'single' | 'direct';

/** A leadership transfer under way (thesis §3.10). */
export interface PendingTransfer {
  readonly target: NodeId;
  /** When it started, on the leader's clock: it is given up an election timeout later. */
  readonly since: number;
  /** TimeoutNow has been sent (the target had caught up). */
  readonly sent: boolean;
}

/** A membership change as the scenario language asks for it (`change`, `add`, `remove`). */
export interface ChangeRequest {
  /** `change` is joint consensus (§6); `add` and `remove` single-server changes (thesis §4.1). */
  readonly how: 'joint' | 'single';
  readonly add: readonly NodeId[];
  readonly remove: readonly NodeId[];
}

/**
 * A `get` a leader answers without appending it (`reads=readindex`, or `lease`
 * when its lease has lapsed): thesis §6.4's steps, as data.
 */
export interface PendingRead {
  readonly client: ClientId;
  readonly serial: number;
  readonly key: string;
  /** When it arrived, on the leader's clock: a heartbeat round sent at or after this confirms it. */
  readonly at: number;
  /** The commitIndex it must see, or null until the leader has committed an entry of its term (step 1). */
  readonly readIndex: number | null;
}
export type VolatileState = FollowerState | CandidateState | LeaderState;

export interface NodeState {
  readonly id: NodeId;
  readonly persistent: PersistentState;
  /** `null` while the node is crashed: volatile state is gone. */
  readonly volatile: VolatileState | null;
}

/**
 * A node that is up, and a node in each role: the same data as NodeState, with
 * a narrower type. `step` hands only up nodes to the rules, and each role's
 * step function only nodes of its role, so no rule has to ask whether the
 * node is crashed or which role it has.
 */
export interface UpNode extends NodeState {
  readonly volatile: VolatileState;
}
export interface FollowerNode extends UpNode {
  readonly volatile: FollowerState;
}
export interface CandidateNode extends UpNode {
  readonly volatile: CandidateState;
}
export interface LeaderNode extends UpNode {
  readonly volatile: LeaderState;
}

/** How a leader moves nextIndex back after a rejection (§5.3). */
export type ProbeMode = 'fast' | 'naive';

export { UNSAFE_RULES, canonicalUnsafe, type UnsafeRule } from './raft/unsafe.ts';

/** The options that change what a node does. Shared by every node in a cluster. */
export interface RaftOptions {
  /** `fast`: use the follower's conflict hint; `naive`: decrement nextIndex by one. */
  readonly probe: ProbeMode;
  /** A new leader appends an entry of its own term so it can commit earlier ones (§5.4.2, §8). */
  readonly noop: boolean;
  /** The most entries one AppendEntries carries. */
  readonly batch: number;
  /**
   * PreVote (Ongaro's thesis §9.6): before starting an election, ask whether a
   * majority would vote, without raising the term. Voters that heard from a
   * leader within the minimum election timeout say no (raft/lease.ts), so a
   * node coming back from a partition cannot disrupt one.
   */
  readonly prevote: boolean;
  /**
   * CheckQuorum (thesis §6.2): a leader that has not heard from a majority within
   * an election timeout steps down, so an isolated leader stops taking requests.
   */
  readonly checkquorum: boolean;
  /**
   * How a leader answers a `get` (thesis §6.4): `log` appends it like any command;
   * `readindex` confirms its leadership with a heartbeat round first; `lease`
   * answers at once while a majority acknowledged it recently enough.
   */
  readonly reads: ReadMode;
  /**
   * Log compaction (§7): a node snapshots its state machine once it has applied
   * this many entries past its last snapshot, and drops them from its log.
   * null: only when told to (`snapshot <node>`).
   */
  readonly snapshot: number | null;
  /** Rules switched off; empty is Raft as specified. */
  readonly unsafe: readonly UnsafeRule[];
}

export type ReadMode = 'log' | 'readindex' | 'lease';
export const READ_MODES: readonly ReadMode[] = ['log', 'readindex', 'lease'];

export interface Range {
  readonly min: number;
  readonly max: number;
}

/** Everything the `cluster` line of a scenario sets. Durations are in simulated ms. */
export interface ClusterConfig {
  readonly nodes: number;
  readonly seed: number;
  readonly election: Range;
  readonly heartbeat: number;
  readonly latency: Range;
  readonly raft: RaftOptions;
  /** Clients `c1..cN` (0-9), actors on the network like the nodes (§8). */
  readonly clients: number;
  /** How long a client waits for an answer before it sends its request again (ms). */
  readonly clientTimeout: number;
  /**
   * The initial configuration's voters (`members=`), sorted; null: every node.
   * The other nodes exist, with empty logs, outside the configuration until added (§6).
   */
  readonly members: readonly NodeId[] | null;
}

// ---------------------------------------------------------------- messages

export type RaftMessageType =
  | 'RequestVote'
  | 'RequestVoteResponse'
  | 'AppendEntries'
  | 'AppendEntriesResponse'
  | 'InstallSnapshot'
  | 'InstallSnapshotResponse'
  | 'TimeoutNow';
export type ClientMessageType = 'ClientRequest' | 'ClientReply' | 'NotLeader';
export type MessageType = RaftMessageType | ClientMessageType;
export const MESSAGE_TYPES: readonly MessageType[] = [
  'RequestVote',
  'RequestVoteResponse',
  'AppendEntries',
  'AppendEntriesResponse',
  'InstallSnapshot',
  'InstallSnapshotResponse',
  'TimeoutNow',
  'ClientRequest',
  'ClientReply',
  'NotLeader',
];
export const isClientMessageType = (t: MessageType): t is ClientMessageType =>
  t === 'ClientRequest' || t === 'ClientReply' || t === 'NotLeader';

export interface RequestVote {
  readonly type: 'RequestVote';
  readonly from: NodeId;
  readonly to: NodeId;
  /** For a pre-vote, the term the candidate would campaign in (its own plus one); it has not adopted it. */
  readonly term: number;
  /** A PreVote request: granting it changes neither the voter's term nor its vote. */
  readonly preVote: boolean;
  /**
   * The candidate campaigns because its leader told it to (TimeoutNow, thesis
   * §3.10): voters then grant it even while they hear from that leader, since the
   * leader itself asked for the election.
   */
  readonly transfer: boolean;
  readonly lastLogIndex: number;
  readonly lastLogTerm: number;
}
export interface RequestVoteResponse {
  readonly type: 'RequestVoteResponse';
  readonly from: NodeId;
  readonly to: NodeId;
  /** The voter's term; for a granted pre-vote, the term asked about. */
  readonly term: number;
  readonly granted: boolean;
  readonly preVote: boolean;
}
export interface AppendEntries {
  readonly type: 'AppendEntries';
  readonly from: NodeId;
  readonly to: NodeId;
  readonly term: number;
  readonly prevLogIndex: number;
  readonly prevLogTerm: number;
  readonly entries: readonly LogEntry[];
  readonly leaderCommit: number;
  /** The leader's clock when it sent this; the answer echoes it (ReadIndex and leases, thesis §6.4). */
  readonly round: number;
}
export interface AppendEntriesResponse {
  readonly type: 'AppendEntriesResponse';
  readonly from: NodeId;
  readonly to: NodeId;
  readonly term: number;
  readonly success: boolean;
  /** On success: the index of the last entry now known to match the leader's log. */
  readonly matchIndex: number;
  /** The prevLogIndex of the request this answers, so a leader can spot stale replies. */
  readonly rejectedIndex: number;
  /**
   * On rejection, the follower's guess of where the logs may agree: the largest index
   * <= min(prevLogIndex, lastIndex) whose term is <= prevLogTerm, and that term.
   */
  readonly hintIndex: number;
  readonly hintTerm: number;
  /** The `round` of the request this answers. */
  readonly round: number;
}

/**
 * InstallSnapshot (Figure 13): a leader sends a follower its snapshot when the
 * follower needs entries the leader has compacted. One chunk carries it all, so
 * `offset` is 0 and `done` is true; the fields are Figure 13's.
 */
export interface InstallSnapshot {
  readonly type: 'InstallSnapshot';
  readonly from: NodeId;
  readonly to: NodeId;
  readonly term: number;
  readonly lastIncludedIndex: number;
  readonly lastIncludedTerm: number;
  readonly offset: 0;
  /** The snapshot's state: the state machine (map and sessions) and the configuration. */
  readonly data: { readonly machine: StateMachine; readonly config: SnapshotConfig };
  readonly done: true;
  /** The leader's clock when it sent this, echoed like an AppendEntries' (thesis §6.4). */
  readonly round: number;
}
/**
 * The answer to InstallSnapshot. Figure 13's reply carries only the term; this
 * one also says how far the follower's log now matches the leader's, as etcd's
 * answer to a snapshot does, so the leader knows where to go on from.
 */
export interface InstallSnapshotResponse {
  readonly type: 'InstallSnapshotResponse';
  readonly from: NodeId;
  readonly to: NodeId;
  readonly term: number;
  readonly matchIndex: number;
  readonly round: number;
}

/**
 * Leadership transfer (thesis §3.10): the leader tells `to`, whose log it has
 * brought up to date, to start an election at once, as if its timer had fired.
 */
export interface TimeoutNow {
  readonly type: 'TimeoutNow';
  readonly from: NodeId;
  readonly to: NodeId;
  readonly term: number;
}

/**
 * A client's request (§8). Clients have no term: `term` is 0. A retry is the same
 * request, with the same serial, so the state machine can apply it once (thesis §6.3).
 */
export interface ClientRequest {
  readonly type: 'ClientRequest';
  readonly from: ClientId;
  readonly to: NodeId;
  readonly term: 0;
  readonly serial: number;
  readonly op: KvOp;
}
/** The answer to a client's request, from the leader that applied (or read) it. */
export interface ClientReply {
  readonly type: 'ClientReply';
  readonly from: NodeId;
  readonly to: ClientId;
  readonly term: number;
  readonly serial: number;
  /** A get's value ("" when unset); "" for a write. */
  readonly result: string;
}
/** A node that does not lead says so, and names the leader it knows of, if any (§8). */
export interface NotLeader {
  readonly type: 'NotLeader';
  readonly from: NodeId;
  readonly to: ClientId;
  readonly term: number;
  readonly serial: number;
  readonly leaderHint: NodeId | null;
}

/** What nodes say to each other. */
export type RaftMessage = RequestVote | RequestVoteResponse | AppendEntries | AppendEntriesResponse | InstallSnapshot | InstallSnapshotResponse | TimeoutNow;
export type ClientMessage = ClientRequest | ClientReply | NotLeader;
/** What a node or a client asks the network to send. */
export type Outgoing = RaftMessage | ClientMessage;

/** Where the network has it: every message in flight is one of these plain objects. */
export interface Flight {
  readonly id: number;
  readonly sentAt: number;
  readonly arrivesAt: number;
  /** Tie-break for equal arrival times, so the order of delivery never depends on chance. */
  readonly seq: number;
}
export type Message = Outgoing & Flight;
