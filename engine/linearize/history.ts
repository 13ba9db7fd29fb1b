/**
 * A client history: what the clients of a run asked and were told, the input
 * of the linearizability checker (checker.ts) and of the history exports.
 *
 * It is built from the run's records (the `clientInvoked` and `clientReturned`
 * events), never stored in the cluster state, so it costs a run nothing.
 */
import type { ClientId, KvOp } from '../types.ts';

/** One operation of one client, from its invocation to its answer (if any). */
export interface HistoryOp {
  readonly client: ClientId;
  /** The client's number for this operation; retries of it keep it (thesis §6.3). */
  readonly serial: number;
  readonly op: KvOp['kind'];
  readonly key: string;
  /** What a `put` or `append` writes; null for a `get`. */
  readonly value: string | null;
  /** Simulated ms, and the number of the event, at which the client invoked it. */
  readonly invokedAt: number;
  readonly invokedEvent: number;
  /** When the answer reached the client; null while (or if never) answered. */
  readonly returnedAt: number | null;
  readonly returnedEvent: number | null;
  /** What a `get` returned ("" for an unset key); "" for a write; null when unanswered. */
  readonly result: string | null;
}
