/**
 * The engine on its own: the standard workload run straight through, the same
 * workload recorded for time travel and sought at random moments, and how both
 * grow with the length of the run.
 *
 * The workload: 5 nodes, a client proposal every 100 ms, latency 10-15 ms,
 * election timeout 100-200 ms, heartbeat 50 ms, with the invariant checker on
 * (it always is).
 */
import { parseScript } from '../../scenario/parse.ts';
import { runScript } from '../../scenario/run.ts';
import type { Script } from '../../scenario/ast.ts';
import { buildTimeline, seek } from '../../timeline/timeline.ts';
import { nextInt, seedState } from '../../sim/rng.ts';
import { gc, heapUsed } from './gc.ts';
import { MB, median, quantile, round } from './stats.ts';

const PROPOSAL_EVERY_MS = 100;

export function workload(simSeconds: number): Script {
  const lines = ['cluster nodes=5 seed=1 election=100-200ms heartbeat=50ms latency=10-15ms'];
  for (let i = 0; i < (simSeconds * 1000) / PROPOSAL_EVERY_MS; i++) lines.push(`run ${PROPOSAL_EVERY_MS}ms`, `propose leader v${i}`);
  const parsed = parseScript(lines.join('\n'));
  if (!parsed.ok) throw new Error('bench workload does not parse');
  return parsed.script;
}

/** Wall times of `runs` straight runs of `script`, after a JIT warm-up. */
function timeRuns(script: Script, runs: number, warmUp: number): number[] {
  for (let i = 0; i < warmUp; i++) runScript(script);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const t0 = performance.now();
    runScript(script);
    times.push(performance.now() - t0);
  }
  return times;
}

/** 100 simulated seconds. Targets: at most 100 ms median wall time, heap growth under 64 MB. */
export function benchEngine(runs: number) {
  const script = workload(100);
  const times = timeRuns(script, runs, 3);
  // Heap growth: what one run allocates and keeps (its final cluster state), after a full GC.
  gc();
  const before = heapUsed();
  const kept = runScript(script);
  const peak = heapUsed();
  gc();
  const after = heapUsed();
  const s = kept.session.cluster!;
  const ms = median(times);
  return {
    workload: { nodes: 5, simulatedSeconds: 100, proposalEveryMs: PROPOSAL_EVERY_MS, latencyMs: '10-15', electionMs: '100-200', heartbeatMs: 50, invariants: true },
    runs,
    medianMs: round(ms),
    minMs: round(Math.min(...times)),
    p95Ms: round(quantile(times, 0.95)),
    events: s.event,
    eventsPerSecond: Math.round(s.event / (ms / 1000)),
    messages: s.stats.messages,
    committed: s.nodes.n1.volatile?.commitIndex ?? 0,
    violations: s.violations.length,
    heapGrowthMB: round((after - before) / MB),
    heapPeakGrowthMB: round((peak - before) / MB),
    target: { medianMs: 100, heapGrowthMB: 64 },
    met: ms <= 100 && (after - before) / MB < 64,
  };
}

/**
 * A recording of `simSeconds` with a checkpoint every `every` events: build
 * time and the memory it keeps. A short recording is built several times over
 * and the memory divided, so the heap's granularity does not swamp it.
 */
function record(simSeconds: number, every: number) {
  const script = workload(simSeconds);
  const copies = Math.max(1, Math.round(100 / simSeconds));
  gc();
  const before = heapUsed();
  const t0 = performance.now();
  const timelines = Array.from({ length: copies }, () => buildTimeline(script.commands, every));
  const buildMs = (performance.now() - t0) / copies;
  gc();
  return { timeline: timelines[0], buildMs, heapMB: (heapUsed() - before) / MB / copies };
}

/** The 100-second workload recorded; seeks to random moments. Target: at most 16 ms median. */
export function benchRecording(every: number, seeks: number) {
  const { timeline, buildMs, heapMB } = record(100, every);
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
 * How the engine's time and a recording's memory grow with the length of the
 * run. Both should grow linearly: `perSimSecond` should stay about the same
 * from one length to the next (`steps`).
 */
export function benchGrowth(lengths: readonly number[]) {
  const points = lengths.map((simSeconds) => {
    const runs = simSeconds <= 10 ? 9 : simSeconds <= 100 ? 5 : 1;
    const ms = median(timeRuns(workload(simSeconds), runs, 1));
    const rec = record(simSeconds, 256);
    const events = rec.timeline.length;
    return {
      simSeconds,
      events,
      engineMs: round(ms),
      recordingBuildMs: round(rec.buildMs),
      recordingMB: round(rec.heapMB),
      perSimSecond: { engineMs: round(ms / simSeconds, 3), recordingMB: round(rec.heapMB / simSeconds, 4) },
    };
  });
  // How much the cost per simulated second changes from each length to the next: 1 is linear.
  const steps = points.slice(1).map((p, i) => {
    const q = points[i];
    return {
      from: q.simSeconds,
      to: p.simSeconds,
      engine: round(p.perSimSecond.engineMs / q.perSimSecond.engineMs, 2),
      recordingMemory: round(p.perSimSecond.recordingMB / q.perSimSecond.recordingMB, 2),
    };
  });
  return {
    points,
    steps,
    target: { perSecondRatio: 'about 1 at every step (linear)' },
  };
}
