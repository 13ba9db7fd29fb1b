/**
 * The body of one fuzz worker thread (started by fuzzPool.ts through
 * fuzzWorker.mjs): it runs the batches of seeds it is sent and posts back one
 * outcome per seed. A seed's case depends on the seed and the options alone,
 * so it comes out the same in any thread.
 */
import { parentPort } from 'node:worker_threads';
import { fuzzSeed, seedOutcome, type FuzzOptions } from '../fuzz/fuzz.ts';
import type { ToThread, FromThread } from './fuzzPool.ts';

const port = parentPort;
if (port === null) throw new Error('fuzzThread.ts runs in a worker thread (see fuzzPool.ts)');

port.on('message', (m: ToThread) => {
  const opts: FuzzOptions = m.opts;
  const outcomes = [];
  for (let seed = m.from; seed < m.from + m.count; seed++) outcomes.push(seedOutcome(seed, fuzzSeed(seed, opts)));
  const reply: FromThread = { outcomes };
  port.postMessage(reply);
});
