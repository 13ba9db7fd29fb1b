/**
 * What a first visit downloads before the cluster can be drawn: the production
 * build's entry script with the modules it preloads, and the simulation
 * worker, which the page starts at once. Sizes raw and gzipped (level 9, what a
 * static host typically serves). The time to the first drawn cluster is measured
 * in the browser (browserBench.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { round } from './stats.ts';

const KB = 1024;

interface Asset {
  readonly file: string;
  readonly rawKB: number;
  readonly gzipKB: number;
}

function asset(dist: string, file: string): Asset {
  const bytes = readFileSync(join(dist, file));
  return { file, rawKB: round(bytes.length / KB, 1), gzipKB: round(gzipSync(bytes, { level: 9 }).length / KB, 1) };
}

/** Scripts index.html loads: its module entry and every modulepreload. */
export function entryScripts(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)) found.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)) found.add(m[1]);
  return [...found].map((src) => src.replace(/^\.?\//, ''));
}

export function benchLoad(dist: string) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const main = entryScripts(html).map((f) => asset(dist, f));
  // The worker is a separate file the entry names; the page starts it before drawing anything.
  const workerFiles = new Set<string>();
  for (const f of main) {
    const dir = f.file.slice(0, f.file.lastIndexOf('/') + 1);
    for (const m of readFileSync(join(dist, f.file), 'utf8').matchAll(/\b(worker-[\w-]+\.js)/g)) workerFiles.add(`${dir}${m[1]}`);
  }
  const worker = [...workerFiles].map((f) => asset(dist, f));
  const sum = (xs: Asset[], k: 'rawKB' | 'gzipKB'): number => round(xs.reduce((a, x) => a + x[k], 0), 1);
  const mainGzip = sum(main, 'gzipKB');
  return {
    main,
    worker,
    initialJs: { rawKB: sum(main, 'rawKB'), gzipKB: mainGzip },
    withWorker: { rawKB: round(sum(main, 'rawKB') + sum(worker, 'rawKB'), 1), gzipKB: round(mainGzip + sum(worker, 'gzipKB'), 1) },
    target: { initialJsGzipKB: 120 },
    met: mainGzip <= 120,
  };
}
