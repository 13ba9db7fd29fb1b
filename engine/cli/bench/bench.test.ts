import { describe, expect, it } from 'vitest';
import { entryScripts } from './loadBench.ts';
import { formatTable } from './table.ts';
import { median, quantile } from './stats.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workload } from './engineBench.ts';
import { parseScript } from '../../scenario/parse.ts';
import { linearFit, soakFigures } from './soak.ts';
import { clientsWorkload } from './clientsBench.ts';

describe('the benchmark report', () => {
  it('workload-100s.txt, the fresh-process run of the engine benchmark, is the benchmark\'s workload', () => {
    const parsed = parseScript(readFileSync(join(import.meta.dirname, 'workload-100s.txt'), 'utf8'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const strip = (cs: readonly object[]) => cs.map((c) => ({ ...c, line: 0, col: 0 }));
    expect(strip(parsed.script.commands)).toEqual(strip(workload(100).commands));
  });

  it('workload-clients-100s.txt is 5 clients issuing 100 operations per simulated second for 100 s, and ends by checking linearizability', () => {
    const commands = clientsWorkload().commands;
    const cluster = commands[0];
    if (cluster.kind !== 'cluster') throw new Error('starts with its cluster line');
    // The same cluster as the no-client workload, plus the clients.
    const plain = workload(1).commands[0];
    expect(cluster.config).toEqual({ ...(plain as typeof cluster).config, clients: 5 });
    expect(commands.slice(1).map((c) => c.kind)).toEqual(['workload', 'run', 'expect']);
    expect(commands[1]).toMatchObject({ kind: 'workload', ops: 10_000, rate: 100 });
    expect(commands[2]).toMatchObject({ kind: 'run', ms: 100_000 });
    expect(commands[3]).toMatchObject({ kind: 'expect', check: { what: 'linearizable' } });
  });

  it('finds the scripts a built index.html loads first', () => {
    const html = `<script type="module" crossorigin src="./assets/index-A1.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/vendor-B2.js">
      <link rel="stylesheet" href="./assets/index-C3.css">`;
    expect(entryScripts(html)).toEqual(['assets/index-A1.js', 'assets/vendor-B2.js']);
  });

  it('medians and quantiles', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBe(10);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(6);
  });

  it('fits a line through the heap samples and carries it on to an hour at 10×', () => {
    expect(linearFit([[0, 1], [1, 3], [2, 5]])).toEqual({ slope: 2, intercept: 1 });
    const MiB = 2 ** 20;
    // The worker grows 0.1 MB per simulated minute from 10 MB, the page stays at 8 MB; the first half (warming up) is left out of the fit.
    const samples = [0, 1, 2, 3, 4, 5].map((m) => ({ wallS: m * 6, simMs: m * 60_000, events: m * 20_000, workerBytes: (m < 2 ? 30 : 10 + 0.1 * m) * MiB, pageBytes: (m < 3 ? 4 : 8) * MiB }));
    const f = soakFigures(samples);
    expect(f.simulatedMinutes).toBe(5);
    expect(f.worker.MBPerSimMinute).toBeCloseTo(0.1, 3);
    expect(f.worker.hourAt10xMB).toBeCloseTo(70, 1);
    expect(f.page.MBPerSimMinute).toBe(0);
    expect(f.page.hourAt10xMB).toBe(8);
  });

  it('the table says which targets are missed', () => {
    const report = {
      machine: { cpus: 2, model: 'Test CPU', node: 'v20' },
      engine: { medianMs: 120, eventsPerSecond: 200000, heapGrowthMB: 1, met: false },
      membership: { medianMs: 130, withoutChangesMs: 90, ratio: 1.44, eventRatio: 1.44, changes: [{ asked: 'change +n4,+n5', simulatedMs: 224 }, { asked: 'change -n4,-n5', simulatedMs: null }], met: false },
      recording: { seekMedianMs: 1, seekP95Ms: 2, recordingHeapMB: 4, met: true },
      growth: { points: [{ simSeconds: 10, engineMs: 10, recordingMB: 0.2, events: 2675 }], steps: [{ from: 10, to: 100, engine: 1.1, recordingMemory: 1.2 }, { from: 100, to: 1000, engine: 1, recordingMemory: 2.5 }] },
      clients: { workload: { clients: 5, opsPerSecond: 100, simulatedSeconds: 100 }, medianMs: 400, checkMedianMs: 50, operations: 10000, events: 90000, ratio: 4.5, noClientMedianMs: 89, met: false },
      compaction: {
        workload: { clients: 5, opsPerSecond: 100, simulatedSeconds: 1000, snapshot: 1000 },
        straight: { longestLogHeld: 1003, snapshotsTaken: 424, installSnapshotsSent: 36, wallMs: 7900, events: 864050 },
        recording: { MB: 99.7, MBPerSimSecond: 0.086, growthRatioSecondHalfToFirst: 1.09, checkpoints: 426 },
        seek: { medianMs: 17.5, p95Ms: 53 },
      },
      fuzz: { eventsPerSecond: 250000, met: true },
      linearize: { workload: { ops: 2000, clients: 9, keys: 10 }, medianMs: 250, met: false },
      browser: { skipped: '--no-browser' },
      load: { initialJs: { gzipKB: 130, rawKB: 400 }, withWorker: { gzipKB: 150, rawKB: 470 }, met: false },
    };
    const table = formatTable(report);
    expect(table).toContain('machine: 2 × Test CPU, Node v20');
    expect(table).toMatch(/engine: 100 s workload.*120 ms.*≤ 100 ms.*NO/);
    expect(table).toMatch(/seek in the recording.*yes/);
    expect(table).toMatch(/membership: 3 → 5 → 3 servers.*130 ms against 90 ms: ×1\.44 for ×1\.44 the events; simulated change \+n4,\+n5 224 ms, change -n4,-n5 — ms.*NO/);
    expect(table).toMatch(/10 s → 100 s.*×1\.1.*×1\.2.*yes/);
    expect(table).toMatch(/100 s → 1000 s.*×1,.*×2\.5.*NO/);
    expect(table).toMatch(/linearizability check, 2,000 ops, 9 clients, 10 keys: median.*250 ms.*≤ 200 ms.*NO/);
    expect(table).toMatch(/engine with 5 clients, 100 ops\/s for 100 s: run \+ linearizability check.*400 ms.*×4\.5 the no-client workload.*89 ms.*≤ ×3.*NO/);
    expect(table).toMatch(/log compaction, 5 clients, 100 ops\/s for 1000 s, snapshot=1000: longest log held.*1,003 entries.*yes/);
    expect(table).toMatch(/log compaction: recording memory.*×1\.09.*linear.*yes/);
    expect(table).toMatch(/log compaction: seek anywhere.*17\.5 \/ 53 ms.*≤ 16 ms median.*NO/);
    expect(table).toMatch(/browser.*skipped: --no-browser/);
    expect(table).toMatch(/initial JS.*130 KB.*NO/);
  });
});
