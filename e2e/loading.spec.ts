/**
 * Long loads: the loading indicator shows how far a load is and can cancel it,
 * and a saved run that failed to load is offered, with why, instead of being
 * run again by itself on every reload.
 */
import { expect, test, type Page } from '@playwright/test';
import { encodeShare } from '../app/share/shareCodec.ts';
import { open, pause } from './helpers.ts';

/** Nine nodes for `hours` simulated hours: about a second of loading an hour on a fast machine. */
const longScript = (hours: number): string => ['cluster nodes=9 seed=1', ...Array.from({ length: hours }, () => 'run 3600s')].join('\n');

function fragmentOf(script: string, cursor = { time: 0, event: 0 }): string {
  const encoded = encodeShare({ script, cursor });
  if (!encoded.ok) throw new Error('the script does not fit in a link');
  return encoded.fragment;
}

const failureMark = (page: Page): Promise<string | null> => page.evaluate(() => localStorage.getItem('raftviz:saved-run-load-failed'));

/** Make a run of one's own, so there is something to go back to: crash n2. */
async function makeARun(page: Page): Promise<void> {
  await open(page);
  await pause(page);
  await page.getByTestId('node-n2').click();
  await page.getByTestId('action-crash').click();
  await expect(page.getByTestId('script')).toHaveText(/crash n2$/);
}

test('a long load shows its progress, and Cancel brings back the run on screen at once', async ({ page }) => {
  await makeARun(page);
  const before = await page.getByTestId('script').textContent();
  // A link pasted into the address bar of the open page.
  await page.evaluate((f) => (window.location.hash = f), fragmentOf(longScript(24)));
  const progress = page.getByTestId('load-progress');
  await expect(progress).toBeVisible();
  await expect(page.getByTestId('loading')).toContainText(/Loading the link…/);
  await expect(progress).toContainText(/\d+% · .* of 24 h simulated/);
  // It moves on while the page stays usable: the node inspector still opens.
  const first = Number(await progress.getAttribute('data-done'));
  await expect.poll(async () => Number(await progress.getAttribute('data-done'))).toBeGreaterThan(first);
  await page.getByTestId('node-n3').click();
  await expect(page.getByTestId('action-crash')).toBeVisible();

  const clicked = Date.now();
  await page.getByTestId('cancel-load').click();
  await expect(page.getByTestId('loading')).toHaveCount(0, { timeout: 1_000 });
  expect(Date.now() - clicked).toBeLessThan(1_000);
  await expect(page.getByTestId('notice')).toHaveText(/Loading the link was cancelled\. Back to where you were\./);
  await expect(page.getByTestId('script')).toHaveText(before!);
  await expect(page.getByTestId('node-n9')).toHaveCount(0);
  // The worker carries on with the run that came back.
  await page.getByTestId('step').click();
  await expect(page.getByTestId('script')).toHaveText(/crash n2\nstep$/);
});

test('a saved run that did not finish loading is offered with why on the next reload, not run again', async ({ page }) => {
  await open(page);
  await page.evaluate((f) => localStorage.setItem('raftviz:saved-run', f), fragmentOf(longScript(24)));
  // A fresh visit offers it; restoring it is slow, and the user reloads meanwhile.
  await open(page);
  await page.getByTestId('restore-run').click();
  await expect(page.getByTestId('load-progress')).toBeVisible();
  await page.reload();
  // The default cluster, not the saved run: how soon it shows is a benchmark (npm run bench), not a test.
  await expect(page.getByTestId('node-n5')).toBeVisible();
  await expect(page.getByTestId('restore-failed')).toContainText('did not finish loading last time');
  // Tried again, it is slow still, and the user cancels.
  await page.getByTestId('restore-run').click();
  await expect(page.getByTestId('load-progress')).toBeVisible();
  await page.getByTestId('cancel-load').click();
  await expect(page.getByTestId('loading')).toHaveCount(0, { timeout: 1_000 });
  await expect.poll(() => failureMark(page)).toBe('{"kind":"cancelled"}');
  // The offer comes back, saying why.
  await expect(page.getByTestId('restore-failed')).toContainText('was cancelled while it loaded last time');

  // As after a load that timed out: the reload shows the default cluster at once, and offers the run with why.
  await page.evaluate(() => localStorage.setItem('raftviz:saved-run-load-failed', JSON.stringify({ kind: 'timeout', seconds: 20 })));
  const start = Date.now();
  await page.reload();
  await expect(page.getByTestId('node-n5')).toBeVisible();
  const toCluster = Date.now() - start;
  test.info().annotations.push({ type: 'time to cluster after a failed load', description: `${toCluster} ms` });
  await expect(page.getByTestId('node-n9')).toHaveCount(0);
  await expect(page.getByTestId('loading')).toHaveCount(0);
  await expect(page.getByTestId('restore-failed')).toHaveText('It was not restored by itself: it took longer than 20 s to load last time.');
  await expect(page.getByTestId('restore-run')).toHaveText('Try again');
  // Trying again is the user's choice.
  await page.getByTestId('restore-run').click();
  await expect(page.getByTestId('load-progress')).toBeVisible();
  await page.getByTestId('cancel-load').click();
  await expect(page.getByTestId('restore-failed')).toContainText('was cancelled');
});

test('a run that loads clears the mark, and the next reload restores it by itself', async ({ page }) => {
  await open(page);
  await page.evaluate((f) => {
    localStorage.setItem('raftviz:saved-run', f);
    localStorage.setItem('raftviz:saved-run-load-failed', '{"kind":"cancelled"}');
  }, fragmentOf('cluster nodes=3 seed=2\nrun 2s'));
  await page.reload();
  await expect(page.getByTestId('restore-failed')).toBeVisible();
  await page.getByTestId('restore-run').click();
  await expect(page.getByTestId('node-n3')).toBeVisible();
  await expect(page.getByTestId('node-n4')).toHaveCount(0);
  await expect.poll(() => failureMark(page)).toBeNull();
  await page.reload();
  await expect(page.getByTestId('node-n3')).toBeVisible();
  await expect(page.getByTestId('node-n4')).toHaveCount(0);
  await expect(page.getByTestId('restore-banner')).toHaveCount(0);
});
