/**
 * What a node knows about its surroundings when it takes a step: its cluster,
 * the rules in force, and the time on its clock. The simulator builds the
 * cluster part once per cluster (`nodeContext`) and adds the time per step.
 */
import type { Membership, NodeId, RaftOptions } from '../types.ts';
import { unsafeFlags, type UnsafeFlags } from './unsafe.ts';

/** What a node knows about its cluster: the same for every step. */
export interface NodeContext {
  /** Every other server that exists, member or not, in a fixed order. */
  readonly peers: readonly NodeId[];
  /**
   * The cluster's initial configuration (`members=`): what a node uses while its
   * log and snapshot hold none (raft/membership.ts). Which majorities decide
   * elections, commitment, CheckQuorum and reads is each node's own
   * configuration, which its log carries (§6).
   */
  readonly bootstrap: Membership;
  readonly options: RaftOptions;
  /** The unsafe rules of `options`, as flags the rules consult by name (unsafe.ts). */
  readonly unsafe: UnsafeFlags;
  /**
   * The shortest election timeout any node may draw (ms). No follower times out
   * sooner after hearing from its leader, so it bounds the vote lease (lease.ts).
   */
  readonly minElectionTimeout: number;
}

/**
 * What a node knows when it takes one step: its cluster, and the time on its
 * clock. The simulator owns the clock and passes it in (simulated ms); a step
 * reads it and never keeps a reference to the context.
 */
export interface StepContext extends NodeContext {
  readonly now: number;
}

export const nodeContext = (peers: readonly NodeId[], bootstrap: Membership, options: RaftOptions, minElectionTimeout: number): NodeContext => ({
  peers,
  bootstrap,
  options,
  unsafe: unsafeFlags(options.unsafe),
  minElectionTimeout,
});

/** `context` at time `now`. */
export const at = (context: NodeContext, now: number): StepContext => clocked(context, now);

/**
 * A step context whose clock its owner sets before each step. The simulator
 * keeps one per node and sets `now` to the simulated time before stepping it, so
 * a step allocates no context; no step keeps a reference to its context.
 */
export interface ClockedContext extends StepContext {
  now: number;
}

export const clocked = (context: NodeContext, now = 0): ClockedContext => ({
  peers: context.peers,
  bootstrap: context.bootstrap,
  options: context.options,
  unsafe: context.unsafe,
  minElectionTimeout: context.minElectionTimeout,
  now,
});
