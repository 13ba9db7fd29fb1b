/**
 * The browser half of `npm run bench`: a measurement, not a test. Speed targets
 * live in the benchmark's report, never in assertions (the machines are shared
 * and noisy). Skipped unless BENCH_OUT names the JSON file to write:
 *
 *   BENCH_OUT=/tmp/bench-browser.json E2E_PORT=4411 npx playwright test e2e/bench.spec.ts --reporter=list
 *
 * Three figures, measured one after the other in one worker (serial), against
 * the production build:
 * - cluster9: 9 nodes at the top speed under a steady client load, for 10 wall
 *   seconds: frame intervals, long tasks, and the main thread's busy share;
 * - longLog: a run whose logs hold 10,000 entries: opening it, scrolling the
 *   log view from start to end, and playing on;
 * - firstCluster: fresh page loads, to the first node drawn;
 * - soak: nine nodes at 10× with a client request every 100 ms and a crash or
 *   restart every 20 s of wall time, until SOAK_SIM_MINUTES simulated minutes
 *   (20 by default: two wall minutes at 10×, longer on a machine that cannot
 *   keep up; at most SOAK_MAX_SECONDS, 300), sampling the page's and the worker's
 *   heaps after a full GC (heapUsage.ts). engine/cli/bench/soak.ts fits the
 *   samples and extrapolates them to an hour.
 * Times are milliseconds, rounded to 0.1 ms. engine/cli/bench reads the keys.
 */
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { heapReader } from './heapUsage.ts';
import { open, openPlaying, play, waitForLeader } from './helpers.ts';
import { LONG_LOG_ENTRIES, LONG_LOG_LENGTH, longLogLink } from './longLogRun.ts';

test.skip(!process.env.BENCH_OUT, 'set BENCH_OUT=<file.json> to measure');
// One after the other: two measurements at once on two cores would measure each other.
test.describe.configure({ mode: 'serial' });

interface Spread {
  p50: number;
  p95: number;
  max: number;
}
interface LongTasks {
  count: number;
  maxMs: number;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Nearest-rank percentiles of frame intervals. */
function spread(xs: readonly number[]): Spread {
  if (xs.length === 0) return { p50: 0, p95: 0, max: 0 };
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { p50: round1(at(0.5)), p95: round1(at(0.95)), max: round1(s[s.length - 1]) };
}

const longTasks = (durations: readonly number[]): LongTasks => ({ count: durations.length, maxMs: round1(Math.max(0, ...durations)) });

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Frame intervals for `ms` of wall time, or for `frames` frames, and the long
 * tasks (> 50 ms) seen meanwhile. With `scroll-log`, each frame moves the log
 * view 1/frames of its width on, so the last frame reaches its end.
 */
async function watchFrames(page: Page, options: { ms?: number; frames?: number; action?: 'scroll-log' }): Promise<{ intervals: number[]; longTasks: number[] }> {
  return page.evaluate(
    ({ ms, frames, action }) =>
      new Promise<{ intervals: number[]; longTasks: number[] }>((resolve) => {
        const tasks: number[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) tasks.push(e.duration);
        });
        observer.observe({ type: 'longtask' });
        const scroller = document.querySelector<HTMLElement>('.log-scroller');
        const intervals: number[] = [];
        let start = -1;
        let last = 0;
        let n = 0;
        const tick = (now: number) => {
          if (start < 0) start = now;
          else intervals.push(now - last);
          last = now;
          const done = frames !== undefined ? n >= frames : now - start >= ms!;
          if (!done) {
            n++;
            if (action === 'scroll-log' && scroller !== null) scroller.scrollLeft = (n / frames!) * (scroller.scrollWidth - scroller.clientWidth);
            requestAnimationFrame(tick);
            return;
          }
          // Long tasks are reported after they end: give the last frame's a moment to arrive.
          setTimeout(() => {
            observer.disconnect();
            resolve({ intervals, longTasks: tasks });
          }, 100);
        };
        requestAnimationFrame(tick);
      }),
    options,
  );
}

interface Results {
  chromium?: string;
  cluster9?: unknown;
  longLog?: unknown;
  firstCluster?: unknown;
  soak?: unknown;
}
const results: Results = {};

test.afterAll(() => {
  // One file with every section, or none: a partial file would read as a finished benchmark.
  if (results.cluster9 && results.longLog && results.firstCluster && results.soak) writeFileSync(process.env.BENCH_OUT!, `${JSON.stringify(results, null, 2)}\n`);
});

test('cluster9: 9 nodes at top speed under client load', async ({ page, browser }) => {
  test.setTimeout(120_000);
  results.chromium = browser.version();
  await openPlaying(page);
  await page.getByTestId('node-count').selectOption('9');
  await page.getByTestId('node-n9').waitFor();
  await page.getByTestId('speed').fill('1'); // log10(10×): the top speed
  await waitForLeader(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    return { task: get('TaskDuration'), at: get('Timestamp') };
  };
  const eventNow = async () => Number(await page.getByTestId('sim-time').getAttribute('data-event'));

  const event0 = await eventNow();
  const before = await metrics();
  const figures = await page.evaluate(
    () =>
      new Promise<{ intervals: number[]; longTasks: number[]; requests: number }>((resolve) => {
        const tasks: number[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) tasks.push(e.duration);
        });
        observer.observe({ type: 'longtask' });
        // A steady client load: one request to the leader every 50 ms of wall time.
        let requests = 0;
        const load = setInterval(() => {
          requests++;
          window.dispatchEvent(new KeyboardEvent('keydown', { key: 'c' }));
        }, 50);
        const intervals: number[] = [];
        const start = performance.now();
        let last = start;
        const tick = (now: number) => {
          intervals.push(now - last);
          last = now;
          if (now - start < 10_000) return void requestAnimationFrame(tick);
          clearInterval(load);
          setTimeout(() => {
            observer.disconnect();
            resolve({ intervals, longTasks: tasks, requests });
          }, 100);
        };
        requestAnimationFrame(tick);
      }),
  );
  const after = await metrics();
  const event1 = await eventNow();
  results.cluster9 = {
    wallSeconds: 10,
    frames: figures.intervals.length,
    frameMs: spread(figures.intervals),
    longTasks: longTasks(figures.longTasks),
    mainThreadBusy: Math.round(((after.task - before.task) / (after.at - before.at)) * 100) / 100,
    eventsSimulated: event1 - event0,
    requests: figures.requests,
  };
  console.log('cluster9', JSON.stringify(results.cluster9));
});

test('longLog: a run with 10,000 entries per log', async ({ page }) => {
  test.setTimeout(300_000);
  const link = longLogLink();
  const last = `[data-testid="entry-n1-${LONG_LOG_LENGTH}"]`;
  // From navigation start: the moment n1's last entry is in the DOM, then the
  // end of the frame that draws it (a message posted from requestAnimationFrame
  // runs after that frame's paint). Long tasks meanwhile are kept too.
  await page.addInitScript((selector) => {
    const w = window as unknown as { __longLog: { openAt: number; paintAt: number; longTasks: number[] } };
    w.__longLog = { openAt: 0, paintAt: 0, longTasks: [] };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longLog.longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
    const seen = new MutationObserver((records) => {
      // Only the added subtrees are searched, so the watching costs little beside the page's own work.
      const found = records.some((r) => [...r.addedNodes].some((n) => n instanceof Element && (n.matches(selector) || n.querySelector(selector) !== null)));
      if (!found) return;
      seen.disconnect();
      w.__longLog.openAt = performance.now();
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => (w.__longLog.paintAt = performance.now());
        ch.port2.postMessage(null);
      });
    });
    seen.observe(document, { childList: true, subtree: true });
  }, last);
  await page.goto(`./${link}`);
  await page.waitForFunction(() => (window as unknown as { __longLog: { paintAt: number } }).__longLog.paintAt > 0, undefined, { timeout: 120_000 });
  const opened = await page.evaluate(() => (window as unknown as { __longLog: { openAt: number; paintAt: number; longTasks: number[] } }).__longLog);
  await expect(page.getByTestId('notice')).toHaveCount(0);

  // From the start of the logs to their end, one step per frame.
  const scroller = page.locator('.log-scroller');
  await scroller.evaluate((el) => (el.scrollLeft = 0));
  await page.waitForTimeout(500);
  const scroll = await watchFrames(page, { frames: 60, action: 'scroll-log' });

  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('play-pause')).toHaveAttribute('data-playing', 'true');
  const play = await watchFrames(page, { ms: 3000 });
  await page.getByTestId('play-pause').click();

  results.longLog = {
    entries: LONG_LOG_ENTRIES,
    openMs: round1(opened.openAt),
    firstPaintMs: round1(opened.paintAt),
    openLongTasks: longTasks(opened.longTasks),
    scroll: { frames: scroll.intervals.length, frameMs: spread(scroll.intervals), longTasks: scroll.longTasks.length, longTaskMaxMs: round1(Math.max(0, ...scroll.longTasks)) },
    playFrameMs: spread(play.intervals),
    playLongTasks: longTasks(play.longTasks),
    domCells: await page.locator('[data-testid^="entry-"]').count(),
  };
  console.log('longLog', JSON.stringify(results.longLog));
});

test('firstCluster: fresh page loads to the first node drawn', async ({ context }) => {
  test.setTimeout(120_000);
  await context.addInitScript(() => {
    const w = window as unknown as { __firstNode: number };
    w.__firstNode = 0;
    const seen = new MutationObserver(() => {
      if (document.querySelector('[data-testid="node-n1"]') === null) return;
      seen.disconnect();
      w.__firstNode = performance.now();
    });
    seen.observe(document, { childList: true, subtree: true });
  });
  const values: number[] = [];
  for (let i = 0; i < 7; i++) {
    const page = await context.newPage();
    await page.goto('./');
    await page.waitForFunction(() => (window as unknown as { __firstNode: number }).__firstNode > 0);
    values.push(round1(await page.evaluate(() => (window as unknown as { __firstNode: number }).__firstNode)));
    await page.close();
  }
  results.firstCluster = { runs: values.length, medianMs: round1(median(values)), values };
  console.log('firstCluster', JSON.stringify(results.firstCluster));
});

test('soak: nine nodes at 10× for a while, with crashes and restarts: the heaps after GC', async ({ page }) => {
  const simMinutes = Number(process.env.SOAK_SIM_MINUTES ?? 20);
  const maxSeconds = Number(process.env.SOAK_MAX_SECONDS ?? 300);
  const sampleEvery = 8;
  test.setTimeout((maxSeconds + 120) * 1000);
  await open(page);
  await page.getByTestId('node-count').selectOption('9');
  await page.getByTestId('node-n9').waitFor();
  await page.getByTestId('speed').fill('1'); // 10×
  await play(page);
  await waitForLeader(page);
  const heaps = await heapReader(page);
  const clock = async () => {
    const el = page.getByTestId('sim-time');
    return { simMs: Number(await el.getAttribute('data-ms')), events: Number(await el.getAttribute('data-event')) };
  };
  // A client request to the leader every 100 ms of wall time, from inside the page so it keeps time.
  await page.evaluate(() => {
    (window as unknown as { __soakLoad: number }).__soakLoad = window.setInterval(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'c' })), 100);
  });
  const samples: { wallS: number; simMs: number; events: number; pageBytes: number; workerBytes: number }[] = [];
  const t0 = Date.now();
  const sample = async () => {
    const [pageBytes, workerBytes] = [await heaps.page(), await heaps.worker()];
    samples.push({ wallS: round1((Date.now() - t0) / 1000), ...(await clock()), pageBytes, workerBytes });
  };
  await sample();
  // Every 20 s a follower crashes, and 20 s later it restarts; the next crash takes another one.
  let faults = 0;
  let down: string | null = null;
  let nextFault = 20;
  let nextSample = sampleEvery;
  for (let now = 0; now < maxSeconds && samples.at(-1)!.simMs < simMinutes * 60_000; now = (Date.now() - t0) / 1000) {
    if (now >= nextFault) {
      const id: string = down ?? `n${2 + (faults % 8)}`;
      await page.getByTestId(`node-${id}`).click();
      await page.getByTestId(down === null ? 'action-crash' : 'action-restart').click();
      down = down === null ? id : null;
      faults++;
      nextFault += 20;
    }
    if (now >= nextSample) {
      await sample();
      nextSample += sampleEvery;
    }
    await page.waitForTimeout(250);
  }
  await page.evaluate(() => window.clearInterval((window as unknown as { __soakLoad: number }).__soakLoad));
  await sample();
  results.soak = { faults, samples };
  console.log('soak', JSON.stringify(results.soak));
});
