// A worker thread of `npm run fuzz --workers N` (fuzzPool.ts). A worker does not
// inherit the tsx loader the CLI runs under (Node 20 refuses a `.ts` entry even
// with `--import tsx` in its execArgv), so this plain module registers tsx's
// loader in the thread first, then imports the TypeScript entry it was given.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
