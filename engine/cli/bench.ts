/**
 * `npm run bench`: speed figures as JSON. Targets live here, not in timed tests,
 * because shared machines are noisy; we report medians over many runs.
 *
 * Engine workload: 5 nodes, 100 simulated seconds, a client proposal every 100 ms,
 * latency 10-15 ms, election timeout 100-200 ms, heartbeat 50 ms, with the
 * invariant checker on (it always is). Target: <= 100 ms wall, heap growth < 64 MB.
 */
import { cpus } from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import { parseScript } from '../scenario/parse.ts';
import { runScript } from '../scenario/run.ts';
import type { Script } from '../scenario/ast.ts';
import { buildTimeline, seek } from '../timeline/timeline.ts';
import { nextInt, seedState } from '../sim/rng.ts';
import { DEFAULT_EVENTS, fuzzSeed } from '../fuzz/fuzz.ts';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const SIM_SECONDS = 100;
const PROPOSAL_EVERY_MS = 100;

function engineWorkload(): Script {
  const lines = ['cluster nodes=5 seed=1 election=100-200ms heartbeat=50ms latency=10-15ms'];
  for (let i = 0; i < (SIM_SECONDS * 1000) / PROPOSAL_EVERY_MS; i++) lines.push(`run ${PROPOSAL_EVERY_MS}ms`, `propose leader v${i}`);
  const parsed = parseScript(lines.join('\n'));
  if (!parsed.ok) throw new Error('bench workload does not parse');
  return parsed.script;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const quantile = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;

function benchEngine(runs: number) {
  const script = engineWorkload();
  for (let i = 0; i < 3; i++) runScript(script); // warm up the JIT
  const times: number[] = [];
  let last = runScript(script);
  for (let i = 0; i < runs; i++) {
    gc();
    const t0 = performance.now();
    last = runScript(script);
    times.push(performance.now() - t0);
  }
  // Heap growth: what one run allocates and keeps (its final cluster state), after a full GC.
  last = null as unknown as typeof last;
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = runScript(script);
  const peak = process.memoryUsage().heapUsed;
  gc();
  const after = process.memoryUsage().heapUsed;
  const s = kept.session.cluster!;
  const ms = median(times);
  return {
    workload: { nodes: 5, simulatedSeconds: SIM_SECONDS, proposalEveryMs: PROPOSAL_EVERY_MS, latencyMs: '10-15', electionMs: '100-200', heartbeatMs: 50, invariants: true },
    runs,
    medianMs: round(ms),
    minMs: round(Math.min(...times)),
    p95Ms: round(quantile(times, 0.95)),
    events: s.event,
    eventsPerSecond: Math.round(s.event / (ms / 1000)),
    messages: s.stats.messages,
    committed: s.nodes.n1.volatile?.commitIndex ?? 0,
    violations: s.violations.length,
    heapGrowthMB: round((after - before) / 2 ** 20),
    heapPeakGrowthMB: round((peak - before) / 2 ** 20),
    target: { medianMs: 100, heapGrowthMB: 64 },
    met: ms <= 100 && (after - before) / 2 ** 20 < 64,
  };
}

/** The same workload recorded with checkpoints; seek to random positions. Target: <= 16 ms median. */
function benchRecording(every: number, seeks: number) {
  const script = engineWorkload();
  gc();
  const before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const timeline = buildTimeline(script.commands, every);
  const buildMs = performance.now() - t0;
  gc();
  const heapMB = (process.memoryUsage().heapUsed - before) / 2 ** 20;
  let rng = seedState(2024);
  for (let i = 0; i < 20; i++) seek(timeline, (i * 997) % timeline.length); // warm up
  const times: number[] = [];
  for (let i = 0; i < seeks; i++) {
    const [p, next] = nextInt(rng, 0, timeline.length);
    rng = next;
    const s0 = performance.now();
    seek(timeline, p);
    times.push(performance.now() - s0);
  }
  return {
    events: timeline.length,
    checkpointEvery: every,
    checkpoints: timeline.checkpoints.length,
    buildMs: round(buildMs),
    recordingHeapMB: round(heapMB),
    seeks,
    seekMedianMs: round(median(times), 3),
    seekP95Ms: round(quantile(times, 0.95), 3),
    target: { seekMedianMs: 16 },
    met: median(times) <= 16,
  };
}

/**
 * The fuzzer (`npm run fuzz`): checked events per second over fixed seeds, whole
 * cases (schedule generation, the run with the invariant checker, the liveness
 * phase). Target: >= 200,000 events/s. Median of several runs.
 */
function benchFuzz(seeds: number, runs: number) {
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

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 21);
const result = {
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version },
  engine: benchEngine(runs),
  recording: benchRecording(256, 200),
  fuzz: benchFuzz(100, 7),
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
