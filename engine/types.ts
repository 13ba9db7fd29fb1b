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

/** Node names are `n1` .. `n9`. */
export type NodeId = string;

/** A log entry. `value` is the client's command; `null` marks a leader's no-op (§8). */
export interface LogEntry {
  readonly term: number;
  readonly value: string | null;
}

/** Index 1 is `log[0]`, as in the paper. Index 0 is the empty prefix, term 0. */
export type Log = readonly LogEntry[];

export type Role = 'follower' | 'candidate' | 'leader';

/** Persistent state on all servers (Figure 2), updated before responding to RPCs. */
export interface PersistentState {
  readonly currentTerm: number;
  readonly votedFor: NodeId | null;
  readonly log: Log;
}

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
}

interface VolatileBase {
  /** Highest log entry known to be committed. Volatile: lost on crash (Figure 2). */
  readonly commitIndex: number;
  /** Who this node believes leads its current term, if anyone. */
  readonly leader: NodeId | null;
}
export interface FollowerState extends VolatileBase {
  readonly role: 'follower';
}
export interface CandidateState extends VolatileBase {
  readonly role: 'candidate';
  /** Votes received in this election, by voter; `true` = granted. */
  readonly votes: Readonly<Record<NodeId, boolean>>;
}
export interface LeaderState extends VolatileBase {
  readonly role: 'leader';
  /** Reinitialized after election (Figure 2). One entry per peer, never for itself. */
  readonly progress: Readonly<Record<NodeId, Progress>>;
}
export type VolatileState = FollowerState | CandidateState | LeaderState;

export interface NodeState {
  readonly id: NodeId;
  readonly persistent: PersistentState;
  /** `null` while the node is crashed: volatile state is gone. */
  readonly volatile: VolatileState | null;
}

/** How a leader moves nextIndex back after a rejection (§5.3). */
export type ProbeMode = 'fast' | 'naive';

/** The options that change what a node does. Shared by every node in a cluster. */
export interface RaftOptions {
  /** `fast`: use the follower's conflict hint; `naive`: decrement nextIndex by one. */
  readonly probe: ProbeMode;
  /** A new leader appends an entry of its own term so it can commit earlier ones (§5.4.2, §8). */
  readonly noop: boolean;
  /** The most entries one AppendEntries carries. */
  readonly batch: number;
}

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
}

// ---------------------------------------------------------------- messages

export type MessageType = 'RequestVote' | 'RequestVoteResponse' | 'AppendEntries' | 'AppendEntriesResponse';
export const MESSAGE_TYPES: readonly MessageType[] = [
  'RequestVote',
  'RequestVoteResponse',
  'AppendEntries',
  'AppendEntriesResponse',
];

export interface RequestVote {
  readonly type: 'RequestVote';
  readonly from: NodeId;
  readonly to: NodeId;
  readonly term: number;
  readonly lastLogIndex: number;
  readonly lastLogTerm: number;
}
export interface RequestVoteResponse {
  readonly type: 'RequestVoteResponse';
  readonly from: NodeId;
  readonly to: NodeId;
  readonly term: number;
  readonly granted: boolean;
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
}

/** What a node asks the network to send. */
export type Outgoing = RequestVote | RequestVoteResponse | AppendEntries | AppendEntriesResponse;

/** Where the network has it: every message in flight is one of these plain objects. */
export interface Flight {
  readonly id: number;
  readonly sentAt: number;
  readonly arrivesAt: number;
  /** Tie-break for equal arrival times, so the order of delivery never depends on chance. */
  readonly seq: number;
}
export type Message = Outgoing & Flight;
