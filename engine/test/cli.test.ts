/** The command-line runner, run as users run it: a child process with real files and stdin. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGE_TYPES } from '../types.ts';

const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const cli = join(root, 'engine', 'cli', 'scenarioCli.ts');

function run(args: string[], input?: string) {
  const r = spawnSync(tsx, [cli, ...args], { input, encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);

/** c2's first request is lost on a cut link and retried; the leader crashes under c1, which retries; c1's last request is left unanswered. */
const CLIENTS = `cluster nodes=3 clients=2 seed=4 client-timeout=100ms
campaign n2
stabilize
client c1 put x 1
run 100ms
cut c2 n1
client c2 append x b
run 400ms
crash n2
client c1 get x
run 800ms
cut c1 n1
cut c1 n2
cut c1 n3
client c1 get x
run 30ms
expect linearizable
`;

/** With unsafe=stale-reads a leader cut off in a minority answers a read from its own stale state. */
const STALE = `cluster nodes=3 clients=2 seed=2 unsafe=stale-reads
campaign n1
stabilize
client c1 put x 1
run 200ms
partition n1,c1 | n2,n3,c2
run 400ms
client c2 put x 2
run 300ms
client c1 get x
run 200ms
expect violation Linearizability
`;

const dir = mkdtempSync(join(tmpdir(), 'raftviz-cli-'));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('npm run scenario', { timeout: 30_000 }, () => {
  it('--json prints exactly one JSON document with the documented shape; exit 0', () => {
    const r = run([file('ok.txt', 'preset figure7\ncampaign n1\nstabilize\nrun 200ms\ncrash n7\nexpect leader n1\n'), '--json', '--trace']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc).sort()).toEqual(['clients', 'history', 'inFlight', 'leader', 'linearizable', 'nodes', 'stats', 'time', 'violations']);
    expect(doc.leader).toBe('n1');
    expect(doc.time).toBe(277);
    expect(doc.nodes).toHaveLength(7);
    // Log entries are tagged on `kind`: Figure 7's entries are raw values, n1's own term-8 entry its no-op.
    expect(doc.nodes[0]).toEqual({
      id: 'n1', up: true, role: 'leader', term: 8, votedFor: 'n1', commitIndex: 11,
      log: expect.arrayContaining([{ term: 8, kind: 'noop' }, { term: 1, kind: 'raw', value: expect.any(String) }]),
      logStart: 0, snapshot: null,
      kv: {}, applied: 11, sessions: {},
      probes: { rejections: 0, roundTrips: 0 },
      config: { voters: ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7'], outgoing: [], learners: [] },
    });
    // Per-follower probe counters: n3 (Figure 7's b) needed one rejection and one success.
    expect(doc.nodes[2].probes).toEqual({ rejections: 1, roundTrips: 2 });
    // Figure 7's raw entries change no state machine; a crashed node has lost its machine with the rest of its volatile state.
    expect(doc.nodes[6]).toMatchObject({ id: 'n7', up: false, role: 'down', commitIndex: 0, kv: {}, applied: 0, sessions: {} });
    expect(doc.nodes[2].log.map((e: { term: number }) => e.term)).toEqual([1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 8]);
    expect(doc.violations).toEqual([]);
    // No clients: nothing in the history, which is trivially linearizable.
    expect(doc.clients).toEqual([]);
    expect(doc.history).toEqual([]);
    expect(doc.linearizable).toBe(true);
    expect(doc.stats).toMatchObject({ rejections: 4 });
    expect(doc.stats.events).toBeGreaterThan(50);
    expect(Object.keys(doc.stats.byType)).toEqual([...MESSAGE_TYPES]);
    expect(sum(doc.stats.byType)).toBe(doc.stats.messages);
    expect(doc.stats.byType.ClientRequest).toBe(0);
    for (const m of doc.inFlight) expect(m).toMatchObject({ id: expect.any(Number), from: expect.any(String), sentAt: expect.any(Number), arrivesAt: expect.any(Number) });
    // With --json the trace goes to stderr, so stdout stays one document.
    expect(r.stderr).toContain('n1 became leader at term 8');
  });

  it('--json with clients: state machines, sessions, clients, the history and its verdict, messages by type', () => {
    const r = run([file('clients.txt', CLIENTS), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const leader = doc.nodes.find((n: { id: string }) => n.id === doc.leader);
    expect(leader).toMatchObject({ kv: { x: '1b' }, applied: leader.commitIndex, sessions: { c1: { serial: 2, result: '1b' }, c2: { serial: 1, result: '' } } });
    expect(leader.log).toContainEqual({ term: 1, kind: 'command', client: 'c1', serial: 1, op: { kind: 'put', key: 'x', value: '1' } });
    // c1's third request went to a node it can no longer reach: still pending, nothing queued behind it.
    expect(doc.clients).toEqual([
      { id: 'c1', pending: { serial: 3, op: { kind: 'get', key: 'x' }, target: expect.stringMatching(/^n\d$/), attempts: expect.any(Number) }, queue: 0, leaderGuess: expect.any(String) },
      { id: 'c2', pending: null, queue: 0, leaderGuess: expect.stringMatching(/^n\d$/) },
    ]);
    expect(doc.history).toEqual([
      { client: 'c1', op: 'put', key: 'x', value: '1', serial: 1, invokedAt: expect.any(Number), returnedAt: expect.any(Number), result: '' },
      { client: 'c2', op: 'append', key: 'x', value: 'b', serial: 1, invokedAt: expect.any(Number), returnedAt: expect.any(Number), result: '' },
      { client: 'c1', op: 'get', key: 'x', value: null, serial: 2, invokedAt: expect.any(Number), returnedAt: expect.any(Number), result: '1b' },
      { client: 'c1', op: 'get', key: 'x', value: null, serial: 3, invokedAt: expect.any(Number), returnedAt: null, result: null },
    ]);
    expect(doc.linearizable).toBe(true);
    expect(doc).not.toHaveProperty('linearizability');
    // c2's first copy was lost on its cut link, and a crashed leader costs c1 retries: more requests than operations.
    expect(doc.stats.byType.ClientRequest).toBeGreaterThan(doc.history.length);
    expect(doc.stats.byType.ClientReply).toBe(3);
    expect(doc.stats.byType.NotLeader).toBeGreaterThan(0);
    expect(sum(doc.stats.byType)).toBe(doc.stats.messages);
  });

  it('--json on a history that is not linearizable: false, with the smallest failing operations and why', () => {
    const r = run([file('stale.txt', STALE), '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.linearizable).toBe(false);
    expect(doc.linearizability).toEqual({ key: 'x', ops: [1, 2], explanation: expect.stringContaining('returned "1" after c2\'s put x "2" had finished') });
    expect(doc.linearizability.ops.map((i: number) => doc.history[i].client)).toEqual(['c2', 'c1']);
  });

  it('reads the script from stdin with "-" and prints a table by default', () => {
    const r = run(['-'], 'cluster nodes=3 seed=5\nrun 1s\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^node\s+role\s+term/);
    expect(r.stdout).toContain('invariants: all hold');
  });

  it('a failed expect exits 1 and names its line, the expected and the actual value', () => {
    const r = run(['-', '--json'], 'preset figure7\n\nexpect term n1 9\nexpect term n1 7\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('<stdin>:3:1: expect term n1 9 failed: expected 9, got 7');
    expect(JSON.parse(r.stdout).nodes[0].term).toBe(7);
  });

  it('a malformed script exits 2, names the line and column, and runs nothing', () => {
    const r = run([file('bad.txt', 'cluster nodes=3\nrun 1s\ncrash n9\n'), '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.txt:3:7: unknown node "n9"/);
    expect(r.stdout).toBe('');
  });

  it('an unreadable file or a bad option exits 2 with a message', () => {
    const missing = run([join(dir, 'nope.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read');
    const opt = run(['-', '--bogus'], 'cluster nodes=1\n');
    expect(opt.code).toBe(2);
    expect(opt.stderr).toContain('unknown option --bogus');
  });
});
