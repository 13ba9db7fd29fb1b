/** `?embed=1`: the chrome-less view for slides and iframes. */
import { expect, test } from '@playwright/test';
import { open } from './helpers.ts';
import { savedRunText } from './kept.ts';

test('?embed=1 shows the cluster, the logs and the playback controls only, and saves nothing', async ({ page }) => {
  const errors = await open(page, '?embed=1&scenario=figure7.txt');
  await expect(page.getByTestId('embed')).toBeVisible();
  await expect(page.getByTestId('node-n1')).toHaveAttribute('data-role', 'leader');
  await expect(page.getByTestId('entry-n7-11')).toHaveAttribute('data-committed', 'true');
  for (const id of ['play-pause', 'step', 'reset']) await expect(page.getByTestId(id)).toBeVisible();
  for (const id of ['library', 'tour-menu', 'export-menu', 'share', 'script', 'safety', 'explain', 'welcome', 'restore-banner', 'time-travel']) {
    await expect(page.getByTestId(id)).toHaveCount(0);
  }
  await expect(page.getByTestId('embed-open')).toHaveAttribute('href', /\?scenario=figure7\.txt$/);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-event', /\d+/);
  await page.waitForTimeout(1_200);
  expect(await savedRunText(page)).toBeUndefined();
  expect(errors).toEqual([]);
});

test('it runs inside an iframe, as a slide would show it', async ({ page }) => {
  // A course page on the same site, holding the iframe snippet from the README.
  await page.goto('./?embed=1');
  await page.setContent('<iframe src="./?embed=1&scenario=split-vote" width="900" height="520" title="raftviz: a split vote" style="border:0"></iframe>');
  const frame = page.frameLocator('iframe');
  await expect(frame.getByTestId('embed')).toBeVisible();
  await expect(frame.getByTestId('node-n4')).toBeVisible();
  await frame.getByTestId('play-pause').click();
  await expect(frame.getByTestId('play-pause')).toHaveAttribute('data-playing', 'true');
});

test('a tour in the embedded view keeps embed=1 in the address, so a reload stays embedded', async ({ page }) => {
  const errors = await open(page, '?embed=1&tour=election&step=2');
  await expect(page.getByTestId('embed')).toBeVisible();
  // The page has written the tour's step into the address bar by now (before loading it): the flag is still there.
  expect(new URL(page.url()).search).toBe('?embed=1&tour=election&step=2');
  await page.reload();
  await expect(page.getByTestId('embed')).toBeVisible();
  await expect(page.getByTestId('node-n1')).toBeVisible();
  await expect(page.getByTestId('restore-banner')).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('embed')).toBe('1');
  expect(errors).toEqual([]);
});
