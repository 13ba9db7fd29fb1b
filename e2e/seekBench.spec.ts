/**
 * A measurement, not a check: how long seeking takes in a 100-simulated-second
 * recording, in the browser. Run on purpose: `npm run bench:browser`.
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
import { open } from './helpers.ts';

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

test('seeking in a 100-second recording', async ({ page }) => {
  test.setTimeout(120_000);
  const script = longScript();
  const fragment = `#v1.${compressToEncodedURIComponent(JSON.stringify({ script, cursor: { time: 0, event: 0 } }))}`;
  await open(page, fragment);
  const scrubberMax = async () => Number(await page.getByTestId('scrubber').getAttribute('max'));
  await expect.poll(scrubberMax, { timeout: 30_000 }).toBeGreaterThan(15_000);
  const length = await scrubberMax();

  const workerUrl = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .find((n) => /worker.*\.js$/.test(n)),
  );
  expect(workerUrl).toBeTruthy();

  const inWorker = await page.evaluate(
    async ({ url, script, seeks }) => {
      const w = new Worker(url!, { type: 'module' });
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
