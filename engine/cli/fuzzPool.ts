/**
 * Seeds spread over worker threads (`npm run fuzz -- --workers N`).
 *
 * The main thread hands out batches of consecutive seeds, lowest first, to
 * whichever thread is free, and releases the outcomes in seed order: a seed's
 * outcome is passed on only once every lower seed's is. It stops at the lowest
 * failing seed, exactly as one thread would: once a failure is known, no batch
 * beyond it is handed out, the batches below it are awaited (one of them may
 * fail first), and the threads are stopped. Each case is a pure function of its
 * seed and the options, so the outcomes are those of `--workers 1`, seed for seed.
 */
import { Worker } from 'node:worker_threads';
import { fuzzSeed, seedOutcome, type FuzzOptions, type SeedOutcome } from '../fuzz/fuzz.ts';

/** A batch for a thread. */
export interface ToThread {
  readonly from: number;
  readonly count: number;
  readonly opts: FuzzOptions;
}

/** A thread's answer: one outcome per seed of its batch, in order. */
export interface FromThread {
  readonly outcomes: readonly SeedOutcome[];
}

/** Seeds per batch: small, so the threads finish together and a failure stops the run soon after it is found. */
const BATCH = 4;

export interface PoolRun {
  readonly from: number;
  readonly count: number;
  readonly workers: number;
  readonly opts: FuzzOptions;
  /** Called with each outcome, in seed order, up to and including the one the run stops at. */
  readonly onOutcome: (o: SeedOutcome) => void;
  /** Which outcome ends the run (default: any failure); seeds that fail otherwise are reported and passed. */
  readonly stopsAt?: (o: SeedOutcome) => boolean;
}

const anyFailure = (o: SeedOutcome): boolean => o.failure !== null;

/** Runs the seeds; resolves with the first outcome `stopsAt` picks (the first failure), or null when none is. */
export function runSeeds(run: PoolRun): Promise<SeedOutcome | null> {
  if (run.workers <= 1) return Promise.resolve(runInline(run));
  return runThreaded(run);
}

function runInline({ from, count, opts, onOutcome, stopsAt = anyFailure }: PoolRun): SeedOutcome | null {
  for (let seed = from; seed < from + count; seed++) {
    const o = seedOutcome(seed, fuzzSeed(seed, opts));
    onOutcome(o);
    if (stopsAt(o)) return o;
  }
  return null;
}

function runThreaded({ from, count, workers, opts, onOutcome, stopsAt = anyFailure }: PoolRun): Promise<SeedOutcome | null> {
  const end = from + count;
  const entry = new URL('./fuzzThread.ts', import.meta.url).href;
  const threads = Array.from({ length: Math.min(workers, Math.ceil(count / BATCH)) }, () =>
    new Worker(new URL('./fuzzWorker.mjs', import.meta.url), { workerData: { entry } }),
  );
  /** Outcomes that arrived before a lower seed's, by seed. */
  const waiting = new Map<number, SeedOutcome>();
  let nextSeed = from; // the next seed to hand out
  let nextOut = from; // the next seed to release
  let lowestFailure = Infinity;

  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (result: SeedOutcome | null, error?: Error): void => {
      if (settled) return;
      settled = true;
      for (const t of threads) void t.terminate();
      if (error !== undefined) reject(error);
      else resolve(result);
    };
    const dispatch = (t: Worker): void => {
      if (nextSeed >= end || nextSeed > lowestFailure) return;
      const n = Math.min(BATCH, end - nextSeed);
      const msg: ToThread = { from: nextSeed, count: n, opts };
      nextSeed += n;
      t.postMessage(msg);
    };
    for (const t of threads) {
      t.on('message', (m: FromThread) => {
        for (const o of m.outcomes) {
          waiting.set(o.seed, o);
          if (stopsAt(o)) lowestFailure = Math.min(lowestFailure, o.seed);
        }
        // Release what is now contiguous, stopping at a failure.
        for (let o = waiting.get(nextOut); o !== undefined; o = waiting.get(nextOut)) {
          waiting.delete(nextOut);
          nextOut++;
          onOutcome(o);
          if (stopsAt(o)) return finish(o);
        }
        if (nextOut >= end) return finish(null);
        dispatch(t);
      });
      t.on('error', (e) => finish(null, e));
      dispatch(t);
    }
  });
}
