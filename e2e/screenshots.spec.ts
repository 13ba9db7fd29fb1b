/**
 * Screenshots of the main screen for review, at desktop and phone sizes.
 * Run on purpose (they overwrite committed files): SCREENSHOTS=1 npx playwright test screenshots
 */
import { expect, test } from '@playwright/test';
import { linkId, open, openPlaying, pause, play, waitForLeader } from './helpers.ts';
import { savedRunText } from './kept.ts';

test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to refresh e2e/screenshots/*.png');

test('desktop 1280x800', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openPlaying(page);
  await waitForLeader(page);
  await page.getByTestId('propose-leader').click();
  await page.getByTestId('propose-leader').click();
  await expect(page.locator('[data-testid^="entry-n1-"]')).toHaveCount(3, { timeout: 20_000 });
  await pause(page);
  await page.screenshot({ path: 'e2e/screenshots/desktop.png' });
  await page.getByTestId('node-n1').click();
  await page.screenshot({ path: 'test-results/desktop-inspector.png' });
});

test('phone 390x844', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openPlaying(page);
  await waitForLeader(page);
  await pause(page);
  await page.screenshot({ path: 'e2e/screenshots/phone.png' });
  // The rest of the page, in screen-sized pieces, for review only.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 844, i = 2; y < height; y += 844, i++) {
    await page.screenshot({ path: `test-results/phone-${i}.png`, fullPage: true, clip: { x: 0, y, width: 390, height: Math.min(844, height - y) } });
  }
});

test('figure 7 mid-repair', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, '?scenario=figure7');
  await page.getByTestId('node-n1').click();
  await page.getByTestId('action-campaign').click();
  for (let i = 0; i < 22; i++) await page.getByTestId('step').click();
  await page.screenshot({ path: 'test-results/figure7-mid-repair.png' });
});

test('nine nodes, a crash, cut links, an election under way', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openPlaying(page);
  await page.getByTestId('node-count').selectOption('9');
  const leader = await waitForLeader(page);
  await pause(page);
  await page.getByTestId(`node-${leader.id}`).click();
  await page.getByTestId('action-crash').click();
  await page.getByTestId('link-n2-n3').click();
  await page.getByTestId('link-n6-n7').click();
  const candidate = leader.id === 'n4' ? 'n5' : 'n4';
  await page.getByTestId(`node-${candidate}`).click();
  await page.getByTestId('action-campaign').click();
  for (let i = 0; i < 4; i++) await page.getByTestId('step').click();
  await page.screenshot({ path: 'test-results/nine-nodes.png' });
});

test('partitioned leader with a stranded entry', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openPlaying(page);
  const old = await waitForLeader(page);
  await pause(page);
  for (const peer of ['n1', 'n2', 'n3', 'n4', 'n5'].filter((p) => p !== old.id)) await page.getByTestId(linkId(old.id, peer)).click();
  await play(page);
  await waitForLeader(page, { above: old.term });
  await page.getByTestId(`node-${old.id}`).click();
  await page.getByTestId('action-propose').click();
  await page.getByTestId('propose-leader').click();
  await page.getByTestId('propose-leader').click();
  await expect(page.locator('[data-testid^="entry-"][data-committed="true"]')).not.toHaveCount(0);
  await page.waitForTimeout(1500);
  await pause(page);
  await page.screenshot({ path: 'test-results/partition.png' });
});

for (const [name, width, height] of [['desktop', 1280, 800], ['phone', 390, 844]] as const) {
  test(`library menu and share bar, ${name}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await open(page, '?scenario=minority-partition');
    await page.getByTestId('library').locator('summary').click();
    await page.screenshot({ path: `test-results/library-${name}.png` });
    await page.getByTestId('library').locator('summary').click();
    await page.getByTestId('share').click();
    await expect(page.getByTestId('share-url')).toBeVisible();
    await page.screenshot({ path: `test-results/share-${name}.png` });
  });
}

test('a bad link notice and the restore offer, phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openPlaying(page);
  await pause(page);
  await page.getByTestId('step').click();
  await expect.poll(() => savedRunText(page)).not.toBeUndefined();
  await page.goto('about:blank');
  await open(page, '#v2.abc');
  await page.screenshot({ path: 'test-results/bad-link-phone.png' });
  await page.goto('about:blank');
  await openPlaying(page);
  await expect(page.getByTestId('restore-banner')).toBeVisible();
  await page.screenshot({ path: 'test-results/restore-phone.png' });
});
