/**
 * What one step of a node produces besides its new state. A step creates one
 * `Effects`, the role functions append to it, and `step` returns it: the only
 * mutation is of this local accumulator, so `step` stays a pure function.
 */
import type { RecordBody } from '../events.ts';
import type { Outgoing } from '../types.ts';

/** A request to the simulator, which owns clocks and randomness. */
export type TimerRequest = 'reset' | 'stop';

export interface Effects {
  readonly outbox: Outgoing[];
  readonly records: RecordBody[];
  /** Unset (undefined) leaves the timer as it is. */
  election: TimerRequest | undefined;
  heartbeat: TimerRequest | undefined;
}

/** Every field is there from the start, so every step's effects have one shape. */
export const newEffects = (): Effects => ({ outbox: [], records: [], election: undefined, heartbeat: undefined });
