import { describe, expect, it } from 'vitest';
import { parseLine, parseScript, initialContext } from '../scenario/parse.ts';
import { formatCommand } from '../scenario/format.ts';
import { runScript } from '../scenario/run.ts';
import type { EventRecord } from '../events.ts';
import { buildTimeline } from '../timeline/timeline.ts';

function run(text: string) {
  const p = parseScript(text);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  const records: EventRecord[] = [];
  const r = runScript(p.script, (x) => records.push(x));
  return { s: r.session.cluster!, records, failure: r.failure };
}

describe('timers align and timers spread (§5.2)', () => {
  it('align: every follower times out together, and several candidates split the first term', () => {
    const { s, records } = run('cluster nodes=5 seed=1\ntimers align\nrun 120ms');
    const first = records.filter((r) => r.type === 'becameCandidate');
    expect(first.length).toBeGreaterThanOrEqual(4);
    expect(new Set(first.map((r) => r.time)).size).toBe(1);
    expect(records.some((r) => r.type === 'becameLeader' && r.term === 1)).toBe(false);
    expect(s.time).toBe(120);
  });

  it('spread: timeouts one after another across the range; the first candidate wins term 1', () => {
    const { s, records } = run('cluster nodes=5 seed=1\ntimers spread');
    expect(s.ids.map((id) => s.timers[id].election!.at)).toEqual([100, 125, 150, 175, 200]);
    const { records: after } = run('cluster nodes=5 seed=1\ntimers spread\nrun 150ms');
    expect(after.find((r) => r.type === 'becameLeader')).toMatchObject({ node: 'n1', term: 1 });
    expect(records).toEqual([]);
  });

  it('leaves a leader and a crashed node alone, and counts as one event in a recording', () => {
    const text = 'cluster nodes=3 seed=2\ncampaign n1\nstabilize\ncrash n3\ntimers align';
    const { s } = run(text);
    expect(s.timers.n3.election).toBeNull();
    expect(s.timers.n2.election!.at).toBe(s.time + s.config.election.min);
    const p = parseScript(text);
    if (!p.ok) throw new Error('parse');
    const t = buildTimeline(p.script.commands);
    expect(t.length).toBe(s.event);
    expect(JSON.stringify(t.seek(t.length - 1).cluster!.timers.n2)).not.toBe(JSON.stringify(s.timers.n2));
  });

  it('parses and formats, and refuses anything else with its column', () => {
    const ctx = { ...initialContext(), nodes: 3 };
    for (const line of ['timers align', 'timers spread']) expect(formatCommand(parseLine(line, 1, ctx) as never)).toBe(line);
    expect(parseLine('timers random', 1, ctx)).toMatchObject({ line: 1, col: 8 });
    expect(parseLine('timers', 1, ctx)).toMatchObject({ line: 1, col: 7 });
  });
});
