/**
 * The configuration each node uses (§6), as the runner shows it: `nodes[].config`
 * in `--json`, and the marks and the configuration line of the table. Run as
 * users run it, a child process reading the script from stdin.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const cli = join(root, 'engine', 'cli', 'scenarioCli.ts');

function run(args: string[], input: string) {
  const r = spawnSync(tsx, [cli, ...args], { input, encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonNode {
  readonly id: string;
  readonly config: { readonly voters: readonly string[]; readonly outgoing: readonly string[]; readonly learners: readonly string[] };
}

/** n4 is added (as a learner first, then a voter); n5 stays outside. */
const ADD = 'cluster nodes=5 members=n1,n2,n3 seed=3\ncampaign n1\nstabilize\nadd n4\nrun 300ms\nexpect config n1 n1,n2,n3,n4\n';

describe('nodes[].config in --json', () => {
  it('is the configuration each node uses: n4 added, n5 still outside with the initial one', () => {
    const r = run(['-', '--json'], ADD);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const nodes = (JSON.parse(r.stdout) as { nodes: JsonNode[] }).nodes;
    const after = { voters: ['n1', 'n2', 'n3', 'n4'], outgoing: [], learners: [] };
    for (const id of ['n1', 'n2', 'n3', 'n4']) expect(nodes.find((n) => n.id === id)?.config, id).toEqual(after);
    // n5 was never sent an entry: it still uses the initial configuration, members= alone.
    expect(nodes.find((n) => n.id === 'n5')?.config).toEqual({ voters: ['n1', 'n2', 'n3'], outgoing: [], learners: [] });
  });

  it('shows a learner while it catches up, with the other fields in place', () => {
    // Stopped before the learner's promotion: the leader has appended n4 as a learner.
    const r = run(['-', '--json'], 'cluster nodes=5 members=n1,n2,n3 seed=3\ncampaign n1\nstabilize\nadd n4\nstep 1\n');
    const nodes = (JSON.parse(r.stdout) as { nodes: (JsonNode & { role: string })[] }).nodes;
    expect(nodes[0].config).toEqual({ voters: ['n1', 'n2', 'n3'], outgoing: [], learners: ['n4'] });
    expect(nodes[0].role).toBe('leader');
  });

  it('is every node when members= is left out', () => {
    const nodes = (JSON.parse(run(['-', '--json'], 'cluster nodes=3\nrun 10ms\n').stdout) as { nodes: JsonNode[] }).nodes;
    for (const n of nodes) expect(n.config).toEqual({ voters: ['n1', 'n2', 'n3'], outgoing: [], learners: [] });
  });
});

describe('the table', () => {
  it('marks a server outside its configuration, and names the configurations in use', () => {
    const r = run(['-'], ADD);
    expect(r.code).toBe(0);
    const row = (id: string) => r.stdout.split('\n').find((l) => l.startsWith(`${id} `)) ?? '';
    expect(row('n5')).toMatch(/^n5\s+follower \(not a member\)\s/);
    expect(row('n4')).toMatch(/^n4\s+follower\s/);
    expect(r.stdout).toContain('configurations: n1,n2,n3,n4 (at n1,n2,n3,n4); n1,n2,n3 (at n5)');
  });

  it('adds nothing when every node votes', () => {
    const r = run(['-'], 'cluster nodes=3\ncampaign n1\nstabilize\n');
    expect(r.stdout).not.toContain('configuration');
    expect(r.stdout).not.toContain('(learner)');
  });
});
