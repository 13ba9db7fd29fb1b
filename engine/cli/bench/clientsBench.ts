/**
 * The engine with clients (§8): workload-clients-100s.txt, 5 clients issuing 100
 * operations per simulated second for 100 simulated seconds, timed from the
 * `cluster` line to the end of the linearizability check of the whole history
 * (the file's last line, `expect linearizable`). Target: at most 3× the
 * no-client workload of engineBench.ts.
 *
 * The two workloads are timed alternately in the same process, so that the
 * ratio compares runs made under the same load: on a shared machine a figure
 * measured a minute earlier says little about this one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScript } from '../../scenario/parse.ts';
import { historyOf, runScript } from '../../scenario/run.ts';
import type { Script } from '../../scenario/ast.ts';
import { workload } from './engineBench.ts';
import { gc } from './gc.ts';
import { median, round } from './stats.ts';

export const CLIENTS_WORKLOAD_FILE = join(import.meta.dirname, 'workload-clients-100s.txt');

export function clientsWorkload(): Script {
  const parsed = parseScript(readFileSync(CLIENTS_WORKLOAD_FILE, 'utf8'));
  if (!parsed.ok) throw new Error(`${CLIENTS_WORKLOAD_FILE}: ${JSON.stringify(parsed.errors)}`);
  return parsed.script;
}

export function benchClients(runs: number) {
  const withClients = clientsWorkload();
  const without = workload(100);
  /** One run of the client workload: the whole script (its last line checks linearizability), and that check alone. */
  const clientsOnce = () => {
    const t0 = performance.now();
    let checkStart = 0;
    const r = runScript(withClients, undefined, undefined, (cmd) => {
      if (cmd.kind === 'expect') checkStart = performance.now();
    });
    const t1 = performance.now();
    if (r.failure !== null) throw new Error(`clients bench: ${r.failure.command} failed: ${r.failure.actual}`);
    return { ms: t1 - t0, checkMs: t1 - checkStart, state: r.session.cluster! };
  };
  const plainOnce = (): number => {
    const t0 = performance.now();
    runScript(without);
    return performance.now() - t0;
  };
  clientsOnce(); // warm up the JIT
  plainOnce();
  const clients: number[] = [];
  const checks: number[] = [];
  const plain: number[] = [];
  let last = null as ReturnType<typeof clientsOnce> | null;
  for (let i = 0; i < runs; i++) {
    gc();
    last = clientsOnce();
    clients.push(last.ms);
    checks.push(last.checkMs);
    gc();
    plain.push(plainOnce());
  }
  const s = last!.state;
  const ops = historyOf(s);
  const ratio = median(clients) / median(plain);
  return {
    workload: { nodes: 5, clients: 5, simulatedSeconds: 100, opsPerSecond: 100, keys: 10, readsPercent: 50, reads: 'log', invariants: true, linearizability: true },
    runs,
    medianMs: round(median(clients)),
    checkMedianMs: round(median(checks)),
    noClientMedianMs: round(median(plain)),
    ratio: round(ratio),
    events: s.event,
    operations: ops.length,
    answered: ops.filter((o) => o.result !== null).length,
    violations: s.violations.length,
    target: { ratio: 3 },
    met: ratio <= 3 && s.violations.length === 0,
  };
}
