/**
 * The causal facts of a run: each thing that happens at a node, and which message
 * links a send to its receipt. This is all the input vector clocks need
 * (vectorClock.ts), and all the simulator reports for them.
 *
 * Why the simulator reports happenings instead of keeping clocks itself: the
 * cluster state is copied for time travel and posted to the page, and its messages
 * are frozen facts shared between copies, so live clocks there would cost a clock
 * copy per message sent and a bigger snapshot on every copy, in every run, for a
 * feature only an export uses. Instead, a run that wants clocks attaches an
 * observer to its Emit (`observe`); the simulator calls it at each happening, and
 * the observer keeps the clocks. A run without one pays one property check per
 * event. Node states, records, the checker and the event numbering are the same
 * either way: the observer only listens.
 *
 * What counts as a happening at a node (each ticks that node's own clock once):
 * - `receive`: a message is delivered to an up node, which then handles it;
 * - `send`: a node hands a message to the network, even if a cut link loses it at
 *   once (the send still happened at the sender);
 * - `local`: a timer fires at the node, or a command reaches it while it is up
 *   (campaign, propose) or changes whether it is up (crash, restart).
 * A step's sends follow the receive or local happening that caused them, in outbox
 * order. Nothing else happens at a node: a message to a crashed node is lost
 * without being received, a proposal to a crashed node or to no leader reaches
 * no one, and cuts, heals and drops are the network's doing, not any node's.
 */
import type { Message, NodeId } from '../types.ts';

export type LocalCause =
  | 'election-timer'
  | 'heartbeat-timer'
  | 'campaign'
  | 'propose'
  | 'snapshot'
  /** At the leader: a membership change or a leadership transfer was asked for (§6, thesis §3.10). */
  | 'change'
  | 'transfer'
  | 'crash'
  | 'restart'
  /** At a client: its request timed out, or it was given an operation. */
  | 'client-timer'
  | 'client-issue';

interface At {
  readonly node: NodeId;
  /** The simulator's event number: a step's sends share the number of the receive or local happening that caused them. */
  readonly event: number;
  readonly time: number;
}

export type Happening =
  | (At & { readonly kind: 'local'; readonly cause: LocalCause })
  | (At & { readonly kind: 'receive'; readonly message: Message })
  | (At & { readonly kind: 'send'; readonly message: Message });

/** Told of every happening, in the order they happen. */
export type CausalObserver = (h: Happening) => void;
