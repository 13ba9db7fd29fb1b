/**
 * Applying committed entries (Figure 2, Rules for Servers, All Servers): "if
 * commitIndex > lastApplied, increment lastApplied and apply log[lastApplied]
 * to the state machine". Every step ends here, so a node's state machine is
 * never behind its commitIndex between steps.
 *
 * The leader answers each client whose command it appended itself, that is an
 * entry of its own term (§8): only that leader heard the request. An entry of
 * an earlier term is a request some earlier leader took; its client will time
 * out and retry, and the retry goes through the log again, where the session
 * table keeps it from being applied twice (thesis §6.3). A follower applies
 * silently. Then a leader answers the reads it holds that are now safe
 * (reads.ts).
 */
import type { LeaderNode, UpNode } from '../types.ts';
import type { Effects } from './effects.ts';
import type { StepContext } from './context.ts';
import { entryAt } from './log.ts';
import { apply, type StateMachine } from '../kv/stateMachine.ts';
import { serveReads } from './reads.ts';

export function applyCommitted(node: UpNode, ctx: StepContext, fx: Effects): UpNode {
  let n = node;
  const v = n.volatile;
  if (v.machine.lastApplied < v.commitIndex) n = { id: n.id, persistent: n.persistent, volatile: { ...v, machine: applyUpTo(n, ctx, fx) } };
  if (n.volatile.role === 'leader' && n.volatile.reads.length > 0) {
    const leader = n as LeaderNode;
    const reads = serveReads(leader, ctx, fx);
    if (reads !== leader.volatile.reads) n = { id: n.id, persistent: n.persistent, volatile: { ...leader.volatile, reads } };
  }
  return n;
}

function applyUpTo(node: UpNode, ctx: StepContext, fx: Effects): StateMachine {
  const v = node.volatile;
  const leads = v.role === 'leader';
  const term = node.persistent.currentTerm;
  const sessions = !ctx.unsafe['no-sessions'];
  const log = node.persistent.log;
  let m = v.machine;
  // Entries past the log's end cannot be committed (CommitWithinLog); stop there if an unsafe run got that far.
  while (m.lastApplied < v.commitIndex) {
    const e = entryAt(log, m.lastApplied + 1);
    if (e === undefined) break;
    const r = apply(m, e, sessions);
    m = r.machine;
    if (r.reply === null || e.kind !== 'command') continue;
    fx.records.push({
      type: 'applied',
      node: node.id,
      index: m.lastApplied,
      client: r.reply.client,
      serial: r.reply.serial,
      op: e.op,
      result: r.reply.result,
      duplicate: r.reply.duplicate,
      replied: leads && e.term === term,
    });
    if (leads && e.term === term) {
      fx.outbox.push({ type: 'ClientReply', from: node.id, to: r.reply.client, term: node.persistent.currentTerm, serial: r.reply.serial, result: r.reply.result });
    }
  }
  return m;
}
