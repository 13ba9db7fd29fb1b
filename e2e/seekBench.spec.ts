/**
 * Measurements, not checks: how long opening a 10,000-command link takes, and
 * how long seeking takes in a 100-simulated-second recording, in the browser.
 * Run on purpose: `npm run bench:seek`.
 *
 * Two figures:
 * - in the worker: the app's own worker script, started on its own, answering
 *   `seek` messages (round trip from postMessage to the reply, so it includes
 *   the structured clone of the snapshot both ways);
 * - on screen: dragging the scrubber, until the page shows the new moment
 *   (worker, snapshot, store and React render together).
 */
import { expect, test } from '@playwright/test';
import { createRequire } from 'node:module';
import { open, openPlaying } from './helpers.ts';

test.skip(!process.env.PERF, 'set PERF=1 to measure');

const { compressToEncodedURIComponent } = createRequire(import.meta.url)('lz-string') as typeof import('lz-string');

/** 100 simulated seconds with client requests, a crash and a partition in them. */
function longScript(): string {
  const lines = ['cluster nodes=5 seed=7'];
  for (let s = 0; s < 100; s++) {
    lines.push('run 1s', `propose leader v${s + 1}`);
    if (s === 30) lines.push('crash n2');
    if (s === 40) lines.push('restart n2');
    if (s === 60) lines.push('partition n1,n2 | n3,n4,n5');
    if (s === 70) lines.push('heal');
  }
  return lines.join('\n');
}

const SEEKS = 200;

/** 10,000 commands: requests, faults and steps, with a little time between them. */
function manyCommands(): string {
  const lines = ['cluster nodes=5 seed=3', 'run 1s'];
  for (let i = 0; lines.length < 10_001; i++) {
    const k = i % 8;
    if (k === 0) lines.push(`propose leader v${i}`);
    else if (k === 1) lines.push('run 25ms');
    else if (k === 2) lines.push('step 3');
    else if (k === 3) lines.push(i % 64 === 3 ? 'cut n1 n2' : 'run 5ms');
    else if (k === 4) lines.push(i % 64 === 4 ? 'heal' : 'step');
    else if (k === 5) lines.push(i % 128 === 5 ? 'crash n4' : 'run 10ms');
    else if (k === 6) lines.push(i % 128 === 6 ? 'run 300ms' : 'step 2');
    else lines.push(i % 128 === 7 ? 'restart n4' : 'run 15ms');
  }
  return lines.join('\n');
}

/** The app's worker script, as the page loaded it. */
async function workerUrlOf(page: import('@playwright/test').Page): Promise<string> {
  const url = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .find((n) => /worker.*\.js$/.test(n)),
  );
  expect(url).toBeTruthy();
  return url!;
}

test('opening a link of 10,000 commands', async ({ page }) => {
  test.setTimeout(120_000);
  await openPlaying(page);
  const script = manyCommands();
  const url = await workerUrlOf(page);
  const runs = await page.evaluate(
    async ({ url, script }) => {
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const w = new Worker(url, { type: 'module' });
        const next = () => new Promise<{ kind: string }>((r) => (w.onmessage = (e) => r(e.data)));
        await next(); // ready
        const t0 = performance.now();
        w.postMessage({ kind: 'load', text: script });
        while ((await next()).kind !== 'loaded');
        times.push(performance.now() - t0);
        w.terminate();
      }
      return times.sort((a, b) => a - b);
    },
    { url, script },
  );
  const fragment = `#v1.${compressToEncodedURIComponent(JSON.stringify({ script, cursor: { time: 0, event: 0 } }))}`;
  const t0 = Date.now();
  await page.goto(`./${fragment}`);
  await expect(page.getByTestId('time-travel-where')).toContainText('event 0 of', { timeout: 30_000 });
  const endToEnd = Date.now() - t0;
  console.log(`10,000 commands (${script.length} chars, link ${fragment.length} chars): replay in the worker median ${runs[3].toFixed(1)} ms (min ${runs[0].toFixed(1)}, max ${runs[6].toFixed(1)}, 7 runs); page load to the moment shown ${endToEnd} ms`);
});

test('seeking in a 100-second recording', async ({ page }) => {
  test.setTimeout(120_000);
  const script = longScript();
  const fragment = `#v1.${compressToEncodedURIComponent(JSON.stringify({ script, cursor: { time: 0, event: 0 } }))}`;
  await open(page, fragment);
  const scrubberMax = async () => Number(await page.getByTestId('scrubber').getAttribute('max'));
  await expect.poll(scrubberMax, { timeout: 30_000 }).toBeGreaterThan(15_000);
  const length = await scrubberMax();

  const workerUrl = await workerUrlOf(page);

  const inWorker = await page.evaluate(
    async ({ url, script, seeks }) => {
      const w = new Worker(url, { type: 'module' });
      const next = () => new Promise<{ kind: string; snapshot?: { timeline: { length: number } } }>((r) => (w.onmessage = (e) => r(e.data)));
      await next(); // ready
      w.postMessage({ kind: 'load', text: script });
      let reply = await next();
      while (reply.kind !== 'snapshot') reply = await next();
      const length = reply.snapshot!.timeline.length;
      await next(); // loaded
      const times: number[] = [];
      let x = 12345;
      for (let i = 0; i < seeks; i++) {
        x = (x * 1103515245 + 12345) % 2147483648;
        const t0 = performance.now();
        w.postMessage({ kind: 'seek', position: x % length });
        await next();
        times.push(performance.now() - t0);
      }
      w.terminate();
      return times;
    },
    { url: workerUrl, script, seeks: SEEKS },
  );

  const onScreen = await page.evaluate(async (seeks) => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="scrubber"]')!;
    const clock = document.querySelector<HTMLElement>('[data-testid="sim-time"]')!;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const max = Number(input.max);
    const times: number[] = [];
    let x = 777;
    for (let i = 0; i < seeks; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const target = String(x % max);
      if (clock.dataset.event === target) continue;
      const t0 = performance.now();
      const shown = new Promise<void>((resolve) => {
        const o = new MutationObserver(() => {
          if (clock.dataset.event === target) {
            o.disconnect();
            resolve();
          }
        });
        o.observe(clock, { attributes: true });
      });
      setValue.call(input, target);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await shown;
      // Until the frame that shows it is painted.
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      times.push(performance.now() - t0);
    }
    return times;
  }, SEEKS);

  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))].toFixed(2);
    return `median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${s[s.length - 1].toFixed(2)} ms over ${s.length}`;
  };
  console.log(`recording: ${length} events, 100 simulated seconds`);
  console.log(`seek in the worker (round trip): ${stats(inWorker)}`);
  console.log(`seek on screen (scrubber to painted frame): ${stats(onScreen)}`);
});
