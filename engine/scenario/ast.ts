/** The scenario language, parsed. One command per line; see README for the grammar. */
import type { ChangeRequest, ClientId, ClusterConfig, KvOp, MessageType, NodeId, Role } from '../types.ts';
import type { InvariantName } from '../events.ts';

export type PresetName = 'figure7' | 'figure7-etcd';
export const PRESETS: readonly PresetName[] = ['figure7', 'figure7-etcd'];

export type Expectation =
  | { readonly what: 'leader'; readonly node: NodeId | null }
  | { readonly what: 'role'; readonly node: NodeId; readonly role: Role | 'down' }
  | { readonly what: 'term'; readonly node: NodeId; readonly value: number }
  | { readonly what: 'vote'; readonly node: NodeId; readonly votedFor: NodeId | null }
  | { readonly what: 'commit'; readonly node: NodeId; readonly value: number }
  /** AppendEntries this follower rejected while a leader probed its log, over the whole run. */
  | { readonly what: 'rejections'; readonly node: NodeId; readonly value: number }
  /** AppendEntries round trips a leader spent finding where this follower's log agrees (rejections, plus the success that ends each probe). */
  | { readonly what: 'roundtrips'; readonly node: NodeId; readonly value: number }
  /** At least one violation of this invariant has been found. */
  | { readonly what: 'violation'; readonly invariant: InvariantName }
  | { readonly what: 'log'; readonly node: NodeId; readonly terms: readonly number[] }
  | { readonly what: 'safe' }
  /** The client history so far can be ordered (linearize/checker.ts). */
  | { readonly what: 'linearizable' }
  /** The node's state machine holds `value` at `key` ("" for unset). */
  | { readonly what: 'kv'; readonly node: NodeId; readonly key: string; readonly value: string }
  /** The node's lastApplied (Figure 2). */
  | { readonly what: 'applied'; readonly node: NodeId; readonly value: number }
  /** The node's snapshot covers up to `index`, of `term` (§7); null: it has none. */
  | { readonly what: 'snapshot'; readonly node: NodeId; readonly at: { readonly index: number; readonly term: number } | null }
  /**
   * The configuration the node uses (§6): its voters, and while joint the
   * outgoing voters too (`expect config n1 n1,n2,n3 -> n3,n4,n5`: old, then new;
   * `outgoing` is empty outside a change). `learners` are compared only when
   * given (`... learners n4`); null leaves them out of the check.
   */
  | {
      readonly what: 'config';
      readonly node: NodeId;
      readonly voters: readonly NodeId[];
      readonly outgoing: readonly NodeId[];
      readonly learners: readonly NodeId[] | null;
    };

export type CommandBody =
  | { readonly kind: 'cluster'; readonly config: ClusterConfig }
  | { readonly kind: 'preset'; readonly name: PresetName }
  | { readonly kind: 'run'; readonly ms: number }
  | { readonly kind: 'step'; readonly count: number }
  /** Deliver what is in flight with timers held, up to `limit` events (null: until quiet, or STABILIZE_LIMIT). */
  | { readonly kind: 'stabilize'; readonly limit: number | null }
  | { readonly kind: 'campaign'; readonly node: NodeId }
  | { readonly kind: 'propose'; readonly target: NodeId | 'leader'; readonly value: string }
  | { readonly kind: 'crash'; readonly node: NodeId }
  | { readonly kind: 'restart'; readonly node: NodeId }
  /** The node snapshots its state machine now, up to its lastApplied, and compacts its log (§7). */
  | { readonly kind: 'snapshot'; readonly node: NodeId }
  /**
   * A membership change, given to the leader (§6): `change +n4,-n1` is joint
   * consensus; `add n4` and `remove n1` are single-server changes (thesis §4.1).
   */
  | { readonly kind: 'change'; readonly request: ChangeRequest }
  /** The leader hands its leadership to `node` (thesis §3.10). */
  | { readonly kind: 'transfer'; readonly node: NodeId }
  | { readonly kind: 'partition'; readonly groups: readonly (readonly NodeId[])[] }
  /** A link is between two nodes, or a client and a node. */
  | { readonly kind: 'cut'; readonly a: NodeId; readonly b: NodeId }
  | { readonly kind: 'heal'; readonly pair: readonly [NodeId, NodeId] | null }
  | { readonly kind: 'drop'; readonly from: NodeId; readonly to: NodeId; readonly messageType: MessageType | null }
  | { readonly kind: 'drop-message'; readonly id: number }
  /** Set every follower's election timer at once: all together (`align`), or one after another (`spread`) (§5.2). */
  | { readonly kind: 'timers'; readonly layout: 'align' | 'spread' }
  | { readonly kind: 'expect'; readonly check: Expectation }
  /** A client is given an operation (§8): it starts it, or queues it behind the one it waits on. */
  | { readonly kind: 'client'; readonly client: ClientId; readonly op: KvOp }
  /** The clients together issue `ops` random operations at about `rate` per second over keys k1..k`keys`, `reads`% of them reads. */
  | { readonly kind: 'workload'; readonly ops: number; readonly rate: number; readonly keys: number; readonly reads: number }
  /** A caption for a guided tour. It changes nothing: the page shows it, the runner's trace prints it. */
  | { readonly kind: 'say'; readonly text: string }
  /** A tour waits here for Next. It changes nothing; a tour's steps are the stretches between pauses. */
  | { readonly kind: 'pause' };

/** Commands that change nothing in the cluster: checks and a tour's captions and stops. */
export type Annotation = Extract<CommandBody, { kind: 'expect' | 'say' | 'pause' }>;

export const isAnnotation = (c: CommandBody): c is Annotation => c.kind === 'expect' || c.kind === 'say' || c.kind === 'pause';

export type CommandKind = CommandBody['kind'];

/** Where a command stands in its source, 1-based. */
export interface Located {
  readonly line: number;
  readonly col: number;
}

export type Command = CommandBody & Located;

export interface Script {
  readonly commands: readonly Command[];
}

/** A problem with the text of a script, located at its line and column (both 1-based). */
export interface ScenarioError {
  readonly line: number;
  readonly col: number;
  readonly message: string;
}
