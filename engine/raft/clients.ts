/**
 * A node's side of the client protocol (§8, thesis chapter 6).
 *
 * - A node that does not lead turns the client away, naming the leader it knows.
 * - A leader answers a retry of a request it has applied from its session
 *   table, without appending it again (thesis §6.3); a retry of a request it
 *   appended itself and has not applied yet waits for that entry; anything else
 *   is appended, even a retry of an earlier leader's entry: the leader answers
 *   only for entries of its own term (apply.ts), and the session table keeps
 *   the second copy from being applied twice.
 * - A `get` goes through the log under `reads=log`, and otherwise is answered
 *   without it (reads.ts, thesis §6.4).
 * - Once an entry is applied, the leader replies to its client (apply.ts).
 */
import type { ClientRequest, LeaderNode, UpNode } from '../types.ts';
import type { Effects } from './effects.ts';
import type { StepContext } from './context.ts';
import { entryAt, lastIndex } from './log.ts';
import { appendEntry, broadcastAppend } from './replication.ts';
import { commandEntry } from './entry.ts';
import { onRead } from './reads.ts';

/** A follower or candidate cannot serve a client: it says who leads, if it knows. */
export function turnAway(node: UpNode, req: ClientRequest, fx: Effects): UpNode {
  const hint = node.volatile.leader;
  fx.records.push({ type: 'notLeader', node: node.id, client: req.from, serial: req.serial, hint });
  fx.outbox.push({ type: 'NotLeader', from: node.id, to: req.from, term: node.persistent.currentTerm, serial: req.serial, leaderHint: hint });
  return node;
}

export function onClientRequest(node: LeaderNode, req: ClientRequest, ctx: StepContext, fx: Effects): LeaderNode {
  const v = node.volatile;
  if (v.transfer !== null) {
    // Thesis §3.10: a leader handing its leadership over takes no new requests; the client retries at the next leader.
    fx.records.push({ type: 'requestHeld', node: node.id, client: req.from, serial: req.serial, target: v.transfer.target });
    return node;
  }
  if (req.op.kind === 'get' && (ctx.options.reads !== 'log' || ctx.unsafe['stale-reads'])) {
    const reads = onRead(node, req, ctx, fx);
    if (reads === v.reads) return node;
    // Step 3 of ReadIndex: a heartbeat round, sent now, confirms this read once a majority answers it.
    const held: LeaderNode = { id: node.id, persistent: node.persistent, volatile: { ...v, reads } };
    return broadcastAppend(held, ctx, fx);
  }
  if (!ctx.unsafe['no-sessions']) {
    const seen = v.machine.sessions[req.from];
    if (seen !== undefined && req.serial <= seen.serial) {
      // Applied already (thesis §6.3). An older serial is a copy the client stopped waiting for.
      if (req.serial === seen.serial) {
        fx.records.push({ type: 'duplicateAnswered', node: node.id, client: req.from, serial: req.serial, result: seen.result });
        fx.outbox.push({ type: 'ClientReply', from: node.id, to: req.from, term: node.persistent.currentTerm, serial: req.serial, result: seen.result });
      }
      return node;
    }
    const index = pendingIndex(node, req);
    if (index > 0) {
      fx.records.push({ type: 'duplicatePending', node: node.id, client: req.from, serial: req.serial, index });
      return node;
    }
  }
  const term = node.persistent.currentTerm;
  const entry = commandEntry(term, req.from, req.serial, req.op);
  fx.records.push({ type: 'commandAppended', node: node.id, client: req.from, serial: req.serial, op: req.op, index: lastIndex(node.persistent.log) + 1, term });
  return appendEntry(node, entry, ctx, fx);
}

/**
 * Where the leader appended this request in its term and has not applied it yet,
 * or 0. (Only the unapplied suffix can hold it, since an applied copy is in the
 * session table; and terms only grow along a log, so the scan stops at the first
 * entry of an earlier term.)
 */
function pendingIndex(node: LeaderNode, req: ClientRequest): number {
  const log = node.persistent.log;
  const term = node.persistent.currentTerm;
  for (let i = lastIndex(log); i > node.volatile.machine.lastApplied; i--) {
    const e = entryAt(log, i)!;
    if (e.term < term) break;
    if (e.kind === 'command' && e.client === req.from && e.serial === req.serial) return i;
  }
  return 0;
}

