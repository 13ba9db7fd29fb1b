/**
 * The linearizability checker (engine/linearize): the median time to check a
 * generated linearizable history of 2,000 operations by 9 clients on 10 keys
 * (generate.ts, seed 1). Target: at most 200 ms.
 */
import { checkHistory } from '../../linearize/checker.ts';
import { generateHistory } from '../../linearize/generate.ts';
import { gc } from './gc.ts';
import { median, round } from './stats.ts';

export const LINEARIZE_WORKLOAD = { seed: 1, ops: 2000, clients: 9, keys: 10 } as const;

export function benchLinearize(runs: number) {
  const history = generateHistory(LINEARIZE_WORKLOAD);
  const once = (): number => {
    const t0 = performance.now();
    const r = checkHistory(history);
    const ms = performance.now() - t0;
    if (r.verdict !== 'ok') throw new Error(`linearize bench: the generated history should be linearizable, got ${r.verdict}`);
    return ms;
  };
  once(); // warm up the JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    times.push(once());
  }
  const medianMs = round(median(times));
  return { workload: LINEARIZE_WORKLOAD, runs, medianMs, maxMs: round(Math.max(...times)), target: { medianMs: 200 }, met: medianMs <= 200 };
}
