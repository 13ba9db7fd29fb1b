/**
 * Clients end to end (§8, thesis chapter 6): the library's failover and stale
 * read scenarios as tests, each unsafe one against the same schedule with the
 * rule on; and the client actor (engine/client/client.ts) step by step.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClient, newClientEffects, stepClient, type ClientState } from '../client/client.ts';
import { historyOf, linearizability } from '../scenario/run.ts';
import { logEntries } from '../raft/log.ts';
import type { ClusterState } from '../sim/cluster.ts';
import type { KvOp, NodeId } from '../types.ts';
import { runText } from './helpers.ts';

const library = join(import.meta.dirname, '..', '..', 'public', 'scenarios');
const read = (file: string): string => readFileSync(join(library, file), 'utf8');
/** The script without its `expect` lines: what happens, whatever it claims. */
const withoutExpects = (text: string): string => text.split('\n').filter((l) => !l.startsWith('expect')).join('\n');
const run = (text: string): ClusterState => {
  const r = runText(withoutExpects(text));
  return r.cluster;
};
const UP = ['n2', 'n3', 'n4', 'n5'];

/** How many entries of `node`'s log are this client's request `serial`. */
const copies = (s: ClusterState, node: NodeId, client: string, serial: number): number =>
  logEntries(s.nodes[node].persistent.log).filter((e) => e.kind === 'command' && e.client === client && e.serial === serial).length;

describe('failover: the leader applies an append, its answer is lost, it crashes, the client retries', () => {
  const text = read('failover.txt');

  it('the script meets every one of its expect lines', () => {
    expect(runText(text).failure).toBeNull();
  });

  it('with sessions, the retried append is in every log once and in every map once, and the history is linearizable', () => {
    const s = run(text);
    for (const n of UP) {
      expect(copies(s, n, 'c1', 2), n).toBe(1);
      expect(s.nodes[n].volatile?.machine.data.x, n).toBe('1a');
    }
    const ops = historyOf(s);
    // put, the retried append (answered), the later get: three operations, not four.
    expect(ops.map((o) => `${o.client}#${o.serial} ${o.op} ${o.result}`)).toEqual(['c1#1 put ', 'c1#2 append ', 'c1#3 get 1a']);
    expect(linearizability(s).verdict).toBe('ok');
  });

  it('the retry was sent with the same serial and answered from the session table, not applied again', () => {
    const { records } = runText(withoutExpects(text));
    const retry = records.find((r) => r.type === 'clientRetried');
    expect(retry).toMatchObject({ client: 'c1', serial: 2, why: 'timeout', from: 'n1', to: 'n2' });
    expect(records.filter((r) => r.type === 'duplicateAnswered')).toMatchObject([{ node: 'n2', client: 'c1', serial: 2, result: '' }]);
    // n2 applied c1#2 once, from the log, before the retry came.
    expect(records.filter((r) => r.type === 'applied' && r.node === 'n2' && r.serial === 2 && r.client === 'c1')).toHaveLength(1);
  });

  it('with unsafe=no-sessions the retry is appended and applied again: a later get returns the doubled value and the history is not linearizable', () => {
    const unsafe = read('unsafe-no-sessions.txt');
    expect(unsafe).toContain('unsafe=no-sessions');
    expect(runText(unsafe).failure).toBeNull();
    const s = run(unsafe);
    for (const n of UP) {
      expect(copies(s, n, 'c1', 2), n).toBe(2);
      expect(s.nodes[n].volatile?.machine.data.x, n).toBe('1aa');
    }
    const ops = historyOf(s);
    const get = ops.findIndex((o) => o.op === 'get');
    expect(ops[get].result).toBe('1aa');
    const verdict = linearizability(s);
    expect(verdict.verdict).toBe('violation');
    if (verdict.verdict !== 'violation') return;
    expect(verdict.key).toBe('x');
    expect(verdict.ops).toContain(get);
    expect(verdict.explanation).toContain('"1aa"');
    // The log stays consistent: only the service's answers are wrong.
    expect(s.violations).toEqual([]);
  });

  it('the same schedule with sessions on is linearizable (the two files differ only in the switch)', () => {
    const unsafe = read('unsafe-no-sessions.txt');
    const safe = run(unsafe.replace(/^(cluster .*) unsafe=no-sessions$/m, '$1'));
    expect(linearizability(safe).verdict).toBe('ok');
    expect(safe.nodes.n2.volatile?.machine.data.x).toBe('1a');
    const body = (t: string) => withoutExpects(t).split('\n').filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('cluster'));
    expect(body(unsafe)).toEqual(body(text));
  });
});

describe('a stale read from a leader cut off in a minority', () => {
  const schedule = (file: string) => body(read(file));
  const body = (t: string) => withoutExpects(t).split('\n').filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('cluster'));

  for (const [file, mode, how] of [
    ['stale-read-readindex.txt', 'readindex', 'readindex'],
    ['stale-read-lease.txt', 'lease', 'lease'],
  ] as const) {
    it(`reads=${mode}: the old leader holds the read, drops it when deposed, and the client reads the new value from the new leader`, () => {
      const { failure, records, cluster } = runText(read(file));
      expect(failure).toBeNull();
      expect(cluster.config.raft.reads).toBe(mode);
      // n4 never answered c1's read; it held it and dropped it on stepping down.
      expect(records.filter((r) => r.type === 'readServed' && r.node === 'n4')).toEqual([]);
      expect(records.some((r) => r.type === 'readQueued' && r.node === 'n4' && r.client === 'c1' && r.lease === (mode === 'lease'))).toBe(true);
      expect(records.some((r) => r.type === 'readsDropped' && r.node === 'n4')).toBe(true);
      expect(records.filter((r) => r.type === 'readServed' && r.client === 'c1')).toMatchObject([{ node: 'n2', result: '2', how }]);
      const get = historyOf(cluster).find((o) => o.client === 'c1' && o.op === 'get');
      expect(get?.result).toBe('2');
      expect(linearizability(cluster).verdict).toBe('ok');
    });
  }

  it('unsafe=stale-reads: the old leader answers the overwritten value, and the checker names the read and the write it missed', () => {
    const text = read('unsafe-stale-reads.txt');
    const { failure, records, cluster } = runText(text);
    expect(failure).toBeNull();
    expect(records.filter((r) => r.type === 'readServed' && r.how === 'stale')).toMatchObject([{ node: 'n4', client: 'c1', result: '1' }]);
    const ops = historyOf(cluster);
    const verdict = linearizability(cluster);
    expect(verdict.verdict).toBe('violation');
    if (verdict.verdict !== 'violation') return;
    const named = verdict.ops.map((i) => `${ops[i].client} ${ops[i].op} ${ops[i].result ?? ''}`);
    expect(named).toContain('c1 get 1');
    expect(named).toContain('c2 put ');
    expect(verdict.explanation).toMatch(/c1's get x returned "1" after c2's put x "2" had finished/);
    expect(cluster.violations).toEqual([]);
  });

  it('the three files run the same schedule; without the switch it is linearizable', () => {
    const unsafe = schedule('unsafe-stale-reads.txt');
    // The unsafe file stops watching sooner; up to the read, all three are the same.
    const upToRead = (lines: string[]) => lines.slice(0, lines.indexOf('client c1 get x') + 1);
    expect(upToRead(schedule('stale-read-readindex.txt'))).toEqual(upToRead(unsafe));
    expect(upToRead(schedule('stale-read-lease.txt'))).toEqual(upToRead(unsafe));
    const safe = run(read('unsafe-stale-reads.txt').replace(/^(cluster .*) unsafe=stale-reads$/m, '$1'));
    expect(linearizability(safe).verdict).toBe('ok');
  });
});

describe('the client actor', () => {
  const nodes: NodeId[] = ['n1', 'n2', 'n3'];
  const put: KvOp = { kind: 'put', key: 'x', value: '1' };
  const get: KvOp = { kind: 'get', key: 'x' };
  const step = (c: ClientState, input: Parameters<typeof stepClient>[1]) => {
    const fx = newClientEffects();
    const next = stepClient(c, input, nodes, fx);
    return { next, fx };
  };

  it('with no leader known, the first request goes to n1 with serial 1, and starts the timer', () => {
    const { next, fx } = step(createClient('c1'), { kind: 'issue', op: put });
    expect(fx.outbox).toEqual([{ type: 'ClientRequest', from: 'c1', to: 'n1', term: 0, serial: 1, op: put }]);
    expect(fx.timer).toBe('reset');
    expect(next.pending).toEqual({ serial: 1, op: put, target: 'n1', attempts: 1 });
    expect(next.nextSerial).toBe(2);
  });

  it('an operation issued while one is outstanding waits in order, and is sent with the next serial once the first is answered', () => {
    let c = step(createClient('c1'), { kind: 'issue', op: put }).next;
    const queued = step(c, { kind: 'issue', op: get });
    expect(queued.fx.outbox).toEqual([]);
    expect(queued.fx.records).toEqual([{ type: 'clientQueued', client: 'c1', op: get, waiting: 1 }]);
    c = queued.next;
    expect(c.queue).toEqual([get]);
    const answered = step(c, { kind: 'message', message: { type: 'ClientReply', from: 'n1', to: 'c1', term: 1, serial: 1, result: '' } });
    expect(answered.fx.records.map((r) => r.type)).toEqual(['clientReturned', 'clientInvoked']);
    expect(answered.fx.outbox).toEqual([{ type: 'ClientRequest', from: 'c1', to: 'n1', term: 0, serial: 2, op: get }]);
    expect(answered.next.queue).toEqual([]);
    expect(answered.next.leaderGuess).toBe('n1');
  });

  it('follows a NotLeader hint with the same serial, and remembers the hinted leader', () => {
    const c = step(createClient('c1'), { kind: 'issue', op: put }).next;
    const { next, fx } = step(c, { kind: 'message', message: { type: 'NotLeader', from: 'n1', to: 'c1', term: 1, serial: 1, leaderHint: 'n3' } });
    expect(fx.outbox).toEqual([{ type: 'ClientRequest', from: 'c1', to: 'n3', term: 0, serial: 1, op: put }]);
    expect(fx.records).toMatchObject([{ type: 'clientRetried', why: 'hint', from: 'n1', to: 'n3', serial: 1 }]);
    expect(next.leaderGuess).toBe('n3');
    expect(next.pending?.attempts).toBe(2);
    // Its next new operation goes straight to n3.
    const done = step(next, { kind: 'message', message: { type: 'ClientReply', from: 'n3', to: 'c1', term: 1, serial: 1, result: '' } }).next;
    expect(step(done, { kind: 'issue', op: get }).fx.outbox[0].to).toBe('n3');
  });

  it('a NotLeader with no hint (or naming its own sender) sends the request to the next node, wrapping after the last', () => {
    let c = step(createClient('c1'), { kind: 'issue', op: put }).next;
    const noHint = step(c, { kind: 'message', message: { type: 'NotLeader', from: 'n1', to: 'c1', term: 1, serial: 1, leaderHint: null } });
    expect(noHint.fx.outbox[0].to).toBe('n2');
    expect(noHint.fx.records).toMatchObject([{ type: 'clientRetried', why: 'not-leader' }]);
    expect(noHint.next.leaderGuess).toBeNull();
    c = step(noHint.next, { kind: 'message', message: { type: 'NotLeader', from: 'n2', to: 'c1', term: 1, serial: 1, leaderHint: 'n2' } }).next;
    expect(c.pending?.target).toBe('n3');
    c = step(c, { kind: 'message', message: { type: 'NotLeader', from: 'n3', to: 'c1', term: 1, serial: 1, leaderHint: null } }).next;
    expect(c.pending?.target).toBe('n1');
    expect(c.pending?.serial).toBe(1);
  });

  it('on a timeout it sends the same request, same serial, to the next node, and forgets its guess', () => {
    let c = step(createClient('c1'), { kind: 'issue', op: put }).next;
    c = step(c, { kind: 'message', message: { type: 'NotLeader', from: 'n1', to: 'c1', term: 1, serial: 1, leaderHint: 'n2' } }).next;
    const { next, fx } = step(c, { kind: 'timeout' });
    expect(fx.outbox).toEqual([{ type: 'ClientRequest', from: 'c1', to: 'n3', term: 0, serial: 1, op: put }]);
    expect(fx.records).toMatchObject([{ type: 'clientRetried', why: 'timeout', from: 'n2', to: 'n3', serial: 1 }]);
    expect(fx.timer).toBe('reset');
    expect(next.leaderGuess).toBeNull();
    expect(next.nextSerial).toBe(2);
    expect(next.pending?.attempts).toBe(3);
  });

  it('ignores answers to other serials and a timeout with nothing outstanding', () => {
    const c = step(createClient('c1'), { kind: 'issue', op: put }).next;
    const stale = step(c, { kind: 'message', message: { type: 'ClientReply', from: 'n2', to: 'c1', term: 1, serial: 7, result: '' } });
    expect(stale.next).toBe(c);
    expect(stale.fx.outbox).toEqual([]);
    const idle = createClient('c2');
    const t = step(idle, { kind: 'timeout' });
    expect(t.next).toBe(idle);
    expect(t.fx.records).toEqual([]);
  });

  it('in a cluster: a client started at a follower is redirected by the hint (not-leader-redirect.txt)', () => {
    const { failure, records } = runText(read('not-leader-redirect.txt'));
    expect(failure).toBeNull();
    const retries = records.filter((r) => r.type === 'clientRetried');
    expect(retries).toMatchObject([
      { from: 'n1', to: 'n2', why: 'not-leader', serial: 1 },
      { from: 'n2', to: 'n3', why: 'hint', serial: 1 },
    ]);
    // The second request goes straight to the leader.
    expect(records.filter((r) => r.type === 'clientInvoked').map((r) => r.type === 'clientInvoked' && r.to)).toEqual(['n1', 'n3']);
  });
});
