/**
 * The session table (thesis §6.3): the state machine remembers each client's
 * last applied serial and its reply, so a command committed twice (a retry
 * appended by a new leader) takes effect once.
 */
import { describe, expect, it } from 'vitest';
import { apply, emptyMachine, type StateMachine } from '../kv/stateMachine.ts';
import type { KvOp, LogEntry } from '../types.ts';
import { deepFreeze, runText } from './helpers.ts';

const cmd = (client: string, serial: number, op: KvOp): LogEntry => ({ term: 1, kind: 'command', client, serial, op });
const append = (v: string): KvOp => ({ kind: 'append', key: 'x', value: v });
const get: KvOp = { kind: 'get', key: 'x' };

/** Apply entries in order; returns the machine and the replies. */
function applyAll(entries: readonly LogEntry[], sessions = true): { machine: StateMachine; replies: ReturnType<typeof apply>['reply'][] } {
  let machine = emptyMachine();
  const replies: ReturnType<typeof apply>['reply'][] = [];
  for (const e of entries) {
    const r = apply(deepFreeze(machine), e, sessions);
    machine = r.machine;
    replies.push(r.reply);
  }
  return { machine, replies };
}

describe('the session table', () => {
  it('a command committed twice with the same serial takes effect once; the copy is answered with the remembered reply', () => {
    const { machine, replies } = applyAll([cmd('c1', 1, append('a')), { term: 2, kind: 'noop' }, cmd('c1', 1, append('a')), cmd('c1', 2, get)]);
    expect(machine.data).toEqual({ x: 'a' });
    expect(machine.lastApplied).toBe(4);
    expect(replies).toEqual([
      { client: 'c1', serial: 1, result: '', duplicate: false },
      null,
      { client: 'c1', serial: 1, result: '', duplicate: true },
      { client: 'c1', serial: 2, result: 'a', duplicate: false },
    ]);
    expect(machine.sessions).toEqual({ c1: { serial: 2, result: 'a' } });
  });

  it('a copy older than the last applied serial changes nothing and answers nothing: its client has moved on', () => {
    const { machine, replies } = applyAll([cmd('c1', 1, append('a')), cmd('c1', 2, append('b')), cmd('c1', 1, append('a'))]);
    expect(machine.data.x).toBe('ab');
    expect(replies[2]).toBeNull();
  });

  it('serials are per client: c2 #1 is not a copy of c1 #1', () => {
    const { machine } = applyAll([cmd('c1', 1, append('a')), cmd('c2', 1, append('b'))]);
    expect(machine.data.x).toBe('ab');
    expect(Object.keys(machine.sessions).sort()).toEqual(['c1', 'c2']);
  });

  it('without sessions (unsafe=no-sessions) every copy takes effect, and no table is kept', () => {
    const { machine, replies } = applyAll([cmd('c1', 1, append('a')), cmd('c1', 1, append('a'))], false);
    expect(machine.data.x).toBe('aa');
    expect(machine.sessions).toEqual({});
    expect(replies.map((r) => r?.duplicate)).toEqual([false, false]);
  });
});

describe('duplicates at the leader', () => {
  // n1 leads but is cut off from n2 and n3, so c1's request waits uncommitted in
  // its log; c1 times out, is sent back to n1 by n2, and retries there.
  const sameLeader = `cluster nodes=3 clients=1 seed=2 client-timeout=60ms election=300-400ms
campaign n1
stabilize
run 60ms
cut n1 n2
cut n1 n3
client c1 append x a
run 150ms
heal
run 200ms
`;

  it('a retry of a request the leader appended and has not applied waits for that entry; it is not appended again', () => {
    const { records, cluster } = runText(sameLeader);
    const dup = records.filter((r) => r.type === 'duplicatePending');
    expect(dup.length).toBeGreaterThan(0);
    expect(dup[0]).toMatchObject({ node: 'n1', client: 'c1', serial: 1, index: 2 });
    expect(records.filter((r) => r.type === 'commandAppended')).toHaveLength(1);
    for (const id of ['n1', 'n2', 'n3']) expect(cluster.nodes[id].volatile?.machine.data.x).toBe('a');
    // Applying the entry answered the client.
    expect(records.some((r) => r.type === 'clientReturned' && r.client === 'c1' && r.from === 'n1')).toBe(true);
  });

  it('with unsafe=no-sessions the same retry is appended again, and applied twice', () => {
    const { records, cluster } = runText(sameLeader.replace('seed=2', 'seed=2 unsafe=no-sessions'));
    expect(records.filter((r) => r.type === 'duplicatePending')).toEqual([]);
    expect(records.filter((r) => r.type === 'commandAppended' && r.client === 'c1' && r.serial === 1).length).toBeGreaterThan(1);
    expect(cluster.nodes.n1.volatile?.machine.data.x).toMatch(/^aa+$/);
  });

  // n1 appends c1's request and crashes before anyone knows it committed; c1
  // retries at n2, the new leader, which holds that entry of term 1 unapplied.
  const newLeader = `cluster nodes=3 clients=1 seed=2 client-timeout=60ms
campaign n1
stabilize
run 60ms
client c1 append x a
step 7
crash n1
campaign n2
run 300ms
`;

  it("a new leader appends a retry of an earlier leader's entry again: the session table applies it once, and that copy is answered", () => {
    const { records, cluster } = runText(newLeader);
    const appended = records.filter((r) => r.type === 'commandAppended' && r.node === 'n2');
    expect(appended).toHaveLength(1);
    const applied = records.filter((r) => r.type === 'applied' && r.node === 'n2');
    expect(applied.map((r) => r.type === 'applied' && [r.duplicate, r.replied])).toEqual([
      [false, false],
      [true, true],
    ]);
    expect(cluster.nodes.n2.volatile?.machine.data.x).toBe('a');
    expect(records.some((r) => r.type === 'clientReturned' && r.client === 'c1' && r.from === 'n2')).toBe(true);
  });
});
