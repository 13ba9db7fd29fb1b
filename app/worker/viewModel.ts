/**
 * What the worker tells the page about a simulation: plain, structured-clone-safe
 * data shaped for drawing, not the engine's internal state. Built in the worker
 * (snapshot.ts), consumed by the store on the main thread.
 */
import type {
  AppendEntries,
  ClientId,
  ClusterConfig,
  Flight,
  KvOp,
  LogEntry,
  Membership,
  NodeId,
  Outgoing,
  ProgressState,
  Role,
  Snapshot as RaftSnapshot,
  StateMachine,
} from '../../engine/types.ts';
import type { InvariantName, RecordType } from '../../engine/events.ts';
import type { RuleId } from '../../engine/explain/rules.ts';
import type { ScriptDelta } from './recording.ts';
import type { ClientHistoryView } from './historyView.ts';

/** A node's role as drawn: a crashed node has no role, only persistent state. */
export type DrawnRole = Role | 'down';

export interface TimerView {
  readonly setAt: number;
  readonly at: number;
}

export interface ProgressView {
  readonly next: number;
  readonly match: number;
  readonly inflight: boolean;
  readonly rejections: number;
  /** How the leader sends to this follower: probing, streaming, or waiting on a snapshot it sent (§7; see engine ProgressState). */
  readonly state: ProgressState;
  /** In `snapshot`: the last index of the snapshot sent; 0 otherwise. */
  readonly pendingSnapshot: number;
}

export interface NodeView {
  readonly id: NodeId;
  readonly up: boolean;
  readonly role: DrawnRole;
  readonly term: number;
  readonly votedFor: NodeId | null;
  readonly commitIndex: number;
  /** Who this node believes leads its term. */
  readonly leader: NodeId | null;
  /** When a follower last heard from its leader (simulated ms); null when it has none. The vote lease counts from here (thesis §9.6). */
  readonly leaderHeardAt: number | null;
  readonly logLength: number;
  /** A PreVote pre-candidate: a candidate asking whether it could win, before it raises its term (thesis §9.6). */
  readonly pre: boolean;
  /** A candidate's ballot box, by voter; null for other roles. */
  readonly votes: Readonly<Record<NodeId, boolean>> | null;
  /** A leader's nextIndex/matchIndex per follower; null for other roles. */
  readonly progress: Readonly<Record<NodeId, ProgressView>> | null;
  readonly electionTimer: TimerView | null;
  readonly heartbeatTimer: TimerView | null;
  /** The membership change a leader is carrying out (§6), as asked (`change +n4,+n5`, `add n4`); null otherwise. */
  readonly change: { readonly asked: string; readonly target: readonly NodeId[] } | null;
  /** The leadership transfer a leader is carrying out (thesis §3.10): to whom, and whether TimeoutNow has gone; null otherwise. */
  readonly transfer: { readonly target: NodeId; readonly sent: boolean } | null;
}

/**
 * The configuration a node uses (§6), sent only when it changed (configDeltas.ts):
 * the latest in its log, committed or not, else its snapshot's, else the
 * cluster's initial one. `index` is the log entry (or snapshot) it came from;
 * 0 for the initial configuration. Persistent: a crashed node keeps it.
 */
export interface ConfigDelta {
  readonly node: NodeId;
  readonly config: Membership;
  readonly index: number;
}

/**
 * A message in flight. AppendEntries loses its entries (a repair can carry
 * hundreds) and keeps their count and terms, which is all the view shows.
 */
type Slim<M> = M extends AppendEntries
  ? Omit<M, 'entries'> & { readonly entryCount: number; readonly entryTerms: readonly number[] }
  : M;
export type MessageView = Slim<Outgoing> & Flight;

/** The request a client waits on (§8): sent `attempts` times so far, the latest copy to `target`. */
export interface PendingView {
  readonly serial: number;
  readonly op: KvOp;
  readonly target: NodeId;
  readonly attempts: number;
}

/** A client of the key-value store: an actor on the network like a node (§8, thesis §6.3). */
export interface ClientView {
  readonly id: ClientId;
  /** Null when it waits on nothing. */
  readonly pending: PendingView | null;
  /** Operations issued while one was outstanding, waiting their turn. */
  readonly queued: number;
  /** The node it believes leads; null when it knows none. */
  readonly leaderGuess: NodeId | null;
  /** When it sends its request again if no answer comes; null when it waits on nothing. */
  readonly timer: TimerView | null;
}

/**
 * A node's state machine, sent only when it changed (machines are immutable, so
 * "changed" is an identity test, as for logs). `machine` is null while the node
 * is down: the machine is volatile, rebuilt from the log after a restart.
 */
export interface MachineDelta {
  readonly node: NodeId;
  readonly machine: StateMachine | null;
}

/**
 * A node's snapshot (§7), sent only when it changed (snapshots are immutable,
 * replaced whole). Null: the node has none. It is persistent, so a crashed node keeps it.
 */
export interface SnapshotDelta {
  readonly node: NodeId;
  readonly snapshot: RaftSnapshot | null;
}

/**
 * The change to one node's log since the previous snapshot, in the paper's
 * indexes: the log now starts after `start` (its snapshot's last index, whose
 * term is `startTerm`; §7); keep the entries at indexes `start + 1 .. from` the
 * page already has, then append `entries` from index `from + 1`.
 * Invariant: start <= from.
 */
export interface LogDelta {
  readonly node: NodeId;
  readonly start: number;
  readonly startTerm: number;
  readonly from: number;
  readonly entries: readonly LogEntry[];
}

/** One event record in plain words. `seq` numbers records (several share an event number). */
export interface EventView {
  readonly seq: number;
  readonly event: number;
  readonly time: number;
  readonly type: RecordType;
  readonly node: NodeId | null;
  readonly text: string;
  /** The rule of Raft the text cites (engine/explain/rules.ts), for the Explain panel's chip. */
  readonly rule: RuleId | null;
  /** Background traffic (heartbeats, losses to a standing fault; see eventWindow.ts), which the list can hide. */
  readonly routine: boolean;
}

/** From `start` until the next span of the same node begins (or now), the node had this role and term. */
export interface RoleSpan {
  readonly start: number;
  readonly role: DrawnRole;
  readonly term: number;
}

export interface ViolationView {
  readonly invariant: InvariantName;
  readonly event: number;
  readonly time: number;
  readonly detail: string;
  /** The nodes involved, for highlighting. */
  readonly nodes: readonly NodeId[];
  /** The log index involved, when there is one. */
  readonly index: number | null;
}

/** What leaders spent probing one follower's log (§5.3), over the whole run. */
export interface ProbeView {
  /** AppendEntries it rejected that made a leader back off. */
  readonly rejections: number;
  /** Those rejections, plus the success that ended each probe. */
  readonly roundTrips: number;
}

export interface StatsView {
  readonly messages: number;
  readonly rejections: number;
  readonly lost: number;
  /** Per follower; a node never probed has no entry. */
  readonly probes: Readonly<Record<NodeId, ProbeView>>;
}

/** Where the view stands in the recorded run, for the scrubber and the undo buttons. */
export interface TimelineView {
  /** Events in the whole recorded run. */
  readonly length: number;
  /** The clock at the run's live end. */
  readonly headTime: number;
  /** The view is the live end: acting appends to the run, rather than forking it. */
  readonly live: boolean;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

export interface Snapshot {
  /**
   * True for a new cluster and for a full resend: the page drops the logs, events
   * and history it holds before applying this snapshot. Otherwise `logs`,
   * `events` and `history` are changes since the previous snapshot.
   */
  readonly reset: boolean;
  readonly time: number;
  /** Number of the last event processed. */
  readonly event: number;
  readonly config: ClusterConfig;
  readonly ids: readonly NodeId[];
  /** The up leader with the highest term, if any. */
  readonly leader: NodeId | null;
  readonly nodes: readonly NodeView[];
  readonly logs: readonly LogDelta[];
  /** State machines that changed since the previous snapshot (all of them in a full one). */
  readonly machines: readonly MachineDelta[];
  /** Snapshots that changed since the previous snapshot (all of them in a full one). */
  readonly snapshots: readonly SnapshotDelta[];
  /** Configurations that changed since the previous snapshot (all of them in a full one); usually none. */
  readonly configs: readonly ConfigDelta[];
  /** Clients `c1..` in number order; empty with no clients. */
  readonly clientIds: readonly ClientId[];
  readonly clients: readonly ClientView[];
  /** In delivery order. */
  readonly messages: readonly MessageView[];
  /** Cut links as `linkKey` writes them: `n1-n3`, lower number first; `n2-c1`, the node first. */
  readonly cuts: readonly string[];
  /** New records since the previous snapshot, oldest first (at most EVENT_WINDOW routine and EVENT_WINDOW others). */
  readonly events: readonly EventView[];
  /** `events` is the whole list (the view moved to another moment), not an addition to it. */
  readonly eventsReset: boolean;
  /** The whole lane of every node whose history changed. */
  readonly history: Readonly<Record<NodeId, readonly RoleSpan[]>>;
  readonly violationCount: number;
  /** The first violation of each invariant broken so far, in the order they happened: the first is the one that matters. */
  readonly violations: readonly ViolationView[];
  readonly stats: StatsView;
  /**
   * The change to the recording (a script that replays this run exactly, to its
   * live end) since the previous snapshot; null when it did not change. A full
   * snapshot carries it whole (from 0).
   */
  readonly script: ScriptDelta | null;
  /** Its leading cluster/preset lines: what "reset" replays. Null when unchanged. */
  readonly setup: readonly string[] | null;
  readonly timeline: TimelineView;
  /** The client history and its linearizability verdict (historyView.ts); absent when neither changed. */
  readonly clientHistory?: ClientHistoryView;
}

/** How many recent events of each kind (routine or not) the page keeps, and the worker resends on a full snapshot. */
export const EVENT_WINDOW = 200;
/** How many spans a timeline lane keeps per node. */
export const HISTORY_LIMIT = 400;
