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
      { unsafe: ['no-sessions', 'stale-reads'] },
      { unsafe: ['direct-change', 'change-before-noop'] },
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
    expect(header).toMatch(/^cluster nodes=\d seed=\d+ election=\d+-\d+ms latency=\d+-\d+ms .*prevote=on checkquorum=on clients=\d( reads=\w+)? client-timeout=\d+ms unsafe=vote-any-log$/);
  });
});

describe('clients in the schedules', () => {
  it('every schedule has 1 to 5 clients and a read mode, and gives them operations, workloads and faults on their links', () => {
    const seen = new Set<string>();
    const sizes = new Set<number>();
    for (let seed = 1; seed <= 30; seed++) {
      const commands = generateSchedule(seed, DEFAULT_SCHEDULE_OPTIONS, 300);
      const header = commands[0];
      if (header.kind !== 'cluster') throw new Error('a schedule starts with its cluster line');
      expect(header.config.clients).toBeGreaterThanOrEqual(1);
      expect(header.config.clients).toBeLessThanOrEqual(5);
      sizes.add(header.config.clients);
      seen.add(`reads=${header.config.raft.reads}`);
      const isClient = (id: string): boolean => id.startsWith('c');
      for (const c of commands) {
        if (c.kind === 'client') seen.add(`client ${c.op.kind}`);
        if (c.kind === 'workload') seen.add('workload');
        if (c.kind === 'cut' && (isClient(c.a) || isClient(c.b))) seen.add('cut a client link');
        if (c.kind === 'heal' && c.pair !== null && c.pair.some(isClient)) seen.add('heal a client link');
        if (c.kind === 'partition' && c.groups.some((g) => g.some(isClient))) seen.add('partition with clients');
        if (c.kind === 'drop' && isClient(c.to) && c.messageType === 'ClientReply') seen.add('drop ClientReply');
        if (c.kind === 'drop' && isClient(c.from)) seen.add('drop from a client');
      }
    }
    expect([...sizes].sort()).toEqual([1, 2, 3, 4, 5]);
    expect([...seen].sort()).toEqual(
      [
        'client append', 'client get', 'client put', 'workload', 'cut a client link', 'heal a client link', 'partition with clients',
        'drop ClientReply', 'drop from a client', 'reads=log', 'reads=readindex', 'reads=lease',
      ].sort(),
    );
  });
});

describe('membership changes in the schedules', () => {
  it('some clusters start with members= a subset; schedules ask for joint changes of several servers, adds, removes and transfers, every node within the cluster', () => {
    const seen = new Set<string>();
    let subsets = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const commands = generateSchedule(seed, DEFAULT_SCHEDULE_OPTIONS, 300);
      const header = commands[0];
      if (header.kind !== 'cluster') throw new Error('a schedule starts with its cluster line');
      const { nodes, members } = header.config;
      const inCluster = (id: string): boolean => Number(id.slice(1)) >= 1 && Number(id.slice(1)) <= nodes;
      if (members !== null) {
        subsets++;
        expect(members.length).toBeGreaterThanOrEqual(1);
        expect(members.length).toBeLessThan(nodes);
        expect(members.every(inCluster)).toBe(true);
      }
      for (const c of commands) {
        if (c.kind === 'change') {
          const named = [...c.request.add, ...c.request.remove];
          expect(named.every(inCluster)).toBe(true);
          expect(named.length).toBeGreaterThan(0);
          if (c.request.how === 'single') seen.add(c.request.add.length > 0 ? 'add' : 'remove');
          else seen.add(named.length >= 2 ? 'change of several servers' : 'change of one server');
          if (c.request.how === 'joint' && c.request.add.length > 0 && c.request.remove.length > 0) seen.add('change in and out');
        }
        if (c.kind === 'transfer') {
          expect(inCluster(c.node)).toBe(true);
          seen.add('transfer');
        }
      }
    }
    expect(subsets).toBeGreaterThan(5);
    expect(subsets).toBeLessThan(25);
    expect([...seen].sort()).toEqual(['add', 'change in and out', 'change of one server', 'change of several servers', 'remove', 'transfer']);
  });

  it('keep the base stream: with the membership commands taken out, a schedule is the one its seed drew before them', () => {
    // The faults, requests and runs come from their own stream of the seed (checked against the
    // schedules of seeds 1..200 as drawn before membership changes: all the same). Seed 1's began so.
    const membershipCommand = (c: Command): boolean => c.kind === 'change' || c.kind === 'transfer' || (c.kind === 'drop' && c.messageType === 'TimeoutNow');
    const drawn = generateSchedule(1, DEFAULT_SCHEDULE_OPTIONS, 60);
    expect(formatCommand(drawn[0])).toBe('cluster nodes=3 members=n3 seed=368348601 election=168-221ms latency=8-11ms probe=naive clients=3 reads=lease client-timeout=306ms');
    const base = drawn.slice(1).filter((c) => !membershipCommand(c));
    expect(base.slice(0, 6).map(formatCommand)).toEqual(['run 364ms', 'step 13', 'heal', 'campaign n3', 'snapshot n3', 'run 111ms']);
    expect(base.length).toBeLessThan(drawn.length - 1);
  });
});

describe('the liveness check and membership (§6)', () => {
  const caseOf = (text: string) => {
    const parsed = parseScript(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return runCase(parsed.script.commands);
  };
  const tailText = (r: { tail: readonly Command[] }): string[] => r.tail.map(formatCommand);

  it('a node outside the configuration is not waited for: it gets no entries', () => {
    for (const rule of ['', ' checkquorum=on']) {
      const r = caseOf(`cluster nodes=4 members=n1,n2,n3 seed=3${rule}\nrun 400ms\npropose leader a\nrun 200ms`);
      expect(r.failure, rule).toBeNull();
      expect(r.acknowledged).toBeGreaterThan(0);
    }
  });

  it('a removed server that never learnt of it is retired in the tail without the disruption rule, and kept up with it', () => {
    // n3 is cut off while n2 removes it; it keeps its old configuration and campaigns, term after term.
    const script = (rule: string) => `cluster nodes=3 seed=3${rule}
run 400ms
cut n1 n3
cut n2 n3
remove n3
run 300ms
propose leader x
run 1s`;
    const off = caseOf(script(''));
    expect(off.failure).toBeNull();
    expect(tailText(off)).toContain('crash n3');
    const on = caseOf(script(' checkquorum=on'));
    expect(on.failure).toBeNull();
    expect(tailText(on).some((c) => c.startsWith('crash'))).toBe(false);
  });
});

describe('the safe engine under the fuzzer (CI short run)', { timeout: 60_000 }, () => {
  it('300 seeds of about 600 events: no invariant breaks, and the cluster recovers', () => {
    // With membership changes in the schedules, this run found a server its own uncommitted
    // configuration left out that stopped campaigning though its vote was needed (no leader, ever):
    // the engine now lets it campaign (thesis §4.2.2), and seed 188 here recovers.
    const r = fuzzSeeds(1, 300, options({}, 600));
    expect(r.firstFailure?.result.failure ?? null).toBeNull();
    expect(r.seeds).toBe(300);
    expect(r.events).toBeGreaterThan(300 * 600);
    // Every case ended with its clients' history checked: thousands of operations, all linearizable.
    expect(r.operations).toBeGreaterThan(300 * 10);
    expect(r.unknown).toBe(0);
  });

  it('clients still writing after the faults stop are no liveness failure: the check waits for the entries acknowledged when a leader appears', () => {
    // Seed 28 was reported stuck when the check waited for every entry acknowledged so far, including the
    // ones its workload kept adding: each reached the followers' commitIndex a heartbeat after the leader's.
    const r = fuzzSeed(28);
    expect(r.failure).toBeNull();
    expect(r.acknowledged).toBeGreaterThan(50);
    expect(r.operations).toBeGreaterThan(0);
    expect(r.linearizability).toBe('ok');
  });

  it('100 seeds with PreVote and CheckQuorum on', () => {
    const r = fuzzSeeds(1, 100, options({ prevote: true, checkquorum: true }, 600));
    expect(r.firstFailure?.result.failure ?? null).toBeNull();
  });
});

/**
 * Budgets, measured over seeds 1..300 with 2,000 events per schedule (clients in
 * every schedule, snapshots in most, membership changes in many). The longest
 * run of seeds between two that break was 4 for vote-any-log (225 of 300
 * broke), 20 for no-truncate (79 of 300) and 3 for snapshot-no-sessions (284 of
 * 300); for the client switches, whose break is a history with no
 * linearization, 15 for no-sessions (118 of 300) and 27 for stale-reads (29 of
 * 300). These budgets leave a margin of two or more. commit-old-terms is rare
 * (4 of 300: Figure 8 needs a leader change at just the wrong moment, and now
 * shows as Leader Completeness): from seed 1 its first break is seed 53, then
 * 75, 100 and 231, and its budget of 150 covers the first three. The first
 * failing seeds from seed 1 are 53 (commit-old-terms), 1 (vote-any-log), 3
 * (no-truncate; 5 is a liveness failure), 1 (no-sessions), 5 (stale-reads) and
 * 1 (snapshot-no-sessions).
 */
const BUDGETS: [UnsafeRule, number][] = [
  ['commit-old-terms', 150],
  ['vote-any-log', 20],
  ['no-truncate', 40],
  ['snapshot-no-sessions', 6],
];
const NO_SESSIONS_BUDGET = 25;
const STALE_READS_BUDGET = 60;
const START = 1;
/**
 * Seeds whose failures the shrinking tests start from: the first of each kind
 * from seed 1, except where that one is slow to shrink or shrinks poorly within
 * 400 reruns: for no-truncate seed 9 (seed 3's takes 30 s; 9 shrinks to 7
 * commands in 12 s), for commit-old-terms seed 75 (seed 53's 99 commands only
 * halve; 75's 281 become 9), for no-sessions seed 7 (seed 3's script, shrunk
 * within 400 reruns, still had 50 lines; 7's has 23), and for the liveness failure of no-truncate seed
 * 22 (each rerun waits out the liveness bound: seed 5's took
 * 185 s).
 */
const SHRINK_SEEDS = { noTruncate: 9, commitOldTerms: 75, noTruncateLiveness: 22, noSessions: 7, staleReads: 5, snapshotNoSessions: 1 };

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

/**
 * The switches that break what clients see rather than the logs: the check at
 * the end of each case (is the history linearizable?) must catch them. Budgets
 * measured like the ones above (BUDGETS_MEASURED below).
 */
const CLIENT_BUDGETS: [UnsafeRule, number][] = [
  ['no-sessions', NO_SESSIONS_BUDGET],
  ['stale-reads', STALE_READS_BUDGET],
];

describe('each unsafe rule for clients yields a history that is not linearizable, within a fixed budget of seeds', { timeout: 60_000 }, () => {
  for (const [rule, budget] of CLIENT_BUDGETS) {
    it(`${rule}: a non-linearizable history within ${budget} seeds from seed ${START}, on a schedule the safe engine survives`, () => {
      let caught: number | null = null;
      for (let seed = START; seed < START + budget && caught === null; seed++) {
        const r = fuzzSeed(seed, options({ unsafe: [rule] }));
        // The logs stay safe: what breaks is what the clients were told.
        expect(r.failure?.kind ?? 'none', `${rule}, seed ${seed}`).not.toBe('invariant');
        if (r.failure?.kind === 'linearizability') caught = seed;
      }
      expect(caught, `${rule}: no violation in seeds ${START}..${START + budget - 1}`).not.toBeNull();
      const safe = fuzzSeed(caught!, options({}));
      expect(safe.failure).toBeNull();
      expect(safe.linearizability).toBe('ok');
    });
  }
});

describe('shrinking', { timeout: 60_000 }, () => {
  const cases: [string, UnsafeRule, number, 'invariant' | 'liveness' | 'linearizability'][] = [
    ['a safety violation', 'no-truncate', SHRINK_SEEDS.noTruncate, 'invariant'],
    ['a safety violation', 'commit-old-terms', SHRINK_SEEDS.commitOldTerms, 'invariant'],
    ['a liveness failure', 'no-truncate', SHRINK_SEEDS.noTruncateLiveness, 'liveness'],
    ['a history that is not linearizable', 'no-sessions', SHRINK_SEEDS.noSessions, 'linearizability'],
    ['a history that is not linearizable', 'stale-reads', SHRINK_SEEDS.staleReads, 'linearizability'],
    ['a snapshot without its sessions', 'snapshot-no-sessions', SHRINK_SEEDS.snapshotNoSessions, 'invariant'],
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

  it('the script of a shrunk non-linearizable history fails its last line, expect linearizable, in the scenario runner', () => {
    const seed = SHRINK_SEEDS.noSessions;
    const original = fuzzSeed(seed, options({ unsafe: ['no-sessions'] }));
    const small = shrink(original.schedule, original.failure!, 400);
    const f = small.result.failure!;
    expect(f.kind).toBe('linearizability');
    const script = reproScript(seed, small.result.schedule, small.result.tail, f);
    expect(script).toMatch(/^# raftviz fuzz, seed \d+: Linearizability\n/);
    expect(script).toContain('# operations on ');
    const lines = script.trimEnd().split('\n');
    expect(lines[lines.length - 1]).toBe('expect linearizable');
    expect(lines.length).toBeLessThan(40);
    const parsed = parseScript(script);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const run = runScript(parsed.script);
    expect(run.failure?.command).toBe('expect linearizable');
    expect(run.failure?.line).toBe(lines.length);
    expect(run.failure?.actual).toMatch(/^not linearizable: /);
    // With sessions on, the same script's history is linearizable.
    const safe = parseScript(script.replace(' unsafe=no-sessions', ''));
    if (!safe.ok) throw new Error(JSON.stringify(safe.errors));
    expect(runScript(safe.script).failure).toBeNull();
  });
});

/**
 * Membership changes without joint consensus (`unsafe=direct-change`, Figure
 * 10): a change of two servers or more at once lets C_old and C_new each have
 * a majority the other lacks. Measured over seeds 1..1000 (2,000 events each):
 * 22 seeds break a safety property, 21 of them Leader Completeness (a leader
 * elected by the old majority without what the new one committed), the first
 * from seed 1 being seed 31, then 39, 62, 88, 121, 166, 206; seed 62 breaks
 * Election Safety itself (two leaders in term 34). The budget covers the first
 * three breaks. Seed 31's schedule (637 commands) shrinks in 57 reruns to 7
 * commands: 3 servers, `change -n1,-n2` (C_new = n3 alone, which n3 commits by
 * itself) and a campaign of n1, which n1 and n2 elect without that entry.
 */
const DIRECT_CHANGE_FIRST = 31;
const DIRECT_CHANGE_BUDGET = 62;
const DIRECT_CHANGE_ELECTION = 62;
/** Commands (the `cluster` line included) in seed DIRECT_CHANGE_FIRST's schedule shrunk with at most 400 reruns. */
const DIRECT_CHANGE_SHRUNK = 7;

describe('membership changes without joint consensus (unsafe=direct-change)', { timeout: 90_000 }, () => {
  const direct = options({ unsafe: ['direct-change'] });

  it(`a safety violation within ${DIRECT_CHANGE_BUDGET} seeds from seed ${START}, on a schedule the safe engine survives`, () => {
    let caught: number | null = null;
    for (let seed = START; seed < START + DIRECT_CHANGE_BUDGET && caught === null; seed++) {
      if (fuzzSeed(seed, direct).failure?.kind === 'invariant') caught = seed;
    }
    expect(caught, `direct-change: no violation in seeds ${START}..${START + DIRECT_CHANGE_BUDGET - 1}`).not.toBeNull();
    expect(fuzzSeed(caught!, options({})).failure).toBeNull();
  });

  it(`seed ${DIRECT_CHANGE_ELECTION}: two leaders in one term, as in Figure 10; with joint consensus the same schedule is clean`, () => {
    const r = fuzzSeed(DIRECT_CHANGE_ELECTION, direct);
    expect(r.failure).toMatchObject({ kind: 'invariant', invariant: 'ElectionSafety' });
    // It took a change of several servers at once.
    expect(r.schedule.some((c) => c.kind === 'change' && c.request.how === 'joint' && c.request.add.length + c.request.remove.length >= 2)).toBe(true);
    expect(fuzzSeed(DIRECT_CHANGE_ELECTION, options({})).failure).toBeNull();
  });

  it(`the shrinker keeps the violation and yields a short script (${DIRECT_CHANGE_SHRUNK} commands), which the scenario runner replays to it`, () => {
    const seed = DIRECT_CHANGE_FIRST;
    const original = fuzzSeed(seed, direct);
    expect(original.failure?.kind).toBe('invariant');
    const small = shrink(original.schedule, original.failure!, 400);
    expect(failureKind(small.result.failure!)).toBe(failureKind(original.failure!));
    expect(small.commands.length).toBe(DIRECT_CHANGE_SHRUNK);
    expect(small.commands.length).toBeLessThan(original.schedule.length / 2);
    // The shrunk script still asks for a membership change: the break needs one.
    expect(small.commands.some((c) => c.kind === 'change')).toBe(true);
    const script = reproScript(seed, small.result.schedule, small.result.tail, small.result.failure!);
    const lines = script.trimEnd().split('\n');
    expect(lines[lines.length - 1]).toBe('expect safe');
    const parsed = parseScript(script);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const run = runScript(parsed.script);
    expect(run.failure?.command).toBe('expect safe');
    expect(run.failure?.line).toBe(lines.length);
    expect(run.failure?.actual).toContain(`first: ${failureKind(original.failure!)}`);
    // With joint consensus, the same script keeps every property.
    const safe = parseScript(script.replace(' unsafe=direct-change', ''));
    if (!safe.ok) throw new Error(JSON.stringify(safe.errors));
    expect(runScript(safe.script).failure).toBeNull();
  });
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
    expect(r.stdout).toMatch(/clean: 5 seeds, [\d,]+ events checked, [\d,]+ events\/s, [\d,]+ client operations \(linearizability unknown in 0 seeds\), wall [\d.]+ s/);
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

  it('--workers 2 gives every seed the outcome --workers 1 gives it, in seed order, and stops at the same first failure', () => {
    const cases = (args: string[]) => {
      const r = run([...args, '--each', '--json']);
      const doc = JSON.parse(r.stdout);
      return { code: r.code, cases: doc.cases as { seed: number }[], doc };
    };
    const clean = ['--seeds', '10', '--events', '300', '--seed-from', '5'];
    const one = cases([...clean, '--workers', '1']);
    const two = cases([...clean, '--workers', '2']);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(one.cases.map((c) => c.seed)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(two.cases).toEqual(one.cases);
    expect(two.doc.workers).toBe(2);
    // With a rule off: every seed before the first failure, then it, then nothing, and the same shrunk script.
    const failing = ['--seeds', '12', '--events', '300', '--unsafe', 'vote-any-log'];
    const f1 = cases([...failing, '--workers', '1']);
    const f2 = cases([...failing, '--workers', '2']);
    expect(f1.code).toBe(1);
    expect(f2.code).toBe(1);
    expect(f2.cases).toEqual(f1.cases);
    expect(f2.doc.failure.seed).toBe(f1.doc.failure.seed);
    expect(f2.doc.failure.script).toBe(f1.doc.failure.script);
    expect(f1.cases[f1.cases.length - 1]).toMatchObject({ seed: f1.doc.failure.seed, failure: f1.doc.failure.failureKind });
    expect(f1.cases.slice(0, -1).every((c) => (c as unknown as { failure: unknown }).failure === null)).toBe(true);
    // And as text, one line per seed.
    const text = run([...clean, '--workers', '2', '--each']);
    expect(text.stdout.split('\n').filter((l) => l.startsWith('seed '))).toHaveLength(10);
    expect(text.stdout).toMatch(/^seed 5: ok, [\d,]+ events, ([\d,]+ operations, linearizable|no client operations)$/m);
  });

  it('--want passes over failures of other kinds and stops at the first of its own: direct-change breaks Election Safety', () => {
    const r = run(['--seeds', '70', '--unsafe', 'direct-change', '--want', 'ElectionSafety', '--workers', '2', '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.failure).toMatchObject({ seed: 62, failureKind: 'ElectionSafety' });
    // The seeds before it that broke another property were run, counted and passed over.
    expect(doc.seeds).toBe(62);
    // Without a failure of the wanted kind, seeds that failed otherwise still make the run fail.
    const none = run(['--seeds', '35', '--unsafe', 'direct-change', '--want', 'Linearizability']);
    expect(none.code).toBe(1);
    expect(none.stdout).toMatch(/^no Linearizability failure: 35 seeds, .*passed over, failing otherwise than Linearizability: LeaderCompleteness in 1/m);
  });

  it('exits 2 on bad arguments, saying what is wrong', () => {
    for (const [args, message] of [
      [['--seeds', 'ten'], '--seeds takes a whole number'],
      [['--nodes', '12'], '--nodes must be between 1 and 9'],
      [['--unsafe', 'no-truncation'], 'unknown unsafe rule "no-truncation"'],
      [['--frobnicate'], 'unknown option --frobnicate'],
      [['--seeds'], '--seeds needs a value'],
      [['--workers', '0'], '--workers must be between 1 and 64'],
      [['--want', 'Safety'], '--want takes one of ElectionSafety'],
    ] as const) {
      const r = run([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });
});
