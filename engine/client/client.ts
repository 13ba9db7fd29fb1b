/**
 * A client of the replicated key-value store, as a pure step function like a
 * node's (raft/node.ts): inputs in, new state, requests and records out. The
 * simulator owns its timer and its links, exactly as it does a node's.
 *
 * What a client does (§8, thesis §6.3):
 * - it has one request outstanding at a time; operations issued meanwhile wait
 *   in order;
 * - it sends to the node it believes leads, or, knowing none, tries the nodes
 *   in order from n1;
 * - a NotLeader answer names the leader its sender knows of: the client follows
 *   the hint, or tries the next node when there is none;
 * - with no answer within its timeout it sends the same request again (same
 *   serial) to its next guess, so the state machine can tell a retry from a new
 *   request and apply it once.
 */
import type { ClientId, ClientReply, ClientRequest, KvOp, NodeId, NotLeader } from '../types.ts';
import type { RecordBody } from '../events.ts';
import type { TimerRequest } from '../raft/effects.ts';

/** The request a client waits on. */
export interface Outstanding {
  readonly serial: number;
  readonly op: KvOp;
  /** The node the latest copy was sent to. */
  readonly target: NodeId;
  /** Copies sent so far, the first included. */
  readonly attempts: number;
}

export interface ClientState {
  readonly id: ClientId;
  /** The serial its next new operation takes (serials start at 1). */
  readonly nextSerial: number;
  readonly pending: Outstanding | null;
  /** Operations issued while one was outstanding, oldest first. */
  readonly queue: readonly KvOp[];
  /** The node it believes leads, learned from a reply or a hint; null when it knows none. */
  readonly leaderGuess: NodeId | null;
}

export const createClient = (id: ClientId): ClientState => ({ id, nextSerial: 1, pending: null, queue: [], leaderGuess: null });

export type ClientInput =
  | { readonly kind: 'issue'; readonly op: KvOp }
  | { readonly kind: 'message'; readonly message: ClientReply | NotLeader }
  | { readonly kind: 'timeout' };

export interface ClientEffects {
  readonly outbox: ClientRequest[];
  readonly records: RecordBody[];
  timer: TimerRequest | undefined;
}

export const newClientEffects = (): ClientEffects => ({ outbox: [], records: [], timer: undefined });

/** The node after `after` in the cluster's order, wrapping; the first when `after` is null. */
function nextNode(nodes: readonly NodeId[], after: NodeId | null): NodeId {
  if (after === null) return nodes[0];
  const i = nodes.indexOf(after);
  return nodes[(i + 1) % nodes.length];
}

function send(c: ClientState, p: Outstanding, fx: ClientEffects): void {
  fx.outbox.push({ type: 'ClientRequest', from: c.id, to: p.target, term: 0, serial: p.serial, op: p.op });
  fx.timer = 'reset';
}

/** Start `op` now: it takes the next serial and goes to the believed leader (or n1). */
function invoke(c: ClientState, op: KvOp, queue: readonly KvOp[], nodes: readonly NodeId[], fx: ClientEffects): ClientState {
  const serial = c.nextSerial;
  const target = c.leaderGuess ?? nextNode(nodes, null);
  const pending: Outstanding = { serial, op, target, attempts: 1 };
  fx.records.push({ type: 'clientInvoked', client: c.id, serial, op, to: target });
  send(c, pending, fx);
  return { id: c.id, nextSerial: serial + 1, pending, queue, leaderGuess: c.leaderGuess };
}

/** Send the outstanding request again, to `target`. */
function resend(c: ClientState, p: Outstanding, target: NodeId, guess: NodeId | null, fx: ClientEffects): ClientState {
  const again: Outstanding = { serial: p.serial, op: p.op, target, attempts: p.attempts + 1 };
  send(c, again, fx);
  return { id: c.id, nextSerial: c.nextSerial, pending: again, queue: c.queue, leaderGuess: guess };
}

/** `nodes`: every node of the cluster, in order (`n1` first). */
export function stepClient(c: ClientState, input: ClientInput, nodes: readonly NodeId[], fx: ClientEffects): ClientState {
  switch (input.kind) {
    case 'issue':
      if (c.pending !== null) {
        fx.records.push({ type: 'clientQueued', client: c.id, op: input.op, waiting: c.queue.length + 1 });
        return { ...c, queue: [...c.queue, input.op] };
      }
      return invoke(c, input.op, c.queue, nodes, fx);
    case 'timeout': {
      const p = c.pending;
      if (p === null) return c;
      const target = nextNode(nodes, p.target);
      fx.records.push({ type: 'clientRetried', client: c.id, serial: p.serial, to: target, why: 'timeout', from: p.target });
      return resend(c, p, target, null, fx);
    }
    case 'message': {
      const m = input.message;
      const p = c.pending;
      // An answer to an earlier copy, or to a request already answered, tells nothing new.
      if (p === null || m.serial !== p.serial) return c;
      if (m.type === 'NotLeader') {
        const hinted = m.leaderHint !== null && m.leaderHint !== m.from;
        const target = hinted ? m.leaderHint! : nextNode(nodes, m.from);
        fx.records.push({ type: 'clientRetried', client: c.id, serial: p.serial, to: target, why: hinted ? 'hint' : 'not-leader', from: m.from });
        return resend(c, p, target, hinted ? target : null, fx);
      }
      fx.records.push({ type: 'clientReturned', client: c.id, serial: p.serial, op: p.op, result: m.result, from: m.from, attempts: p.attempts });
      const done: ClientState = { id: c.id, nextSerial: c.nextSerial, pending: null, queue: c.queue, leaderGuess: m.from };
      if (done.queue.length > 0) return invoke(done, done.queue[0], done.queue.slice(1), nodes, fx);
      fx.timer = 'stop';
      return done;
    }
  }
}
