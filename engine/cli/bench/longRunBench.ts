/**
 * A long recorded session, as the page records one: nine nodes played at 10×
 * (a `run` of 167 ms every frame), a client request every simulated second
 * (one every 100 ms of wall time at 10×) and a crash or restart every 200
 * simulated seconds (20 s of wall time), appended command by command to a
 * timeline. Measured twice: with the checkpoints thinned (the default), and
 * with every checkpoint kept (as before thinning), for
 * - the memory the recording keeps after a full GC, sampled as it grows, and a
 *   linear fit of MB per simulated minute;
 * - the checkpoints it keeps;
 * - seeks far back (the first tenth of the run) and near the head (the last tenth).
 */
import { parseScript } from '../../scenario/parse.ts';
import type { Command } from '../../scenario/ast.ts';
import { Timeline } from '../../timeline/timeline.ts';
import { CHECKPOINT_DENSITY } from '../../timeline/thinning.ts';
import { nextInt, seedState } from '../../sim/rng.ts';
import { gc, heapUsed } from './gc.ts';
import { linearFit } from './soak.ts';
import { MB, median, quantile, round } from './stats.ts';

const FRAME_MS = 167;
const FRAMES_PER_REQUEST = 6;
const FAULT_EVERY_MS = 200_000;

/** One command a line, as the page sends them: `simMinutes` of the session. */
function* session(simMinutes: number): Generator<Command> {
  const setup = parseScript('cluster nodes=9 seed=7');
  if (!setup.ok || setup.script.commands[0].kind !== 'cluster') throw new Error('bench setup does not parse');
  const cluster = setup.script.commands[0];
  const one = (line: string): Command => {
    const p = parseScript(line, { nodes: 9, config: cluster.config });
    if (!p.ok) throw new Error(`bench line does not parse: ${line}`);
    return p.script.commands[0];
  };
  yield cluster;
  let t = 0;
  let faults = 0;
  for (let frame = 0; t < simMinutes * 60_000; frame++) {
    yield one(`run ${FRAME_MS}ms`);
    t += FRAME_MS;
    if (frame % FRAMES_PER_REQUEST === 0) yield one(`propose leader v${frame}`);
    if (t >= (faults + 1) * FAULT_EVERY_MS) {
      const id = `n${2 + ((faults >> 1) % 8)}`;
      yield one(faults % 2 === 0 ? `crash ${id}` : `restart ${id}`);
      faults++;
    }
  }
}

interface Sample {
  readonly simMinutes: number;
  readonly events: number;
  readonly checkpoints: number;
  readonly MB: number;
}

function record(simMinutes: number, samples: number, density: number) {
  gc();
  const before = heapUsed();
  const t = new Timeline(256, undefined, density);
  const out: Sample[] = [];
  const sampleEvery = (simMinutes * 60_000) / samples;
  let next = sampleEvery;
  for (const cmd of session(simMinutes)) {
    t.append(cmd);
    const now = t.session.cluster?.time ?? 0;
    if (now >= next) {
      gc();
      out.push({ simMinutes: round(now / 60_000, 2), events: t.length, checkpoints: t.checkpoints.length, MB: round((heapUsed() - before) / MB, 2) });
      next += sampleEvery;
    }
  }
  return { timeline: t, samples: out };
}

/** Median and p95 of `count` seeks to random positions in [from, to). */
function seeks(t: Timeline, from: number, to: number, count: number) {
  let rng = seedState(99);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const [p, next] = nextInt(rng, from, to - 1);
    rng = next;
    const s0 = performance.now();
    t.seek(p);
    times.push(performance.now() - s0);
  }
  return { medianMs: round(median(times), 2), p95Ms: round(quantile(times, 0.95), 2) };
}

export function benchLongRun(simMinutes: number, seekCount = 40) {
  const run = (density: number) => {
    const { timeline: t, samples } = record(simMinutes, 6, density);
    const fit = linearFit(samples.map((s) => [s.simMinutes, s.MB]));
    const n = t.length;
    const result = {
      checkpoints: t.checkpoints.length,
      commands: t.commands.length,
      recordingMB: samples.at(-1)?.MB ?? 0,
      MBPerSimMinute: round(fit.slope, 3),
      seekFarBack: seeks(t, 0, Math.floor(n / 10), seekCount),
      seekNearHead: seeks(t, n - Math.floor(n / 10), n, seekCount),
      samples,
    };
    return { events: n, result };
  };
  const thinned = run(CHECKPOINT_DENSITY);
  const every = run(Infinity);
  return {
    workload: { nodes: 9, simulatedMinutes: simMinutes, frameMs: FRAME_MS, requestEveryMs: FRAME_MS * FRAMES_PER_REQUEST, faultEveryMs: FAULT_EVERY_MS, checkpointEvery: 256, density: CHECKPOINT_DENSITY },
    events: thinned.events,
    thinned: thinned.result,
    everyCheckpoint: every.result,
  };
}
