import { describe, expect, it } from 'vitest';
import { parseScript } from '../../engine/scenario/parse.ts';
import { newSession, runScript } from '../../engine/scenario/run.ts';
import type { Command } from '../../engine/scenario/ast.ts';
import { ConfigDeltas } from './configDeltas.ts';
import type { ConfigDelta } from './viewModel.ts';

/** Runs `text`, and before each command takes the configurations to send as the worker does, one list per command. */
function deltasOf(text: string): { sent: ConfigDelta[][]; lines: Command[] } {
  const parsed = parseScript(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const deltas = new ConfigDeltas();
  const session = newSession();
  const sent: ConfigDelta[][] = [];
  const lines: Command[] = [];
  runScript(parsed.script, undefined, session, (cmd) => {
    const s = session.cluster;
    if (s === null) return;
    lines.push(cmd);
    sent.push(s.ids.flatMap((id) => deltas.delta(id, s.nodes[id].persistent, s.config, s.ids) ?? []));
  });
  return { sent, lines };
}

describe('ConfigDeltas', () => {
  it('sends every node the initial configuration once, then nothing while no configuration changes', () => {
    const { sent } = deltasOf(['cluster nodes=5 members=n1,n2,n3 seed=3', 'run 1s', 'run 1s', 'propose leader v', 'run 1s'].join('\n'));
    expect(sent[0]).toHaveLength(5);
    for (const d of sent[0]) {
      expect(d.index).toBe(0);
      expect(d.config).toEqual({ voters: ['n1', 'n2', 'n3'], outgoing: [], learners: [] });
    }
    expect(sent.slice(1).flat()).toEqual([]);
  });

  it('sends a node its configuration when its log takes a new one: learners, then C_old,new, then C_new (§6)', () => {
    const { sent } = deltasOf(['cluster nodes=5 members=n1,n2,n3 seed=3', 'run 1s', 'change +n4,+n5,-n1', 'run 3s', 'run 1ms'].join('\n'));
    // Between `change` and the last `run`, each node took every configuration of the change; the page got the latest.
    const last = sent[sent.length - 1];
    const byNode = Object.fromEntries(last.map((d) => [d.node, d]));
    for (const id of ['n2', 'n3', 'n4', 'n5']) {
      expect(byNode[id].config).toEqual({ voters: ['n2', 'n3', 'n4', 'n5'], outgoing: [], learners: [] });
      expect(byNode[id].index).toBeGreaterThan(0);
    }
    // Whatever n1 holds, it is no longer the initial configuration.
    expect(byNode.n1 === undefined || byNode.n1.index > 0).toBe(true);
  });

  it('a reset sends everything again', () => {
    const parsed = parseScript('cluster nodes=3 members=n1,n2');
    if (!parsed.ok) throw new Error('parse');
    const session = newSession();
    runScript(parsed.script, undefined, session);
    const s = session.cluster!;
    const deltas = new ConfigDeltas();
    const all = () => s.ids.flatMap((id) => deltas.delta(id, s.nodes[id].persistent, s.config, s.ids) ?? []);
    expect(all()).toHaveLength(3);
    expect(all()).toHaveLength(0);
    deltas.reset();
    expect(all().map((d) => d.node)).toEqual(['n1', 'n2', 'n3']);
  });
});
