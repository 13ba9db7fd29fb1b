/**
 * Deterministic simulation testing in miniature: random fault schedules (crashes,
 * restarts, partitions, drops, client requests) over many seeds. The invariant
 * checker runs after every event; no schedule may break a safety property, and
 * once the faults stop a leader must emerge and commit everything it holds.
 */
import { describe, expect, it } from 'vitest';
import { parseScript } from '../scenario/parse.ts';
import { runScript } from '../scenario/run.ts';
import { currentLeader } from '../sim/cluster.ts';
import { lastIndex } from '../raft/log.ts';
import { nextInt, seedState } from '../sim/rng.ts';

function schedule(seed: number): string {
  let s = seedState(seed * 7919);
  const rand = (min: number, max: number): number => {
    const [v, n] = nextInt(s, min, max);
    s = n;
    return v;
  };
  const nodes = rand(3, 7);
  const ids = Array.from({ length: nodes }, (_, i) => `n${i + 1}`);
  const pick = (): string => ids[rand(0, nodes - 1)];
  const lines = [`cluster nodes=${nodes} seed=${seed} probe=${rand(0, 1) ? 'fast' : 'naive'} batch=${rand(1, 8)}`];
  for (let i = 0; i < 40; i++) {
    switch (rand(0, 7)) {
      case 0: lines.push(`crash ${pick()}`); break;
      case 1: lines.push(`restart ${pick()}`); break;
      case 2: {
        const shuffled = [...ids].sort(() => rand(0, 1) - 0.5);
        const cutAt = rand(1, nodes - 1);
        lines.push(`partition ${shuffled.slice(0, cutAt).join(',')} | ${shuffled.slice(cutAt).join(',')}`);
        break;
      }
      case 3: lines.push('heal'); break;
      case 4: {
        const a = pick();
        const b = pick();
        if (a !== b) lines.push(`drop ${a} ${b}`);
        break;
      }
      default: lines.push(`propose ${rand(0, 2) ? 'leader' : pick()} v${i}`);
    }
    lines.push(`run ${rand(1, 400)}ms`);
  }
  lines.push('heal', ...ids.map((id) => `restart ${id}`), 'run 3s', 'propose leader final', 'run 1s', 'expect safe');
  return lines.join('\n');
}

describe('random fault schedules', () => {
  it('never break a safety property, and the cluster recovers once faults stop', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const text = schedule(seed);
      const p = parseScript(text);
      if (!p.ok) throw new Error(`seed ${seed}: ${JSON.stringify(p.errors)}`);
      const { failure, session } = runScript(p.script);
      const s = session.cluster!;
      expect(failure, `seed ${seed}: ${s.violations[0]?.detail}\n${text}`).toBeNull();
      // Liveness after the last heal: one leader, and every node has committed its whole log.
      const leader = currentLeader(s);
      expect(leader, `seed ${seed}: no leader`).not.toBeNull();
      const last = lastIndex(s.nodes[leader!].persistent.log);
      for (const id of s.ids) {
        expect(s.nodes[id].volatile?.commitIndex, `seed ${seed} ${id}`).toBe(last);
        expect(lastIndex(s.nodes[id].persistent.log)).toBe(last);
      }
    }
  });
});
