/**
 * What one step of a node produces besides its new state. A step creates one
 * `Effects`, the role functions append to it, and `step` returns it: the only
 * mutation is of this local accumulator, so `step` stays a pure function.
 */
import type { RecordBody } from '../events.ts';
import type { NodeId, Outgoing, RaftOptions } from '../types.ts';

/** A request to the simulator, which owns clocks and randomness. */
export type TimerRequest = 'reset' | 'stop';

export interface Effects {
  readonly outbox: Outgoing[];
  readonly records: RecordBody[];
  election?: TimerRequest;
  heartbeat?: TimerRequest;
}

export const newEffects = (): Effects => ({ outbox: [], records: [] });

/** What a node knows about its cluster: the same for every step. */
export interface NodeContext {
  /** Every other member of the cluster, in a fixed order. */
  readonly peers: readonly NodeId[];
  readonly options: RaftOptions;
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

export const clusterSize = (ctx: StepContext): number => ctx.peers.length + 1;
