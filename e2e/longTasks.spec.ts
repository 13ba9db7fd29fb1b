/**
 * A measurement, not a check (targets belong in benchmarks, not timed tests):
 * 9 nodes playing at the top speed under a steady client load, for 10 wall seconds.
 * Reports frame intervals and long tasks (> 50 ms) seen by a PerformanceObserver.
 * Run on purpose: PERF=1 npx playwright test longTasks
 */
import { test } from '@playwright/test';
import { open, waitForLeader } from './helpers.ts';

test.skip(!process.env.PERF, 'set PERF=1 to measure');

test('9 nodes at top speed under client load: frames and long tasks', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, '');
  await page.getByTestId('node-count').selectOption('9');
  await page.getByTestId('node-n9').waitFor();
  await page.getByTestId('speed').fill('1'); // log10(10×): the top speed
  await waitForLeader(page);
  const figures = await page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve) => {
        const longTasks: number[] = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) longTasks.push(e.duration);
        }).observe({ type: 'longtask' });
        // A steady client load: one request to the leader every 50 ms of wall time.
        const load = setInterval(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'c' })), 50);
        const intervals: number[] = [];
        const start = performance.now();
        let last = start;
        const tick = (now: number) => {
          intervals.push(now - last);
          last = now;
          if (now - start < 10_000) requestAnimationFrame(tick);
          else {
            clearInterval(load);
            const sorted = [...intervals].sort((a, b) => a - b);
            const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
            resolve({
              frames: intervals.length,
              p50: q(0.5),
              p95: q(0.95),
              max: sorted[sorted.length - 1],
              longTasks: longTasks.length,
              longestTask: Math.max(0, ...longTasks),
            });
          }
        };
        requestAnimationFrame(tick);
      }),
  );
  // The row says its length: past 300 columns the view draws only the cells in view.
  const entries = Number(await page.getByTestId('log-row-n1').getAttribute('data-length'));
  console.log(JSON.stringify({ ...figures, entriesOnN1: entries }));
});
