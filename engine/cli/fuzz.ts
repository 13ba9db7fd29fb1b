/**
 * `npm run fuzz -- --seeds N [--events M] [--nodes K] [--unsafe X[,Y]] [--seed-from S]
 *                 [--prevote] [--checkquorum] [--workers W] [--each] [--base URL] [--json]`
 *
 * Deterministic simulation fuzzing: for each seed, a random fault schedule with
 * clients (a scenario script, engine/fuzz/schedule.ts) runs with the invariant
 * checker on after every event, then a liveness check and a check that the
 * clients' history is linearizable (engine/fuzz/check.ts). Seeds run in
 * `--workers` threads (fuzzPool.ts), with the same outcome per seed as in one.
 * The first failing seed is shrunk (engine/fuzz/shrink.ts) and printed as a
 * script and as a raftviz link that opens it.
 *
 * Exit codes: 0 when every seed is clean, 1 on a failure, 2 on bad arguments.
 */
import { createRequire } from 'node:module';
import { UNSAFE_RULES, type UnsafeRule } from '../types.ts';
import { INVARIANTS } from '../events.ts';
import { availableParallelism } from 'node:os';
import { describeFailure, failureKind } from '../fuzz/check.ts';
import { DEFAULT_EVENTS, fuzzSeed, reproScript, type FuzzOptions, type SeedOutcome } from '../fuzz/fuzz.ts';
import { runSeeds } from './fuzzPool.ts';
import { DEFAULT_BASE, shareLink } from '../fuzz/link.ts';
import { validNodeCount } from '../fuzz/schedule.ts';
import { shrink } from '../fuzz/shrink.ts';

const MAX_WORKERS = 64;

const USAGE =
  'usage: npm run fuzz -- [--seeds N] [--events M] [--nodes K] [--unsafe RULE[,RULE]] [--seed-from S]\n' +
  '                       [--prevote] [--checkquorum] [--workers W] [--each] [--want KIND] [--base URL] [--json]\n' +
  `  --seeds N        seeds to run (default 1000)\n` +
  `  --events M       events per schedule, about (default ${DEFAULT_EVENTS})\n` +
  '  --nodes K        cluster size 1..9 for every seed (default: drawn from 3..7 per seed)\n' +
  `  --unsafe RULES   switch rules off: ${UNSAFE_RULES.join(', ')}\n` +
  '  --seed-from S    first seed (default 1)\n' +
  '  --prevote, --checkquorum   turn those options on in every schedule\n' +
  `  --workers W      threads to spread the seeds over (default 1; at most ${MAX_WORKERS})\n` +
  '  --each           one line (or JSON item) per seed, in seed order\n' +
  '  --want KIND      stop at the first failure of this kind (an invariant such as ElectionSafety,\n' +
  '                   Linearizability, or liveness); other failures are counted and passed over\n' +
  `  --base URL       page for the link to a failure (default ${DEFAULT_BASE})\n` +
  '  --json           print one JSON document instead of text';

interface Args {
  seeds: number;
  workers: number;
  each: boolean;
  from: number;
  opts: FuzzOptions;
  base: string;
  json: boolean;
  /** Stop only at a failure of this kind (`failureKind`, or `liveness` for any liveness failure); null: at any. */
  want: string | null;
}

class BadArgs extends Error {}

const MAX_SEED = 0xffffffff;

function parseArgs(argv: string[]): Args | 'help' {
  let seeds = 1000;
  let from = 1;
  let events = DEFAULT_EVENTS;
  let nodes: number | null = null;
  let unsafe: UnsafeRule[] = [];
  let prevote = false;
  let checkquorum = false;
  let base = DEFAULT_BASE;
  let json = false;
  let workers = 1;
  let each = false;
  let want: string | null = null;
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new BadArgs(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (seen.has(name)) throw new BadArgs(`${name} is given twice`);
    seen.add(name);
    const value = (): string => {
      if (eq > 0) return arg.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new BadArgs(`${name} needs a value`);
      return v;
    };
    const flag = (): true => {
      if (eq > 0) throw new BadArgs(`${name} takes no value`);
      return true;
    };
    const count = (min: number, max: number): number => {
      const v = value();
      if (!/^\d+$/.test(v)) throw new BadArgs(`${name} takes a whole number, got "${v}"`);
      const n = Number(v);
      if (n < min || n > max) throw new BadArgs(`${name} must be between ${min} and ${max}, got ${v}`);
      return n;
    };
    switch (name) {
      case '--help':
        return 'help';
      case '--seeds':
        seeds = count(1, 100_000_000);
        break;
      case '--events':
        events = count(1, 100_000_000);
        break;
      case '--seed-from':
        from = count(0, MAX_SEED);
        break;
      case '--nodes': {
        const n = count(0, 1000);
        if (!validNodeCount(n)) throw new BadArgs(`--nodes must be between 1 and 9, got ${n}`);
        nodes = n;
        break;
      }
      case '--unsafe': {
        const names = value().split(',');
        unsafe = [];
        for (const r of names) {
          if (!(UNSAFE_RULES as readonly string[]).includes(r)) {
            throw new BadArgs(`unknown unsafe rule "${r}"; rules are ${UNSAFE_RULES.join(', ')}`);
          }
          if (unsafe.includes(r as UnsafeRule)) throw new BadArgs(`unsafe rule "${r}" is given twice`);
          unsafe.push(r as UnsafeRule);
        }
        break;
      }
      case '--prevote':
        prevote = flag();
        break;
      case '--checkquorum':
        checkquorum = flag();
        break;
      case '--json':
        json = flag();
        break;
      case '--each':
        each = flag();
        break;
      case '--want': {
        want = value();
        const kinds = [...INVARIANTS, 'liveness'];
        if (!kinds.includes(want)) throw new BadArgs(`--want takes one of ${kinds.join(', ')}, got "${want}"`);
        break;
      }
      case '--workers':
        workers = count(1, MAX_WORKERS);
        break;
      case '--base': {
        base = value();
        if (!/^https?:\/\/\S+$/.test(base)) throw new BadArgs(`--base takes an http(s) URL, got "${base}"`);
        break;
      }
      default:
        throw new BadArgs(`unknown option ${name}`);
    }
  }
  if (from + seeds - 1 > MAX_SEED) throw new BadArgs(`seeds run from --seed-from up to at most ${MAX_SEED}`);
  return { seeds, from, base, json, workers, each, want, opts: { events, schedule: { nodes, unsafe, prevote, checkquorum } } };
}

const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;
const thousands = (n: number): string => n.toLocaleString('en');

/** A seed's outcome as one line of `--each`. */
function seedLine(o: SeedOutcome): string {
  const lin = o.operations === 0 ? 'no client operations' : `${thousands(o.operations)} operations, ${o.linearizability === 'ok' ? 'linearizable' : o.linearizability}`;
  return `seed ${o.seed}: ${o.failure === null ? 'ok' : `FAIL ${o.failure}`}, ${thousands(o.events)} events, ${lin}`;
}

async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    const parsed = parseArgs(argv);
    if (parsed === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    args = parsed;
  } catch (e) {
    if (!(e instanceof BadArgs)) throw e;
    process.stderr.write(`npm run fuzz: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  const { seeds, from, opts, json, workers, each, want } = args;
  const s = opts.schedule;
  const what =
    `seeds ${from}..${from + seeds - 1}, about ${thousands(opts.events)} events each, ` +
    `nodes ${s.nodes ?? '3-7'}, unsafe: ${s.unsafe.length > 0 ? s.unsafe.join(',') : 'none'}` +
    `${s.prevote ? ', prevote' : ''}${s.checkquorum ? ', checkquorum' : ''}` +
    `, ${workers} worker${workers > 1 ? 's' : ''}`;
  if (!json) process.stdout.write(`raftviz fuzz: ${what}\n`);
  if (workers > availableParallelism() && !json) {
    process.stderr.write(`note: ${workers} workers on ${availableParallelism()} cores: they will take turns\n`);
  }

  const progress = !json && !each && process.stderr.isTTY;
  const t0 = performance.now();
  let lastReport = t0;
  let events = 0;
  let operations = 0;
  let unknown = 0;
  let ran = 0;
  /** Seeds that failed otherwise than `--want` asks, by kind. */
  const passedOver: Record<string, number> = {};
  const wanted = (o: SeedOutcome): boolean =>
    o.failure !== null && (want === null || o.failure === want || (want === 'liveness' && o.failure.startsWith('liveness')));
  const cases: SeedOutcome[] = [];
  const failedOutcome = await runSeeds({
    from,
    count: seeds,
    workers,
    opts,
    stopsAt: wanted,
    onOutcome: (o) => {
      if (o.failure !== null && !wanted(o)) passedOver[o.failure] = (passedOver[o.failure] ?? 0) + 1;
      events += o.events;
      operations += o.operations;
      if (o.linearizability === 'unknown') unknown++;
      ran++;
      if (each) {
        if (json) cases.push(o);
        else process.stdout.write(`${seedLine(o)}\n`);
      }
      if (progress && performance.now() - lastReport > 2000) {
        lastReport = performance.now();
        process.stderr.write(`\r  ${thousands(ran)} seeds, ${thousands(events)} events...`);
      }
    },
  });
  if (progress) process.stderr.write('\r\x1b[K');
  const fuzzMs = performance.now() - t0;
  const figures = {
    seeds: ran,
    workers,
    eventsChecked: events,
    eventsPerSecond: Math.round(events / (fuzzMs / 1000)),
    clientOperations: operations,
    /** Seeds whose history the checker could not decide within its budget (not failures). */
    linearizabilityUnknown: unknown,
    fuzzMs: round(fuzzMs),
    ...(each ? { cases } : {}),
  };
  const other = Object.entries(passedOver).map(([k, n]) => `${k} in ${n}`);
  const counts =
    `${thousands(ran)} seeds, ${thousands(events)} events checked, ${thousands(figures.eventsPerSecond)} events/s, ` +
    `${thousands(operations)} client operations (linearizability unknown in ${thousands(unknown)} seed${unknown === 1 ? '' : 's'})` +
    (other.length > 0 ? `; passed over, failing otherwise than ${want}: ${other.join(', ')}` : '');

  if (failedOutcome === null) {
    const wallMs = round(performance.now() - t0);
    // With --want, seeds that failed otherwise are still failures: the run is not clean.
    const ok = other.length === 0;
    if (json) process.stdout.write(`${JSON.stringify({ ok, ...figures, ...(want === null ? {} : { want, passedOver }), wallMs, failure: null })}\n`);
    else process.stdout.write(`${ok ? 'clean' : `no ${want} failure`}: ${counts}, wall ${round(wallMs / 1000, 2)} s\n`);
    return ok ? 0 : 1;
  }

  // The failing case again, in this thread, for the shrinker: it replays identically.
  const seed = failedOutcome.seed;
  const result = fuzzSeed(seed, opts);
  const failure = result.failure!;
  if (failureKind(failure) !== failedOutcome.failure) throw new Error(`seed ${seed} did not replay the same way: ${failedOutcome.failure} then ${failureKind(failure)}`);
  const t1 = performance.now();
  const small = shrink(result.schedule, failure);
  const shrinkMs = performance.now() - t1;
  const shrunk = small.result;
  const script = reproScript(seed, shrunk.schedule, shrunk.tail, shrunk.failure!);
  const compress = (createRequire(import.meta.url)('lz-string') as { compressToEncodedURIComponent: (t: string) => string })
    .compressToEncodedURIComponent;
  const cursor = { time: shrunk.time, event: shrunk.events };
  const url = shareLink(args.base, script, cursor, compress);
  const wallMs = round(performance.now() - t0);

  if (json) {
    const doc = {
      ok: false,
      ...figures,
      wallMs,
      failure: {
        seed,
        ...failure,
        /** The invariant's name (Linearizability included), or `liveness:<condition>`: what the shrunk script must still show. */
        failureKind: failureKind(failure),
        shrunk: {
          failureKind: failureKind(shrunk.failure!),
          detail: shrunk.failure!.detail,
          commandsBefore: result.schedule.length,
          commandsAfter: small.commands.length,
          reruns: small.attempts,
          budgetExhausted: small.exhausted,
          shrinkMs: round(shrinkMs),
        },
        script,
        cursor,
        url,
      },
    };
    process.stdout.write(`${JSON.stringify(doc)}\n`);
    return 1;
  }
  const out = process.stdout;
  out.write(`FAIL seed ${seed}: ${describeFailure(failure)}\n\n`);
  out.write(
    `shrunk from ${result.schedule.length} to ${small.commands.length} commands in ${small.attempts} reruns ` +
      `(${round(shrinkMs / 1000, 2)} s${small.exhausted ? ', budget exhausted' : ''}); it fails with: ` +
      `${describeFailure(shrunk.failure!)}\n\n`,
  );
  out.write(`${script.trimEnd().split('\n').map((l) => `    ${l}`).join('\n')}\n\n`);
  out.write(`open it in raftviz (at its last event, ${cursor.event}, ${cursor.time}ms):\n${url}\n\n`);
  out.write(`${counts}, wall ${round(wallMs / 1000, 2)} s\n`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => void (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`npm run fuzz: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 3;
  },
);
