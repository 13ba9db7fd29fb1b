/**
 * The rules the safety lab switches off, and the two options that harden
 * elections. Each unsafe scenario in the library breaks an invariant only
 * because of its switch: the same schedule with the rule on is safe.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScript } from '../scenario/parse.ts';
import { runScript } from '../scenario/run.ts';

const library = join(import.meta.dirname, '..', '..', 'public', 'scenarios');

/** Run a script's commands (its `expect` lines left out), returning the cluster it ends with. */
function run(text: string) {
  const parsed = parseScript(text.split('\n').filter((l) => !l.startsWith('expect')).join('\n'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return runScript(parsed.script).session.cluster!;
}

describe('unsafe switches', () => {
  for (const [file, rule, invariants] of [
    ['unsafe-commit-old-terms.txt', 'commit-old-terms', ['LeaderCompleteness', 'StateMachineSafety']],
    ['unsafe-vote-any-log.txt', 'vote-any-log', ['LeaderCompleteness', 'StateMachineSafety']],
    ['unsafe-no-truncate.txt', 'no-truncate', ['LogMatching', 'StateMachineSafety']],
  ] as const) {
    it(`${rule} breaks ${invariants.join(' and ')}; with the rule on, the same schedule is safe`, () => {
      const text = readFileSync(join(library, file), 'utf8');
      expect(text).toContain(`unsafe=${rule}`);
      const broken = run(text);
      expect([...new Set(broken.violations.map((v) => v.invariant))].sort()).toEqual([...invariants].sort());
      const safe = run(text.replace(new RegExp(`^(cluster .*) unsafe=${rule}$`, 'm'), '$1'));
      expect(safe.violations).toEqual([]);
    });
  }

  it('commit-old-terms commits an old-term entry by counting, which the safe rule defers', () => {
    const text = readFileSync(join(library, 'unsafe-commit-old-terms.txt'), 'utf8');
    const upToC = text.slice(0, text.indexOf('# (d)'));
    expect(run(upToC).nodes.n1.volatile?.commitIndex).toBe(2);
    expect(run(upToC.replace(/^(cluster .*) unsafe=commit-old-terms$/m, '$1')).nodes.n1.volatile?.commitIndex).toBe(0);
  });
});

describe('PreVote and CheckQuorum', () => {
  const rejoin = readFileSync(join(library, 'rejoin-without-prevote.txt'), 'utf8');

  it('without PreVote an isolated node inflates its term; with it, the term stays', () => {
    const before = rejoin.slice(0, rejoin.indexOf('\nheal\n'));
    expect(run(before).nodes.n5.persistent.currentTerm).toBe(13);
    const pre = run(before.replace('cluster nodes=5 seed=3', 'cluster nodes=5 seed=3 prevote=on'));
    expect(pre.nodes.n5.persistent.currentTerm).toBe(1);
    // It kept trying: a pre-candidate, asking again and again.
    expect(pre.nodes.n5.volatile).toMatchObject({ role: 'candidate', pre: true });
  });

  it('a pre-vote changes neither the voter nor the candidate until a majority says yes', () => {
    const s = run('cluster nodes=3 prevote=on election=5000-9000ms\ncampaign n2\nstep 2');
    // n2 asked (event 1), and two voters answered yes (events 2, 3): nobody has moved to term 1 yet.
    expect(s.ids.map((id) => s.nodes[id].persistent.currentTerm)).toEqual([0, 0, 0]);
    expect(s.ids.map((id) => s.nodes[id].persistent.votedFor)).toEqual([null, null, null]);
    const after = run('cluster nodes=3 prevote=on election=5000-9000ms\ncampaign n2\nstabilize');
    expect(after.nodes.n2.volatile?.role).toBe('leader');
    expect(after.nodes.n2.persistent.currentTerm).toBe(1);
  });

  it('with CheckQuorum a cut-off leader steps down; without it, it stays leader', () => {
    const script = 'cluster nodes=5 seed=3 checkquorum=on\ncampaign n1\nstabilize\nrun 100ms\npartition n1 | n2,n3,n4,n5\nrun 200ms';
    expect(run(script).nodes.n1.volatile?.role).not.toBe('leader');
    expect(run(script.replace(' checkquorum=on', '')).nodes.n1.volatile?.role).toBe('leader');
  });

  it('with CheckQuorum a connected leader keeps leading', () => {
    const s = run('cluster nodes=5 seed=3 checkquorum=on\ncampaign n1\nstabilize\nrun 5s');
    expect(s.nodes.n1.volatile?.role).toBe('leader');
    expect(s.nodes.n1.persistent.currentTerm).toBe(1);
  });
});

describe('probe counters', () => {
  it('count rejections and round trips per follower, as Figure 7 needs them', () => {
    const fast = run('preset figure7\ncampaign n1\nstabilize');
    const naive = run('cluster nodes=7 probe=naive\npreset figure7\ncampaign n1\nstabilize');
    const of = (s: typeof fast, k: 'rejections' | 'roundTrips') => ['n2', 'n3', 'n4', 'n5', 'n6', 'n7'].map((id) => s.stats.probes[id]?.[k] ?? 0);
    expect(of(fast, 'rejections')).toEqual([1, 1, 0, 0, 1, 1]);
    expect(of(fast, 'roundTrips')).toEqual([2, 2, 0, 0, 2, 2]);
    expect(of(naive, 'rejections').reduce((a, b) => a + b)).toBeGreaterThan(4);
    // Each probe ends with one success: round trips are rejections plus one per repaired follower.
    expect(of(naive, 'roundTrips')).toEqual(of(naive, 'rejections').map((r) => (r > 0 ? r + 1 : 0)));
  });
});
