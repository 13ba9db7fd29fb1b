import { describe, expect, it } from 'vitest';
import { parseScript } from '../../engine/scenario/parse.ts';
import { runScript } from '../../engine/scenario/run.ts';
import type { LogView } from '../../engine/types.ts';
import { SimHost } from './simHost.ts';
import type { FromWorker } from './protocol.ts';
import { applyLogDelta, EMPTY_LOG_VIEW } from './logDeltas.ts';
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
    // Only the new line travels...
    expect(snapshotOf(host.handle({ kind: 'tick', ms: 100 })).script).toEqual({ from: 5, lines: ['run 100ms'] });
    // ...then only the line it merged into.
    expect(snapshotOf(host.handle({ kind: 'tick', ms: 20 })).script).toEqual({ from: 5, lines: ['run 120ms'] });
    expect(snapshotOf(host.handle({ kind: 'command', text: 'cut n1 n2' })).script).toEqual({ from: 6, lines: ['cut n1 n2'] });
    const last = snapshotOf(host.handle({ kind: 'snapshot' }));
    expect(last.script).toEqual({ from: 0, lines: ['preset figure7', 'campaign n1', 'run 12ms', 'step 2', 'crash n3', 'run 120ms', 'cut n1 n2'] });

    const parsed = parseScript(last.script!.lines.join('\n'));
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
    const have: Record<string, LogView> = {};
    const apply = (s: Snapshot): void => {
      if (s.reset) for (const k of Object.keys(have)) delete have[k];
      for (const d of s.logs) have[d.node] = applyLogDelta(have[d.node] ?? EMPTY_LOG_VIEW, d);
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
      expect(have[id].entries.map((e) => e.term).join(' ')).toBe('1 1 1 4 4 5 5 6 6 6 8');
    }
  });

  it('refuses a bad line without changing anything', () => {
    const host = new SimHost();
    host.handle({ kind: 'command', text: 'cluster nodes=3' });
    const replies = host.handle({ kind: 'command', text: 'crash n4' });
    expect(replies[0]).toMatchObject({ kind: 'error', text: 'crash n4', error: { line: 1 } });
    // The script is sent only when it changes: here it did not.
    expect(snapshotOf(replies).script).toBeNull();
    expect(snapshotOf(host.handle({ kind: 'snapshot' })).script).toEqual({ from: 0, lines: ['cluster nodes=3'] });
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

  it('loads a whole script like the command-line runner, leaving its expects out of the recording', () => {
    const text = 'preset figure7\ncampaign n1\nstabilize\nexpect leader n1\nrun 100ms\nexpect safe\nrun 100ms\n';
    const host = new SimHost();
    host.handle({ kind: 'command', text: 'cluster nodes=3' });
    const replies = host.handle({ kind: 'load', text });
    const s = snapshotOf(replies);
    expect(s.reset).toBe(true);
    expect(s.script).toEqual({ from: 0, lines: ['preset figure7', 'campaign n1', 'stabilize', 'run 200ms'] });
    const cli = runScript((parseScript(text) as { ok: true; script: never }).script).session.cluster!;
    expect(replies.at(-1)).toEqual({ kind: 'loaded', result: { ok: true, time: cli.time, event: cli.event, failure: null } });
    // The parse context follows the loaded cluster: seven nodes now.
    expect(host.handle({ kind: 'command', text: 'crash n7' })[0].kind).toBe('snapshot');
  });

  it('stops a load at its first failed expect, and says where', () => {
    const host = new SimHost();
    const replies = host.handle({ kind: 'load', text: 'cluster nodes=3\nrun 1s\nexpect term n1 99\ncluster nodes=7\n' });
    const loaded = replies.at(-1);
    expect(loaded).toMatchObject({ kind: 'loaded', result: { ok: true, failure: { line: 3, expected: '99' } } });
    expect(snapshotOf(replies).ids).toHaveLength(3);
    // The cluster line after the failure did not run, so n7 does not exist.
    expect(host.handle({ kind: 'command', text: 'crash n7' })[0]).toMatchObject({ kind: 'error' });
  });

  it('refuses a malformed script with its line and column, and changes nothing', () => {
    const host = new SimHost();
    host.handle({ kind: 'command', text: 'cluster nodes=3' });
    const replies = host.handle({ kind: 'load', text: 'cluster nodes=3\nrun 1s\ncrahs n1\n' });
    expect(replies).toEqual([{ kind: 'loaded', result: { ok: false, text: 'crahs n1', error: expect.objectContaining({ line: 3, col: 1 }) } }]);
    expect(host.handle({ kind: 'load', text: '# only a comment\n' })).toMatchObject([{ kind: 'loaded', result: { ok: false } }]);
    expect(snapshotOf(host.handle({ kind: 'snapshot' })).script).toEqual({ from: 0, lines: ['cluster nodes=3'] });
  });

  it('reports a failed expect sent as a command', () => {
    const host = new SimHost();
    host.handle({ kind: 'command', text: 'cluster nodes=3' });
    const replies = host.handle({ kind: 'command', text: 'expect leader n2\nrun 5ms' });
    expect(replies.map((r) => r.kind)).toEqual(['snapshot', 'expect-failed']);
    expect(snapshotOf(replies).time).toBe(0);
  });
});

describe('a long recording', () => {
  // Over an hour of simulated time: slow on a loaded machine, hence the generous timeout (no timed assertion).
  it('still replays: runs merge only up to the longest run a script may have', { timeout: 120_000 }, () => {
    const host = new SimHost();
    host.handle({ kind: 'command', text: 'cluster nodes=3' });
    for (let i = 0; i < 37; i++) host.handle({ kind: 'tick', ms: 100_000 });
    const lines = snapshotOf(host.handle({ kind: 'snapshot' })).script!.lines;
    expect(lines).toEqual(['cluster nodes=3', 'run 3600s', 'run 100s']);
    expect(parseScript(lines.join('\n')).ok).toBe(true);
  });
});
