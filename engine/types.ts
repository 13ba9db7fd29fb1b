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
 * A log entry: a tagged union on `kind`.
 * - `noop`: the entry a new leader appends so it can commit earlier terms (§5.4.2, §8).
 * - `command`: a client's operation, numbered by its client so the state machine
 *   applies it once however often it is retried (thesis §6.3).
 * - `raw`: a bare value from `propose`, which no client waits for; applying it changes nothing.
 */
export type LogEntry =
  | { readonly term: number; readonly kind: 'noop' }
  | { readonly term: number; readonly kind: 'raw'; readonly value: string }
  | { readonly term: number; readonly kind: 'command'; readonly client: ClientId; readonly serial: number; readonly op: KvOp };

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
 * last included index"). Until membership changes (§6), every node is a voter.
 */
export interface SnapshotConfig {
  readonly voters: readonly NodeId[];
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
  /** Reinitialized after election (Figure 2). One entry per peer, never for itself. */
  readonly progress: Readonly<Record<NodeId, Progress>>;
  /** Reads waiting to be answered without the log (ReadIndex, thesis §6.4), oldest first. */
  readonly reads: readonly PendingRead[];
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
}

// ---------------------------------------------------------------- messages

export type RaftMessageType =
  | 'RequestVote'
  | 'RequestVoteResponse'
  | 'AppendEntries'
  | 'AppendEntriesResponse'
  | 'InstallSnapshot'
  | 'InstallSnapshotResponse';
export type ClientMessageType = 'ClientRequest' | 'ClientReply' | 'NotLeader';
export type MessageType = RaftMessageType | ClientMessageType;
export const MESSAGE_TYPES: readonly MessageType[] = [
  'RequestVote',
  'RequestVoteResponse',
  'AppendEntries',
  'AppendEntriesResponse',
  'InstallSnapshot',
  'InstallSnapshotResponse',
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
export type RaftMessage = RequestVote | RequestVoteResponse | AppendEntries | AppendEntriesResponse | InstallSnapshot | InstallSnapshotResponse;
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
