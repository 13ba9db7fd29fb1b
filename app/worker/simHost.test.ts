import { describe, expect, it } from 'vitest';
import { parseScript } from '../../engine/scenario/parse.ts';
import { runScript } from '../../engine/scenario/run.ts';
import type { LogEntry } from '../../engine/types.ts';
import { SimHost } from './simHost.ts';
import type { FromWorker } from './protocol.ts';
import { applyLogDelta } from './logDeltas.ts';
import type { Snapshot } from './viewModel.ts';

const snapshotOf = (replies: FromWorker[]): Snapshot => {
  const r = replies.find((x) => x.kind === 'snapshot');
  if (r?.kind !== 'snapshot') throw new Error(`no snapshot in ${JSON.stringify(replies)}`);
  return r.snapshot;
};

describe('SimHost', () => {
  it('records commands as a script that replays to the same state', () => {
    const host = new SimHost();
    host.handle({ kind: 'command', text: 'preset figure7' });
    host.handle({ kind: 'command', text: 'campaign n1' });
    host.handle({ kind: 'tick', ms: 7 });
    host.handle({ kind: 'tick', ms: 5 });
    host.handle({ kind: 'command', text: 'step' });
    host.handle({ kind: 'command', text: 'step' });
    host.handle({ kind: 'command', text: 'crash n3' });
    const last = snapshotOf(host.handle({ kind: 'tick', ms: 100 }));
    expect(last.script).toEqual(['preset figure7', 'campaign n1', 'run 12ms', 'step 2', 'crash n3', 'run 100ms']);

    const parsed = parseScript(last.script.join('\n'));
    if (!parsed.ok) throw new Error('recording does not parse');
    const replay = runScript(parsed.script).session.cluster!;
    expect(last.time).toBe(replay.time);
    expect(last.event).toBe(replay.event);
    for (const n of last.nodes) {
      expect(n.term).toBe(replay.nodes[n.id].persistent.currentTerm);
      expect(n.role).toBe(replay.nodes[n.id].volatile?.role ?? 'down');
    }
  });

  it('sends each log once, then only what changed, and the page can rebuild it', () => {
    const host = new SimHost();
    const have: Record<string, readonly LogEntry[]> = {};
    const apply = (s: Snapshot): void => {
      if (s.reset) for (const k of Object.keys(have)) delete have[k];
      for (const d of s.logs) have[d.node] = applyLogDelta(have[d.node] ?? [], d);
    };
    const first = snapshotOf(host.handle({ kind: 'command', text: 'preset figure7' }));
    expect(first.reset).toBe(true);
    expect(first.logs).toHaveLength(7);
    apply(first);
    const quiet = snapshotOf(host.handle({ kind: 'command', text: 'cut n1 n2' }));
    expect(quiet.reset).toBe(false);
    expect(quiet.logs).toHaveLength(0);
    host.handle({ kind: 'command', text: 'heal' });
    host.handle({ kind: 'command', text: 'campaign n1' });
    for (let i = 0; i < 40; i++) apply(snapshotOf(host.handle({ kind: 'tick', ms: 5 })));
    for (const id of ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7']) {
      expect(have[id].map((e) => e.term).join(' ')).toBe('1 1 1 4 4 5 5 6 6 6 8');
    }
  });

  it('refuses a bad line without changing anything', () => {
    const host = new SimHost();
    host.handle({ kind: 'command', text: 'cluster nodes=3' });
    const replies = host.handle({ kind: 'command', text: 'crash n4' });
    expect(replies[0]).toMatchObject({ kind: 'error', text: 'crash n4', error: { line: 1 } });
    expect(snapshotOf(replies).script).toEqual(['cluster nodes=3']);
  });

  it('keeps the cluster options a preset builds on, so the recording replays', () => {
    const host = new SimHost();
    host.handle({ kind: 'command', text: 'cluster nodes=3 seed=9' });
    const s = snapshotOf(host.handle({ kind: 'command', text: 'preset figure7-etcd' }));
    expect(s.setup).toEqual(['cluster nodes=3 seed=9', 'preset figure7-etcd']);
    expect(s.ids).toHaveLength(7);
  });

  it('builds a role history with the election in it', () => {
    const host = new SimHost();
    host.handle({ kind: 'command', text: 'cluster nodes=5' });
    const s = snapshotOf(host.handle({ kind: 'tick', ms: 300 }));
    const roles = Object.values(s.history).flatMap((lane) => lane.map((x) => x.role));
    expect(roles).toContain('leader');
    expect(s.events.length).toBeGreaterThan(0);
    expect(s.events.at(-1)!.seq).toBeGreaterThan(s.events[0].seq);
  });
});
