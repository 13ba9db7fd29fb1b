/**
 * A measurement, not a check: with hundreds of log entries on every node, how
 * smoothly does the page animate while playing? Run on purpose:
 * PERF=1 npx playwright test perf
 */
import { expect, test } from '@playwright/test';
import { open, pause, play, waitForLeader } from './helpers.ts';

test.skip(!process.env.PERF, 'set PERF=1 to measure');

test('frame rate with 400 entries per node', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page, '');
  await waitForLeader(page);
  await pause(page);
  const t0 = Date.now();
  for (let i = 0; i < 400; i++) await page.keyboard.press('c');
  const proposeMs = Date.now() - t0;
  // The row says its length: past 300 columns the view draws only the cells in view.
  await expect(page.getByTestId('log-row-n1')).toHaveAttribute('data-length', '401', { timeout: 60_000 });
  await play(page);
  await expect(page.getByTestId('entry-n5-401')).toHaveAttribute('data-committed', 'true', { timeout: 60_000 });
  const frames = await page.evaluate(
    () =>
      new Promise<{ frames: number; worst: number; longTasks: number }>((resolve) => {
        let frames = 0;
        let worst = 0;
        let last = performance.now();
        let longTasks = 0;
        new PerformanceObserver((list) => (longTasks += list.getEntries().length)).observe({ type: 'longtask' });
        const start = last;
        const tick = (now: number) => {
          frames++;
          worst = Math.max(worst, now - last);
          last = now;
          if (now - start < 3000) requestAnimationFrame(tick);
          else resolve({ frames, worst, longTasks });
        };
        requestAnimationFrame(tick);
      }),
  );
  console.log(`400 proposals (one keypress each): ${proposeMs} ms; while playing: ${frames.frames} frames in 3 s, worst frame ${frames.worst.toFixed(1)} ms, ${frames.longTasks} long tasks`);
  await page.getByTestId('speed').fill('1');
  const fast = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let frames = 0;
        const start = performance.now();
        const tick = (now: number) => {
          frames++;
          if (now - start < 3000) requestAnimationFrame(tick);
          else resolve(frames);
        };
        requestAnimationFrame(tick);
      }),
  );
  console.log(`at 10x: ${fast} frames in 3 s`);
});
