/**
 * Every scenario in the library (public/scenarios/*.txt) opens from its URL,
 * runs to its end, and shows exactly what the command-line runner reports.
 */
import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { PRESETS } from '../engine/scenario/ast.ts';
import { expectPageMatches, runCli } from './cli.ts';
import { open, openPlaying } from './helpers.ts';

const files = readdirSync('public/scenarios').filter((f) => f.endsWith('.txt')).sort();
/** A bare preset name opens the preset, so a library file of that name opens by its file name. */
const param = (stem: string): string => ((PRESETS as readonly string[]).includes(stem) ? `${stem}.txt` : stem);

for (const file of files) {
  const stem = file.slice(0, -'.txt'.length);
  test(`?scenario=${param(stem)} shows what the CLI reports`, async ({ page }) => {
    const { report, exitCode, stderr } = runCli({ file: `public/scenarios/${file}` });
    expect(exitCode, stderr).toBe(0);
    const errors = await open(page, `?scenario=${param(stem)}`);
    await expect(page.getByTestId('play-pause')).toHaveAttribute('data-playing', 'false');
    await expectPageMatches(page, report);
    await expect(page.getByTestId('event-number')).toHaveAttribute('data-event', String(report.stats.events));
    await expect(page.locator('[data-testid="message"]')).toHaveCount(report.inFlight.length);
    await expect(page.getByTestId('notice')).toHaveCount(0);
    // The recording replays the run without its checks.
    await expect(page.getByTestId('script')).not.toContainText('expect');
    expect(errors).toEqual([]);
  });
}

test('the Library menu opens a scenario by its title, in place, with no network request', async ({ page }) => {
  await openPlaying(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.getByTestId('library').locator('summary').click();
  const entry = page.getByTestId('library-leader-crash');
  await expect(entry).toContainText('Leader crash');
  await entry.click();
  await expect(page.getByTestId('library')).not.toHaveAttribute('open');
  const { report } = runCli({ file: 'public/scenarios/leader-crash.txt' });
  await expect(page.getByTestId('play-pause')).toHaveAttribute('data-playing', 'false');
  await expectPageMatches(page, report);
  expect(page.url()).not.toContain('scenario=');
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-url')).toBeVisible();
  expect(requests).toEqual([]);
});

test('the Library menu closes on a click elsewhere or Escape', async ({ page }) => {
  await openPlaying(page);
  const menu = page.getByTestId('library');
  await menu.locator('summary').click();
  await expect(page.getByTestId('library-leader-crash')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).not.toHaveAttribute('open');
  await menu.locator('summary').click();
  // Elsewhere: the bottom right corner of the page, which the open menu (it lists every scenario) never covers.
  const size = page.viewportSize()!;
  await page.mouse.click(size.width - 4, size.height - 4);
  await expect(menu).not.toHaveAttribute('open');
});

test('the bare preset names still open the presets, before any command', async ({ page }) => {
  await open(page, '?scenario=figure7');
  await expect(page.getByTestId('script')).toHaveText('preset figure7');
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '0');
});

test('an unknown scenario name says so and opens the default cluster', async ({ page }) => {
  await open(page, '?scenario=no-such-thing');
  await expect(page.getByTestId('notice')).toContainText('no scenario named “no-such-thing”');
  await expect(page.getByTestId('node-n5')).toBeVisible();
  await page.getByTestId('dismiss-notice').click();
  await expect(page.getByTestId('notice')).toHaveCount(0);
});
