/**
 * `npm run bench`: one report of how fast raftviz is, as JSON (or a table with
 * `--table`). Speed targets live here, not in timed tests, because shared
 * machines are noisy; figures are medians over repeated runs.
 *
 * Sections: the engine (engineBench.ts), membership changes under its workload
 * (membershipBench.ts), the recording and seeking in it, how
 * both grow with the run's length, a long recorded session with its
 * checkpoints thinned and not (longRunBench.ts), the engine with clients and
 * the linearizability check of their history (clientsBench.ts), the fuzzer
 * (fuzzBench.ts), log compaction over a 1,000 s run (compactionBench.ts), the linearizability checker (linearizeBench.ts), the
 * browser against the production build (browserBench.ts, e2e/bench.spec.ts,
 * with its soak fitted in soak.ts), and what a first visit downloads
 * (loadBench.ts).
 *
 * Flags: --table, --runs=N (engine runs, default 21), --growth=10,100,1000
 * (simulated seconds), --long=N (the long session, in simulated minutes,
 * default 30), --compaction=N (the compaction run, in simulated seconds, default 1000), --no-browser, --port=N (for the browser's preview server).
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { benchEngine, benchGrowth, benchRecording } from './bench/engineBench.ts';
import { benchFuzz } from './bench/fuzzBench.ts';
import { benchMembership } from './bench/membershipBench.ts';
import { benchClients } from './bench/clientsBench.ts';
import { benchCompaction } from './bench/compactionBench.ts';
import { benchLinearize } from './bench/linearizeBench.ts';
import { benchBrowser } from './bench/browserBench.ts';
import { benchLoad } from './bench/loadBench.ts';
import { benchLongRun } from './bench/longRunBench.ts';
import { soakFigures, type SoakSample } from './bench/soak.ts';
import { formatTable } from './bench/table.ts';

const flag = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const has = (name: string): boolean => process.argv.includes(`--${name}`);

const runs = Number(flag('runs') ?? 21);
const growth = (flag('growth') ?? '10,100,1000').split(',').map(Number);
const longMinutes = Number(flag('long') ?? 30);
const compactionSeconds = Number(flag('compaction') ?? 1000);
const port = Number(flag('port') ?? process.env.E2E_PORT ?? 4199);
const progress = (what: string): void => void process.stderr.write(`bench: ${what}…\n`);

progress('engine');
const engine = benchEngine(runs);
progress('membership changes (3 → 5 → 3 servers under the engine workload)');
const membershipChanges = benchMembership(Math.max(5, Math.round(runs / 2)));
progress('recording');
const recording = benchRecording(256, 200);
progress(`growth (${growth.join(', ')} s)`);
const growthReport = benchGrowth(growth);
progress(`a long session (${longMinutes} simulated minutes, twice)`);
const longRun = benchLongRun(longMinutes);
progress('clients (5 clients, 100 s, with the linearizability check)');
const clients = benchClients(5);
progress('log compaction (5 clients, 1,000 s, snapshot=1000, straight and recorded)');
const compaction = benchCompaction(compactionSeconds);
progress('fuzzer');
const fuzz = benchFuzz(100, 7);
progress('linearizability checker');
const linearize = benchLinearize(runs);
progress(has('no-browser') ? 'building (no browser)' : 'browser (builds the production site first)');
const measured = has('no-browser') ? { skipped: '--no-browser' } : benchBrowser(port);
// The soak's raw samples become its figures: MB per simulated minute, and an hour at 10×.
const soak = (measured as { soak?: { faults: number; samples: SoakSample[] } }).soak;
const browser = soak === undefined ? measured : { ...measured, soak: { faults: soak.faults, ...soakFigures(soak.samples), samples: soak.samples } };
// The browser run built dist/; without it, build here so the sizes are of the current code.
if ('skipped' in browser) spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
const load = benchLoad('dist');

const report = {
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version },
  engine,
  membership: membershipChanges,
  recording,
  growth: growthReport,
  longRun,
  clients,
  compaction,
  fuzz,
  linearize,
  browser,
  load,
};
process.stdout.write(has('table') ? `${formatTable(report)}\n` : `${JSON.stringify(report, null, 2)}\n`);
