/**
 * The fuzzer (engine/fuzz): schedules are deterministic scripts that parse; the
 * safe engine survives a short run (CI's run; `npm run fuzz -- --seeds 10000` is
 * the long one); each unsafe rule is caught within a fixed budget of seeds; a
 * shrunk failure still fails the same way and is never longer; the link opens it.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScript } from '../scenario/parse.ts';
import { runScript } from '../scenario/run.ts';
import { formatCommand } from '../scenario/format.ts';
import type { Command } from '../scenario/ast.ts';
import type { UnsafeRule } from '../types.ts';
import { failureKind, runCase } from '../fuzz/check.ts';
import { fuzzSeed, fuzzSeeds, reproScript, type FuzzOptions } from '../fuzz/fuzz.ts';
import { DEFAULT_BASE, shareLink } from '../fuzz/link.ts';
import { DEFAULT_SCHEDULE_OPTIONS, formatSchedule, generateSchedule, type ScheduleOptions } from '../fuzz/schedule.ts';
import { shrink } from '../fuzz/shrink.ts';

const lz = createRequire(import.meta.url)('lz-string') as {
  compressToEncodedURIComponent: (s: string) => string;
  decompressFromEncodedURIComponent: (s: string) => string | null;
};

const options = (schedule: Partial<ScheduleOptions>, events = 2000): FuzzOptions => ({
  events,
  schedule: { ...DEFAULT_SCHEDULE_OPTIONS, ...schedule },
});

/** A command without where it stood in its source. */
const bare = (c: Command): Omit<Command, 'line' | 'col'> => {
  const { line: _line, col: _col, ...body } = c;
  return body;
};

describe('fuzz schedules', () => {
  it('are deterministic: the same seed gives the same script, another seed another', () => {
    const a = formatSchedule(generateSchedule(42, DEFAULT_SCHEDULE_OPTIONS, 300));
    const b = formatSchedule(generateSchedule(42, DEFAULT_SCHEDULE_OPTIONS, 300));
    expect(a).toBe(b);
    expect(formatSchedule(generateSchedule(43, DEFAULT_SCHEDULE_OPTIONS, 300))).not.toBe(a);
    // A schedule is a prefix of its seed's stream, whatever its length.
    expect(a.startsWith(formatSchedule(generateSchedule(42, DEFAULT_SCHEDULE_OPTIONS, 100)))).toBe(true);
    // And a whole fuzz case replays identically.
    const r1 = fuzzSeed(7);
    const r2 = fuzzSeed(7);
    expect(formatSchedule([...r1.schedule, ...r1.tail])).toBe(formatSchedule([...r2.schedule, ...r2.tail]));
    expect([r1.events, r1.time, r1.acknowledged]).toEqual([r2.events, r2.time, r2.acknowledged]);
  });

  it('parse back to the same commands, with every option the CLI passes', () => {
    const variants: Partial<ScheduleOptions>[] = [
      {},
      { nodes: 1 },
      { nodes: 2 },
      { nodes: 9, prevote: true, checkquorum: true },
      { unsafe: ['commit-old-terms', 'no-truncate'] },
    ];
    for (const v of variants) {
      for (let seed = 1; seed <= 20; seed++) {
        const commands = generateSchedule(seed, { ...DEFAULT_SCHEDULE_OPTIONS, ...v }, 200);
        const text = formatSchedule(commands);
        const parsed = parseScript(text);
        if (!parsed.ok) throw new Error(`seed ${seed} ${JSON.stringify(v)}: ${JSON.stringify(parsed.errors)}\n${text}`);
        expect(parsed.script.commands.map(bare)).toEqual(commands.map(bare));
      }
    }
    const header = formatCommand(generateSchedule(5, { ...DEFAULT_SCHEDULE_OPTIONS, prevote: true, checkquorum: true, unsafe: ['vote-any-log'] }, 0)[0]);
    expect(header).toMatch(/^cluster nodes=\d seed=\d+ election=\d+-\d+ms latency=\d+-\d+ms .*prevote=on checkquorum=on unsafe=vote-any-log$/);
  });
});

describe('the safe engine under the fuzzer (CI short run)', { timeout: 60_000 }, () => {
  it('300 seeds of about 600 events: no invariant breaks, and the cluster recovers', () => {
    const r = fuzzSeeds(1, 300, options({}, 600));
    expect(r.firstFailure?.result.failure ?? null).toBeNull();
    expect(r.seeds).toBe(300);
    expect(r.events).toBeGreaterThan(300 * 600);
  });

  it('100 seeds with PreVote and CheckQuorum on', () => {
    const r = fuzzSeeds(1, 100, options({ prevote: true, checkquorum: true }, 600));
    expect(r.firstFailure?.result.failure ?? null).toBeNull();
  });
});

/**
 * Budgets, measured over start seeds 1..2000 with 2,000 events per schedule: the
 * most seeds any start needed before a violation was 75 for commit-old-terms
 * (one seed in 14 breaks; from seed 1 the first is seed 6), 5 for vote-any-log and
 * 4 for no-truncate (most seeds break). The budgets leave a margin of two or more.
 */
const BUDGETS: [UnsafeRule, number][] = [
  ['commit-old-terms', 150],
  ['vote-any-log', 20],
  ['no-truncate', 20],
];
const START = 1;

describe('each unsafe rule is caught within a fixed budget of seeds', { timeout: 60_000 }, () => {
  for (const [rule, budget] of BUDGETS) {
    it(`${rule}: a safety violation within ${budget} seeds from seed ${START}, on a schedule the safe engine survives`, () => {
      let caught: number | null = null;
      for (let seed = START; seed < START + budget && caught === null; seed++) {
        const r = fuzzSeed(seed, options({ unsafe: [rule] }));
        // no-truncate can also leave logs that never converge (a liveness failure); we want a violation.
        if (r.failure?.kind === 'invariant') caught = seed;
      }
      expect(caught, `${rule}: no violation in seeds ${START}..${START + budget - 1}`).not.toBeNull();
      // The same schedule with the rule on is clean: the break comes from the switch.
      expect(fuzzSeed(caught!, options({})).failure).toBeNull();
    });
  }
});

describe('shrinking', { timeout: 60_000 }, () => {
  const cases: [string, UnsafeRule, number, 'invariant' | 'liveness'][] = [
    ['a safety violation', 'no-truncate', 1, 'invariant'],
    ['a safety violation', 'commit-old-terms', 6, 'invariant'],
    ['a liveness failure', 'no-truncate', 38, 'liveness'],
  ];
  for (const [what, rule, seed, kind] of cases) {
    it(`keeps ${what} (${rule}, seed ${seed}) and never lengthens the script`, () => {
      const original = fuzzSeed(seed, options({ unsafe: [rule] }));
      expect(original.failure?.kind).toBe(kind);
      const small = shrink(original.schedule, original.failure!, 400);
      expect(failureKind(small.result.failure!)).toBe(failureKind(original.failure!));
      expect(small.commands.length).toBeLessThanOrEqual(original.schedule.length);
      expect(small.commands.length).toBeLessThan(original.schedule.length / 2);
      expect(formatSchedule(small.commands).length).toBeLessThanOrEqual(formatSchedule(original.schedule).length);
      expect(small.attempts).toBeLessThanOrEqual(400);
      // The shrunk script, as text, reproduces it.
      const reparsed = parseScript(formatSchedule(small.commands));
      if (!reparsed.ok) throw new Error(JSON.stringify(reparsed.errors));
      const again = runCase(reparsed.script.commands);
      expect(failureKind(again.failure!)).toBe(failureKind(original.failure!));
      expect([again.events, again.time]).toEqual([small.result.events, small.result.time]);
    });
  }
});

describe('the link to a failure', () => {
  it('decodes back to the script and its last moment, and the script replays to that moment', () => {
    const r = fuzzSeed(1, options({ unsafe: ['vote-any-log'] }));
    const script = reproScript(1, r.schedule, r.tail, r.failure!);
    const cursor = { time: r.time, event: r.events };
    const url = shareLink(DEFAULT_BASE, script, cursor, lz.compressToEncodedURIComponent);
    expect(url.startsWith(`${DEFAULT_BASE}#v1.`)).toBe(true);
    const data = url.slice(`${DEFAULT_BASE}#v1.`.length);
    expect(data).toMatch(/^[A-Za-z0-9+\-$]+$/);
    expect(JSON.parse(lz.decompressFromEncodedURIComponent(data)!)).toEqual({ script, cursor });
    // Opening it replays the script: the same final moment, and the final `expect safe` fails.
    const parsed = parseScript(script);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const run = runScript(parsed.script);
    expect(run.failure?.command).toBe('expect safe');
    expect({ time: run.session.cluster!.time, event: run.session.cluster!.event }).toEqual(cursor);
    // Another base page keeps its path and loses any fragment of its own.
    expect(shareLink('https://example.org/raftviz/#old', 'x', cursor, lz.compressToEncodedURIComponent)).toMatch(/^https:\/\/example\.org\/raftviz\/#v1\./);
  });
});

describe('npm run fuzz', { timeout: 60_000 }, () => {
  const root = join(import.meta.dirname, '..', '..');
  const run = (args: string[]) => {
    const r = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'engine', 'cli', 'fuzz.ts'), ...args], { encoding: 'utf8', cwd: root });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('exits 0 on clean seeds and prints the figures', () => {
    const r = run(['--seeds', '5', '--events', '300']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/clean: 5 seeds, [\d,]+ events checked, [\d,]+ events\/s, wall [\d.]+ s/);
  });

  it('exits 1 on a failure, with the seed, the shrunk script and a link; --json is one document', () => {
    const r = run(['--seeds', '3', '--unsafe', 'vote-any-log', '--json', '--base', 'http://127.0.0.1:5173/']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ ok: false, seeds: 1, failure: { seed: 1, kind: 'invariant', failureKind: 'LeaderCompleteness' } });
    expect(doc.failure.url).toMatch(/^http:\/\/127\.0\.0\.1:5173\/#v1\./);
    expect(doc.failure.shrunk.commandsAfter).toBeLessThan(doc.failure.shrunk.commandsBefore);
    const text = run(['--seeds', '3', '--unsafe=vote-any-log']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('FAIL seed 1: LeaderCompleteness');
    expect(text.stdout).toContain('expect safe');
    expect(text.stdout).toMatch(/http:\/\/localhost:5173\/#v1\.\S+/);
  });

  it('exits 2 on bad arguments, saying what is wrong', () => {
    for (const [args, message] of [
      [['--seeds', 'ten'], '--seeds takes a whole number'],
      [['--nodes', '12'], '--nodes must be between 1 and 9'],
      [['--unsafe', 'no-truncation'], 'unknown unsafe rule "no-truncation"'],
      [['--frobnicate'], 'unknown option --frobnicate'],
      [['--seeds'], '--seeds needs a value'],
    ] as const) {
      const r = run([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });
});
