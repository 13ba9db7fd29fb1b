/**
 * Log compaction (§7) over a long run: 5 nodes and 5 clients issuing 100
 * operations per simulated second for 1,000 simulated seconds (100,000
 * operations, half of them reads, on 10 keys), with `snapshot=1000`, the
 * invariant checker on.
 *
 * - The run straight through, sampling every node's log every simulated 100 ms:
 *   the longest log held (entries after the snapshot) should stay about 1,000
 *   plus what is in flight (appended, not yet applied).
 * - The run recorded as the page records one (a `run` of 100 ms at a time, the
 *   checkpoints thinned), sampled as it grows: the memory it keeps should grow
 *   linearly (a linear fit of MB per simulated second, and the ratio of that
 *   rate in the second half to the first), and seeking anywhere in it should
 *   take at most 16 ms median.
 */
import { parseScript } from '../../scenario/parse.ts';
import type { Command } from '../../scenario/ast.ts';
import { applyCommand, newSession, linearizability } from '../../scenario/run.ts';
import { Timeline } from '../../timeline/timeline.ts';
import { lastIndex } from '../../raft/log.ts';
import type { ClusterState } from '../../sim/cluster.ts';
import { nextInt, seedState } from '../../sim/rng.ts';
import { gc, heapUsed } from './gc.ts';
import { linearFit } from './soak.ts';
import { MB, median, quantile, round } from './stats.ts';

const STEP_MS = 100;
const SNAPSHOT_EVERY = 1000;

function* commands(simSeconds: number): Generator<Command> {
  const header = `cluster nodes=5 seed=1 election=100-200ms heartbeat=50ms latency=10-15ms clients=5 snapshot=${SNAPSHOT_EVERY}`;
  const setup = parseScript(`${header}\nworkload ops=${simSeconds * 100} rate=100/s keys=10 reads=50\nrun ${STEP_MS}ms`);
  if (!setup.ok) throw new Error(`compaction bench does not parse: ${JSON.stringify(setup.errors)}`);
  const [cluster, work, step] = setup.script.commands;
  yield cluster;
  yield work;
  for (let t = 0; t < simSeconds * 1000; t += STEP_MS) yield step;
}

/** The longest log any node holds after its snapshot, and the lowest and highest snapshot index. */
function logs(s: ClusterState): { held: number; snapshots: number } {
  let held = 0;
  let snapshots = 0;
  for (const id of s.ids) {
    const log = s.nodes[id].persistent.log;
    held = Math.max(held, lastIndex(log) - log.start);
    if (s.nodes[id].persistent.snapshot !== null) snapshots++;
  }
  return { held, snapshots };
}

export function benchCompaction(simSeconds = 1000, seekCount = 200) {
  // Straight through.
  const session = newSession();
  let held = 0;
  let snapshotsTaken = 0;
  gc();
  const t0 = performance.now();
  for (const cmd of commands(simSeconds)) {
    applyCommand(session, cmd, (r) => {
      if (r.type === 'snapshotTaken') snapshotsTaken++;
    });
    if (session.cluster !== null) held = Math.max(held, logs(session.cluster).held);
  }
  const runMs = performance.now() - t0;
  const s = session.cluster!;
  const c0 = performance.now();
  const verdict = linearizability(s).verdict;
  const checkMs = performance.now() - c0;
  const straight = {
    wallMs: round(runMs),
    events: s.event,
    installSnapshotsSent: s.stats.byType.InstallSnapshot ?? 0,
    snapshotsTaken,
    committed: Math.max(...s.ids.map((id) => s.nodes[id].volatile?.commitIndex ?? 0)),
    longestLogHeld: held,
    violations: s.violations.length,
    linearizable: verdict,
    linearizabilityCheckMs: round(checkMs),
  };

  // Recorded, as the page records it.
  gc();
  const before = heapUsed();
  const tl = new Timeline(256);
  const samples: { simSeconds: number; events: number; checkpoints: number; MB: number }[] = [];
  const sampleEvery = (simSeconds * 1000) / 10;
  let next = sampleEvery;
  const r0 = performance.now();
  for (const cmd of commands(simSeconds)) {
    tl.append(cmd);
    const now = tl.session.cluster?.time ?? 0;
    if (now >= next) {
      gc();
      samples.push({ simSeconds: round(now / 1000, 1), events: tl.length, checkpoints: tl.checkpoints.length, MB: round((heapUsed() - before) / MB, 2) });
      next += sampleEvery;
    }
  }
  const recordMs = performance.now() - r0;
  const fit = linearFit(samples.map((x) => [x.simSeconds, x.MB]));
  const half = Math.floor(samples.length / 2);
  const rate = (a: (typeof samples)[number], b: (typeof samples)[number]): number => (b.MB - a.MB) / (b.simSeconds - a.simSeconds);
  const firstHalf = rate(samples[0], samples[half]);
  const secondHalf = rate(samples[half], samples[samples.length - 1]);

  let rng = seedState(1000);
  for (let i = 0; i < 10; i++) tl.seek((i * 7919) % tl.length); // warm up
  const seeks: number[] = [];
  for (let i = 0; i < seekCount; i++) {
    const [p, n] = nextInt(rng, 0, tl.length - 1);
    rng = n;
    const q0 = performance.now();
    tl.seek(p);
    seeks.push(performance.now() - q0);
  }
  const seekMedian = median(seeks);
  return {
    workload: { nodes: 5, clients: 5, simulatedSeconds: simSeconds, opsPerSecond: 100, keys: 10, readsPercent: 50, snapshot: SNAPSHOT_EVERY, invariants: true },
    straight,
    recording: {
      buildMs: round(recordMs),
      events: tl.length,
      checkpoints: tl.checkpoints.length,
      MB: samples.at(-1)?.MB ?? 0,
      MBPerSimSecond: round(fit.slope, 4),
      // 1 is linear: the memory added per simulated second in the second half over that in the first.
      growthRatioSecondHalfToFirst: round(secondHalf / firstHalf, 2),
      samples,
    },
    seek: { count: seekCount, medianMs: round(seekMedian, 3), p95Ms: round(quantile(seeks, 0.95), 3) },
    target: { longestLogHeld: `about ${SNAPSHOT_EVERY} plus what is in flight`, recording: 'linear', seekMedianMs: 16 },
    met: held <= SNAPSHOT_EVERY * 1.2 && seekMedian <= 16 && s.violations.length === 0 && verdict === 'ok',
  };
}
