/** The command-line runner, run as users run it: a child process with real files and stdin. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const cli = join(root, 'engine', 'cli', 'scenarioCli.ts');

function run(args: string[], input?: string) {
  const r = spawnSync(tsx, [cli, ...args], { input, encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

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
    expect(Object.keys(doc).sort()).toEqual(['inFlight', 'leader', 'nodes', 'stats', 'time', 'violations']);
    expect(doc.leader).toBe('n1');
    expect(doc.time).toBe(277);
    expect(doc.nodes).toHaveLength(7);
    expect(doc.nodes[0]).toEqual({
      id: 'n1', up: true, role: 'leader', term: 8, votedFor: 'n1', commitIndex: 11,
      log: expect.arrayContaining([{ term: 8, value: null }]),
      probes: { rejections: 0, roundTrips: 0 },
    });
    // Per-follower probe counters: n3 (Figure 7's b) needed one rejection and one success.
    expect(doc.nodes[2].probes).toEqual({ rejections: 1, roundTrips: 2 });
    expect(doc.nodes[6]).toMatchObject({ id: 'n7', up: false, role: 'down', commitIndex: 0 });
    expect(doc.nodes[2].log.map((e: { term: number }) => e.term)).toEqual([1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 8]);
    expect(doc.violations).toEqual([]);
    expect(doc.stats).toMatchObject({ rejections: 4 });
    expect(doc.stats.events).toBeGreaterThan(50);
    for (const m of doc.inFlight) expect(m).toMatchObject({ id: expect.any(Number), from: expect.any(String), sentAt: expect.any(Number), arrivesAt: expect.any(Number) });
    // With --json the trace goes to stderr, so stdout stays one document.
    expect(r.stderr).toContain('n1 became leader at term 8');
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
