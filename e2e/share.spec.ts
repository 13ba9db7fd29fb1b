/**
 * Share: a link carries the recorded run; opening it in a fresh page rebuilds
 * exactly the same state, paused. A link that cannot be read says why and opens
 * the default cluster.
 */
import { expect, test, type Page } from '@playwright/test';
import { createRequire } from 'node:module';
import { linkId, open, openPlaying, pause, play, waitForLeader } from './helpers.ts';
import { pageState } from './pageState.ts';

// lz-string is CommonJS, whose named exports Node's ESM loader cannot see; the app gets them through Vite.
const { compressToEncodedURIComponent } = createRequire(import.meta.url)('lz-string') as typeof import('lz-string');

/** Act through the UI: elect a leader, crash a follower, cut a link, send requests, leave messages in flight. */
async function makeARun(page: Page): Promise<void> {
  await openPlaying(page);
  const leader = await waitForLeader(page);
  await pause(page);
  const others = ['n1', 'n2', 'n3', 'n4', 'n5'].filter((id) => id !== leader.id);
  await page.getByTestId(`node-${others[0]}`).click();
  await page.getByTestId('action-crash').click();
  await page.getByTestId(linkId(leader.id, others[1])).click();
  await page.getByTestId('propose-leader').click();
  await expect(page.getByTestId('script')).toHaveText(/propose leader v1$/);
  await play(page);
  await expect.poll(async () => Number(await page.getByTestId('sim-time').getAttribute('data-ms'))).toBeGreaterThan(400);
  await page.getByTestId('propose-leader').click();
  await pause(page);
  for (let i = 0; i < 3; i++) await page.getByTestId('step').click();
  await expect(page.getByTestId('script')).toHaveText(/step 3$/);
  // Where playing stopped depends on the wall clock: step on until a message is in flight, for the link to carry one.
  for (let steps = 3; steps < 40 && (await page.getByTestId('message').count()) === 0; steps++) {
    await page.getByTestId('step').click();
    await expect(page.getByTestId('script')).toHaveText(new RegExp(`step ${steps + 1}$`));
  }
}

async function shareLink(page: Page): Promise<string> {
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-bar')).toHaveAttribute('data-status', /^(copied|not-copied)$/);
  const url = await page.getByTestId('share-url').inputValue();
  expect(url).toMatch(/#v1\.[A-Za-z0-9+\-$]+$/);
  return url;
}

test('a shared link opens the same run, at the same moment, paused', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await makeARun(page);
  const url = await shareLink(page);
  await expect(page.getByTestId('share-bar')).toHaveAttribute('data-status', 'copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  const before = await pageState(page);
  expect(before.messages.length).toBeGreaterThan(0);
  expect(before.cuts).toHaveLength(1);
  expect(before.nodes.some((n) => n.includes(' down '))).toBe(true);

  const fresh = await context.newPage();
  const errors = await open(fresh, new URL(url).hash);
  await expect(fresh.getByTestId('sim-time')).toHaveAttribute('data-ms', before.time);
  await expect(fresh.getByTestId('play-pause')).toHaveAttribute('data-playing', 'false');
  expect(await pageState(fresh)).toEqual(before);
  await expect(fresh.getByTestId('notice')).toHaveCount(0);
  expect(errors).toEqual([]);

  // The run goes on from there: the next client request continues the numbering.
  await fresh.getByTestId('propose-leader').click();
  await expect(fresh.getByTestId('script')).toHaveText(/propose leader v3$/);
});

test('when the clipboard refuses, the link is still shown to copy by hand', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
  });
  await open(page, '?scenario=leader-crash');
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-bar')).toHaveAttribute('data-status', 'not-copied');
  await expect(page.getByTestId('share-bar')).toContainText('select the link and copy it');
  const url = await page.getByTestId('share-url').inputValue();
  const time = (await page.getByTestId('sim-time').getAttribute('data-ms'))!;
  await page.getByTestId('close-share').click();
  await expect(page.getByTestId('share-bar')).toHaveCount(0);

  // Pasted into the address bar of the same tab: only the fragment changes, and the page follows it.
  await openPlaying(page);
  await page.evaluate((u) => (window.location.hash = new URL(u).hash), url);
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', time);
  await expect(page.getByTestId('play-pause')).toHaveAttribute('data-playing', 'false');
});

const fragmentFor = (script: string, cursor = { time: 0, event: 0 }): string =>
  `#v1.${compressToEncodedURIComponent(JSON.stringify({ script, cursor }))}`;

/** The default cluster, with a message that names the problem; the page keeps working. */
async function expectFallback(page: Page, message: string | RegExp): Promise<void> {
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText(message);
  await expect(notice).toContainText('Showing the default cluster instead');
  await expect(page.getByTestId('node-n5')).toBeVisible();
  await expect(page.getByTestId('script')).toHaveText(/^cluster nodes=5/);
  await page.getByTestId('dismiss-notice').click();
  await expect(notice).toHaveCount(0);
  await pause(page);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('script')).toHaveText(/step$/);
}

test('a damaged link says so and opens the default cluster', async ({ page }) => {
  const errors = await open(page, '#v1.this-is-not%20compressed!');
  await expectFallback(page, 'This link could not be opened: it is damaged or incomplete');
  expect(errors).toEqual([]);
});

test('a truncated link says so', async ({ page }) => {
  const whole = fragmentFor('cluster nodes=3 seed=4\nrun 2s\ncrash n2\nrun 1s', { time: 3000, event: 500 });
  await open(page, whole.slice(0, Math.floor(whole.length / 2)));
  await expectFallback(page, /damaged or incomplete \(it ends too early\)/);
});

test('a link from a newer version says so', async ({ page }) => {
  await open(page, '#v2.N4IgzgpgNgLgBA');
  await expectFallback(page, 'made by a newer raftviz (link format v2');
});

test('a link whose script is wrong names the line and the column', async ({ page }) => {
  await open(page, fragmentFor('cluster nodes=3\nrun 1s\ncrash n7\n'));
  await expectFallback(page, 'The link could not be opened: line 3, column 7');
  // The notice was dismissed by expectFallback; the line at fault was shown with it.
});

test('a forged link that ends elsewhere than it claims opens, with a warning', async ({ page }) => {
  await open(page, fragmentFor('cluster nodes=3\nrun 500ms', { time: 500, event: 1 }));
  await expect(page.getByTestId('notice')).toContainText('was made at event #1 (500 ms), but here it replays to event #');
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '500');
});

test('a link over the size cap is refused before it is read', async ({ page }) => {
  await open(page, `#v1.${'A'.repeat(2_000_001)}`);
  await expectFallback(page, 'it is longer than 2,000,000 characters');
});

test('a forged link that would run for hours is stopped, and the page stays usable', async ({ page }) => {
  // Twenty-four simulated hours on nine nodes, the most a script may run: minutes of work for the worker. The page's timers are faked so the test need not wait.
  await page.clock.install();
  await page.goto(`./${fragmentFor(`cluster nodes=9\n${'run 3600s\n'.repeat(24)}`)}`);
  await expect(page.getByTestId('loading')).toContainText('Loading the link…');
  await page.clock.fastForward(21_000);
  await expect(page.getByTestId('notice')).toContainText('The link took longer than 20 s to load, so it was stopped. Showing the default cluster instead.');
  await expect(page.getByTestId('node-n5')).toBeVisible();
  await expect(page.getByTestId('script')).toHaveText(/^cluster nodes=5/);
});
