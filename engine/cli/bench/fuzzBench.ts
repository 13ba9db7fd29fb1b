/**
 * The fuzzer (`npm run fuzz`): checked events per second over fixed seeds, whole
 * cases (schedule generation, the run with the invariant checker, the liveness
 * phase). Target: at least 200,000 events/s, median of several runs.
 */
import { DEFAULT_EVENTS, fuzzSeed } from '../../fuzz/fuzz.ts';
import { gc } from './gc.ts';
import { median, round } from './stats.ts';

export function benchFuzz(seeds: number, runs: number) {
  const once = (): { ms: number; events: number; failures: number } => {
    const t0 = performance.now();
    let events = 0;
    let failures = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      const r = fuzzSeed(seed);
      events += r.events;
      if (r.failure !== null) failures++;
    }
    return { ms: performance.now() - t0, events, failures };
  };
  once(); // warm up the JIT
  const results: { ms: number; events: number; failures: number }[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    results.push(once());
  }
  const rates = results.map((r) => r.events / (r.ms / 1000));
  const rate = median(rates);
  return {
    workload: { seeds: `1..${seeds}`, eventsPerSeed: DEFAULT_EVENTS, nodes: '3-7', unsafe: 'none' },
    runs,
    events: results[0].events,
    medianMs: round(median(results.map((r) => r.ms))),
    eventsPerSecond: Math.round(rate),
    minEventsPerSecond: Math.round(Math.min(...rates)),
    failures: results[0].failures,
    target: { eventsPerSecond: 200_000 },
    met: rate >= 200_000 && results[0].failures === 0,
  };
}
