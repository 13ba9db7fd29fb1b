import { describe, expect, it } from 'vitest';
import { parseScript } from '../scenario/parse.ts';
import { applyCommand, newSession } from '../scenario/run.ts';
import type { Command } from '../scenario/ast.ts';
import { Timeline, buildTimeline } from '../timeline/timeline.ts';
import { kept, leaving, level } from '../timeline/thinning.ts';
import { nextInt, seedState } from '../sim/rng.ts';

const commandsOf = (text: string): Command[] => {
  const p = parseScript(text);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return [...p.script.commands];
};

/** At most this many checkpoints with the head's newest at index h: 2·density near the head, density per doubling beyond, and index 0. */
const bound = (h: number, density: number): number => 2 * density + density * Math.max(0, Math.ceil(Math.log2(h / density))) + 1;

/** A session as the page records one: many short `run`s (frames), client requests, a crash and a restart. */
function session(frames: number): Command[] {
  const lines = ['cluster nodes=5 seed=3 election=100-200ms heartbeat=50ms latency=10-15ms'];
  for (let i = 0; i < frames; i++) {
    lines.push('run 17ms');
    if (i % 6 === 0) lines.push(`propose leader v${i}`);
    if (i === frames >> 2) lines.push('crash n2');
    if (i === frames >> 1) lines.push('restart n2');
  }
  return commandsOf(lines.join('\n'));
}

describe('the thinning rule', { timeout: 60_000 }, () => {
  it('keeps every checkpoint near the head, and evenly spaced ones further back', () => {
    expect(level(0, 4)).toBe(0);
    expect(level(7, 4)).toBe(0);
    expect(level(8, 4)).toBe(1);
    expect(level(15, 4)).toBe(1);
    expect(level(16, 4)).toBe(2);
    expect(level(1024, 4)).toBe(8);
    // Head at 100, density 4: all of 93..100, then even ones, then multiples of 4 ...
    expect([93, 94, 95, 96, 97, 98, 99, 100].every((i) => kept(i, 100, 4))).toBe(true);
    expect(kept(91, 100, 4)).toBe(false);
    expect(kept(90, 100, 4)).toBe(true);
    expect(kept(0, 100, 4)).toBe(true);
  });

  it('dropping what `leaving` names at each new head keeps exactly the rule, and O(log n) checkpoints', () => {
    for (const density of [1, 3, 4, 16]) {
      const have = new Set<number>([0]);
      for (let h = 1; h <= 5000; h++) {
        have.add(h);
        for (const i of leaving(h, density)) have.delete(i);
        if (h % 250 === 0 || h < 64) {
          const rule = Array.from({ length: h + 1 }, (_, i) => i).filter((i) => kept(i, h, density));
          expect([...have].sort((a, b) => a - b), `h=${h} density=${density}`).toEqual(rule);
          expect(have.size).toBeLessThanOrEqual(bound(h, density));
        }
      }
    }
  });

  it('never wants back a checkpoint it dropped (so a fork, which keeps a subset, can go on thinning)', () => {
    const density = 3;
    const keptAgain: string[] = [];
    for (let i = 0; i < 200; i++) {
      let dropped = false;
      for (let h = i; h < 1500; h++) {
        if (!kept(i, h, density)) dropped = true;
        else if (dropped) keptAgain.push(`${i} at head ${h}`);
      }
    }
    expect(keptAgain).toEqual([]);
  });

  it('keeps nothing away with an infinite density', () => {
    expect(leaving(1_000_000, Infinity)).toEqual([]);
  });
});

// Long runs, replayed from scratch for reference: slow on a loaded machine, so a generous timeout (no timed assertion).
describe('a long timeline with thinned checkpoints', { timeout: 120_000 }, () => {
  const cmds = session(1200);
  const every = 2;
  const density = 2;
  const t = new Timeline(every, undefined, density);
  for (const c of cmds) t.append(c);

  it('keeps O(log n) checkpoints', () => {
    const h = Math.floor(t.length / every);
    expect(t.length).toBeGreaterThan(2000);
    expect(t.checkpoints.length).toBeLessThanOrEqual(bound(h, density));
    // Without thinning, every one of them.
    expect(buildTimeline(cmds, every, undefined, Infinity).checkpoints.length).toBeGreaterThan(h);
    expect(t.checkpoints.map((c) => c.position)).toEqual([...t.checkpoints.map((c) => c.position)].sort((a, b) => a - b));
    expect(t.checkpoints[0].position).toBe(0);
  });

  it('merges the frames’ runs: the script grows by the requests and faults, not by the frames', () => {
    expect(t.commands.filter((c) => c.kind === 'run').length).toBeLessThanOrEqual(t.commands.filter((c) => c.kind !== 'run').length + 1);
    const straight = newSession();
    for (const c of cmds) applyCommand(straight, c);
    expect(JSON.stringify(t.session.cluster)).toBe(JSON.stringify(straight.cluster));
    // The merged script replays to the same head.
    expect(JSON.stringify(buildTimeline(t.commands, Number.MAX_SAFE_INTEGER).session.cluster)).toBe(JSON.stringify(straight.cluster));
  });

  it('seeking any moment gives exactly the state a fresh replay gives', () => {
    const reference = buildTimeline(cmds, Number.MAX_SAFE_INTEGER);
    let rng = seedState(31);
    const positions = [0, 1, t.length - 1, t.length];
    for (let i = 0; i < 16; i++) {
      const [p, next] = nextInt(rng, 0, t.length);
      rng = next;
      positions.push(p);
    }
    for (const p of positions) expect(JSON.stringify(t.seek(p).cluster), `p=${p}`).toBe(JSON.stringify(reference.seek(p).cluster));
    for (const time of [0, 1234, 9_000, 19_000]) expect(JSON.stringify(t.seekTime(time).cluster), `t=${time}`).toBe(JSON.stringify(reference.seekTime(time).cluster));
  });

  it('a fork far back keeps thinning as it grows, and still seeks exactly', () => {
    const at = Math.floor(t.length / 7);
    const f = t.fork({ position: at });
    for (const c of session(600).slice(1)) f.append(c);
    expect(f.checkpoints.length).toBeLessThanOrEqual(bound(Math.floor(f.length / every), density));
    const reference = buildTimeline(f.commands, Number.MAX_SAFE_INTEGER);
    let rng = seedState(5);
    for (let i = 0; i < 10; i++) {
      const [p, next] = nextInt(rng, 0, f.length);
      rng = next;
      expect(JSON.stringify(f.seek(p).cluster), `p=${p}`).toBe(JSON.stringify(reference.seek(p).cluster));
    }
  });
});
