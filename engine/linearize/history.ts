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

/**
 * What the cluster keeps of its clients' doings, one item per invocation or
 * answer, in order (ClusterState.history): the history is built from it.
 */
export type HistoryEvent =
  | {
      readonly type: 'invoke';
      readonly client: ClientId;
      readonly serial: number;
      readonly op: KvOp;
      readonly time: number;
      readonly event: number;
    }
  | {
      readonly type: 'return';
      readonly client: ClientId;
      readonly serial: number;
      readonly result: string;
      readonly time: number;
      readonly event: number;
    };

/** The operation an invocation starts, not answered yet. */
export const invokedOp = (e: Extract<HistoryEvent, { type: 'invoke' }>): HistoryOp => ({
  client: e.client,
  serial: e.serial,
  op: e.op.kind,
  key: e.op.key,
  value: e.op.kind === 'get' ? null : e.op.value,
  invokedAt: e.time,
  invokedEvent: e.event,
  returnedAt: null,
  returnedEvent: null,
  result: null,
});

/** `op` with the answer `e` gave it. */
export const answeredOp = (op: HistoryOp, e: Extract<HistoryEvent, { type: 'return' }>): HistoryOp => ({
  ...op,
  returnedAt: e.time,
  returnedEvent: e.event,
  result: e.result,
});

/** The operations, in order of invocation, each with its answer if it came. */
export function buildHistory(events: readonly HistoryEvent[]): HistoryOp[] {
  const ops: HistoryOp[] = [];
  const open = new Map<string, number>();
  for (const e of events) {
    const key = `${e.client}#${e.serial}`;
    if (e.type === 'invoke') {
      open.set(key, ops.length);
      ops.push(invokedOp(e));
    } else {
      const i = open.get(key);
      if (i === undefined) continue;
      open.delete(key);
      ops[i] = answeredOp(ops[i], e);
    }
  }
  return ops;
}
