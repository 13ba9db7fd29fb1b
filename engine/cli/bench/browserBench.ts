/**
 * The browser half of the benchmark: Playwright against the production build in
 * headless Debian Chromium (e2e/bench.spec.ts does the measuring and writes its
 * figures to a file). Needs the browser; reported as skipped without it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type BrowserFigures = Record<string, unknown>;

export function benchBrowser(port: number): BrowserFigures | { skipped: string } {
  const browser = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(browser)) return { skipped: `no Chromium at ${browser} (set CHROMIUM_PATH)` };
  const out = join(mkdtempSync(join(tmpdir(), 'raftviz-bench-')), 'browser.json');
  const r = spawnSync('npx', ['playwright', 'test', 'e2e/bench.spec.ts', '--reporter=line'], {
    env: { ...process.env, BENCH_OUT: out, E2E_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  if (!existsSync(out)) return { skipped: `the browser benchmark failed (exit ${r.status}): ${(r.stdout + r.stderr).trim().split('\n').slice(-8).join(' | ')}` };
  return JSON.parse(readFileSync(out, 'utf8')) as BrowserFigures;
}
