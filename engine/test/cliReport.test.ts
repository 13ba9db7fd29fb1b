/** The `--json` report in-process: messages counted by type, and copies of a cluster counting on their own. */
import { describe, expect, it } from 'vitest';
import { parseScript } from '../scenario/parse.ts';
import { applyCommand, newSession, runScript } from '../scenario/run.ts';
import { report } from '../scenario/report.ts';
import { cloneCluster } from '../sim/cluster.ts';

const script = (text: string) => {
  const p = parseScript(text);
  if (!p.ok) throw new Error(p.errors.map((e) => e.message).join('; '));
  return p.script;
};

describe('stats.byType', () => {
  it('counts every message sent by its type, and a copy of the cluster counts on its own', () => {
    const setup = 'cluster nodes=3 clients=1 seed=7\ncampaign n1\nstabilize\nclient c1 put x 1\nrun 100ms\n';
    const { session } = runScript(script(setup));
    const s = session.cluster!;
    const before = report(s, 0).stats;
    expect(before.byType.RequestVote).toBe(2);
    expect(before.byType.ClientRequest).toBe(1);
    expect(before.byType.ClientReply).toBe(1);
    expect(Object.values(before.byType).reduce((a, b) => a + b, 0)).toBe(before.messages);

    const copy = { cluster: cloneCluster(s), config: session.config };
    // The same script, carried on in the copy only.
    const more = script(`${setup}client c1 append x 2\nrun 100ms\n`).commands.slice(-2);
    for (const cmd of more) expect(applyCommand(copy, cmd).ok).toBe(true);
    expect(report(copy.cluster, 0).stats.byType.ClientRequest).toBe(2);
    // The original did not move: the copy's counters are its own.
    expect(report(s, 0).stats.byType).toEqual(before.byType);
    expect(s.stats.byType).not.toBe(copy.cluster.stats.byType);
    expect(newSession().cluster).toBeNull();
  });
});
