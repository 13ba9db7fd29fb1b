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
  // n1 leads, appends c1's request, and crashes before anyone knows it committed;
  // c1 retries at n2, which holds the entry but has not applied it yet.
  const pending = `cluster nodes=3 clients=1 seed=2 client-timeout=60ms
campaign n1
stabilize
run 60ms
client c1 put x 1
step 7
crash n1
campaign n2
`;

  it('a retry of a request still in the log, unapplied, waits for that entry; it is not appended again', () => {
    const { records, cluster } = runText(pending + 'run 200ms');
    const dup = records.filter((r) => r.type === 'duplicatePending');
    expect(dup.length).toBeGreaterThan(0);
    expect(dup[0]).toMatchObject({ node: 'n2', client: 'c1', serial: 1 });
    expect(records.filter((r) => r.type === 'commandAppended' && r.node === 'n2')).toEqual([]);
    expect(cluster.nodes.n2.volatile?.machine.data.x).toBe('1');
    // Applying the entry answered the client.
    expect(records.some((r) => r.type === 'clientReturned' && r.client === 'c1' && r.from === 'n2')).toBe(true);
  });

  it('with unsafe=no-sessions the same retry is appended again', () => {
    const { records } = runText(pending.replace('seed=2', 'seed=2 unsafe=no-sessions') + 'run 200ms');
    expect(records.filter((r) => r.type === 'duplicatePending')).toEqual([]);
    expect(records.some((r) => r.type === 'commandAppended' && r.node === 'n2' && r.client === 'c1' && r.serial === 1)).toBe(true);
  });
});
