import { describe, expect, it } from 'vitest';
import { traceLine } from '../describe.ts';
import type { EventRecord } from '../events.ts';
import { parseScript } from '../scenario/parse.ts';
import { applyCommand, newSession, runScript } from '../scenario/run.ts';
import { cloneCluster, type ClusterState } from '../sim/cluster.ts';
import { report } from '../scenario/report.ts';

const SCRIPT = `cluster nodes=5 seed=11
run 1s
propose leader a
propose leader b
run 300ms
crash n1
partition n2,n3 | n4,n5
run 800ms
propose leader c
restart n1
heal
run 1s
propose leader d
drop n2 n3
run 2s`;

function trace(text: string): string[] {
  const p = parseScript(text);
  if (!p.ok) throw new Error('parse');
  const lines: string[] = [];
  runScript(p.script, (r) => lines.push(traceLine(r)));
  return lines;
}

/** Run the first `split` commands, snapshot, then finish on the copy, collecting the trace after the split. */
function runSplit(text: string, split: number, restore: (s: ClusterState) => ClusterState) {
  const p = parseScript(text);
  if (!p.ok) throw new Error('parse');
  const cmds = p.script.commands;
  const session = newSession();
  for (const c of cmds.slice(0, split)) applyCommand(session, c);
  const copy = { ...session, cluster: restore(session.cluster!) };
  const after: EventRecord[] = [];
  for (const c of cmds.slice(split)) applyCommand(copy, c, (r) => after.push(r));
  return { final: copy.cluster!, after };
}

describe('determinism', () => {
  it('the same script and seed give an identical trace', () => {
    const a = trace(SCRIPT);
    expect(a.length).toBeGreaterThan(200);
    expect(trace(SCRIPT)).toEqual(a);
  });

  it('another seed gives another run', () => {
    expect(trace(SCRIPT.replace('seed=11', 'seed=12'))).not.toEqual(trace(SCRIPT));
  });

  it('snapshot, restore and continue gives the same result as never stopping', () => {
    const p = parseScript(SCRIPT);
    if (!p.ok) throw new Error('parse');
    const whole: EventRecord[] = [];
    const session = newSession();
    const split = 5;
    p.script.commands.forEach((c, i) => applyCommand(session, c, (r) => i >= split && whole.push(r)));
    const expected = JSON.stringify(report(session.cluster!, 0));

    for (const restore of [cloneCluster, (s: ClusterState) => JSON.parse(JSON.stringify(s)) as ClusterState]) {
      const { final, after } = runSplit(SCRIPT, split, restore);
      expect(after).toEqual(whole);
      expect(JSON.stringify(report(final, 0))).toBe(expected);
      expect(JSON.stringify(final)).toBe(JSON.stringify(session.cluster));
    }
  });

  it('a snapshot is independent: running the original does not change the copy', () => {
    const p = parseScript('cluster nodes=3\nrun 500ms');
    if (!p.ok) throw new Error('parse');
    const { session } = runScript(p.script);
    const snap = cloneCluster(session.cluster!);
    const frozen = JSON.stringify(snap);
    const more = parseScript('cluster nodes=3\npropose leader x\nrun 1s\ncrash n1\ncut n2 n3');
    if (!more.ok) throw new Error('parse');
    for (const c of more.script.commands.slice(1)) applyCommand(session, c);
    expect(JSON.stringify(snap)).toBe(frozen);
  });

  it('cluster state is JSON-safe: no Infinity, NaN or undefined values', () => {
    const p = parseScript(SCRIPT);
    if (!p.ok) throw new Error('parse');
    const s = runScript(p.script).session.cluster!;
    const walk = (x: unknown, path: string): void => {
      if (typeof x === 'number') expect(Number.isFinite(x), path).toBe(true);
      else if (x === undefined) throw new Error(`undefined at ${path}`);
      else if (x !== null && typeof x === 'object') {
        expect(Object.getPrototypeOf(x) === Object.prototype || Array.isArray(x), path).toBe(true);
        for (const [k, v] of Object.entries(x)) walk(v, `${path}.${k}`);
      } else expect(['string', 'boolean'].includes(typeof x) || x === null, path).toBe(true);
    };
    walk(s, 'state');
  });
});
