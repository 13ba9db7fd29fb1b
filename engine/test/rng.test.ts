import { describe, expect, it } from 'vitest';
import { drawInt, nextFloat, nextInt, seedState } from '../sim/rng.ts';

const draw = (seed: number, n: number): number[] => {
  let s = seedState(seed);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const [v, next] = nextInt(s, 100, 200);
    out.push(v);
    s = next;
  }
  return out;
};

describe('rng', () => {
  it('is a pure function of its state', () => {
    expect(draw(42, 50)).toEqual(draw(42, 50));
    expect(draw(42, 50)).not.toEqual(draw(43, 50));
  });
  it('stays in range, inclusive at both ends, and covers it roughly uniformly', () => {
    const xs = draw(7, 20_000);
    expect(Math.min(...xs)).toBe(100);
    expect(Math.max(...xs)).toBe(200);
    const buckets = new Array(101).fill(0);
    for (const x of xs) buckets[x - 100]++;
    for (const b of buckets) expect(b).toBeGreaterThan(120); // expected ~198 each
  });
  it('floats are in [0, 1) and the state is a uint32', () => {
    let s = seedState(0);
    for (let i = 0; i < 1000; i++) {
      const [f, next] = nextFloat(s);
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
      expect(Number.isInteger(next) && next >= 0 && next < 2 ** 32).toBe(true);
      s = next;
    }
  });
  it('drawInt draws what nextInt draws, advancing the state it is given', () => {
    const holder = { rng: seedState(42) };
    const xs = Array.from({ length: 50 }, () => drawInt(holder, 100, 200));
    expect(xs).toEqual(draw(42, 50));
    let s = seedState(42);
    for (let i = 0; i < 50; i++) s = nextInt(s, 100, 200)[1];
    expect(holder.rng).toBe(s);
  });
});
