/**
 * `stabilize` holds every timer while it delivers what is in flight. The
 * clients' request timeouts and a workload's schedule are held too: none of
 * them may fire in the past afterwards (the clock never runs backwards).
 */
import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../events.ts';
import { parseScript } from '../scenario/parse.ts';
import { runScript } from '../scenario/run.ts';

function times(text: string): number[] {
  const parsed = parseScript(text);
  if (!parsed.ok) throw new Error(parsed.errors[0].message);
  const seen: number[] = [];
  runScript(parsed.script, (r: EventRecord) => seen.push(r.time));
  return seen;
}

const nonDecreasing = (xs: number[]): boolean => xs.every((x, i) => i === 0 || xs[i - 1] <= x);

describe('timers held by stabilize', () => {
  it("a client's timeout fires after the stabilize, not before it", () => {
    const t = times(['cluster nodes=3 clients=1 seed=1 client-timeout=30ms', 'cut n1 c1', 'client c1 put x 1', 'campaign n2', 'stabilize', 'run 200ms'].join('\n'));
    expect(nonDecreasing(t)).toBe(true);
  });

  it("a workload's operations wait for the stabilize to end", () => {
    const t = times(['cluster nodes=3 clients=2 seed=4', 'workload ops=20 rate=200/s keys=2', 'campaign n1', 'stabilize', 'run 1s'].join('\n'));
    expect(nonDecreasing(t)).toBe(true);
  });
});
