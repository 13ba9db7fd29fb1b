/**
 * The panels of the main screen: each collapses from the button in its heading
 * (mouse and keyboard), keeps that state while the page is open, and the first
 * screen shows the cluster and its logs.
 */
import { expect, test } from '@playwright/test';
import { open } from './helpers.ts';

test('a panel collapses and opens again with the mouse, and the panels under it move up', async ({ page }) => {
  await open(page);
  const toggle = page.getByTestId('toggle-safety');
  const body = page.locator('#panel-safety');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle).toHaveAttribute('aria-controls', 'panel-safety');
  await expect(body).toBeVisible();
  const historyTop = async () => (await page.locator('.history-panel').boundingBox())!.y;
  const before = await historyTop();

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(body).toBeHidden();
  await expect(page.getByTestId('safety')).toBeHidden();
  // The space it took is given to the panels below.
  expect(await historyTop()).toBeLessThan(before - 100);

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(body).toBeVisible();
  await expect(page.getByTestId('safety')).toBeVisible();
});

test('a panel collapses from the keyboard: Tab to its heading, Enter (Space stays play and pause, as everywhere on the page)', async ({ page }) => {
  await open(page);
  const toggle = page.getByTestId('toggle-logs');
  // Reached by Tab, as a keyboard user does.
  for (let i = 0; i < 80 && !(await toggle.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveCSS('outline-style', 'solid');
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('#panel-logs')).toBeHidden();
  await expect(page.locator('.log-panel')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('#panel-logs')).toBeVisible();
  await expect(toggle).toBeFocused();
});

test('the legend starts collapsed; what is collapsed stays so when another scenario loads', async ({ page }) => {
  await open(page);
  await expect(page.getByTestId('toggle-legend')).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('#panel-legend')).toBeHidden();
  await page.getByTestId('toggle-timeline').click();
  await page.getByTestId('toggle-legend').click();
  await page.getByTestId('preset-figure7').click();
  await expect(page.locator('[data-testid^="node-"][data-role]')).toHaveCount(7);
  await expect(page.getByTestId('toggle-timeline')).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('#panel-timeline')).toBeHidden();
  await expect(page.getByTestId('toggle-legend')).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('#panel-legend')).toBeVisible();
});

test('the details panel opens on a selection, and collapsing it deselects', async ({ page }) => {
  await open(page);
  const toggle = page.getByTestId('toggle-selection');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await page.getByTestId('node-n2').click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('inspector')).toBeVisible();
  await toggle.click();
  await expect(page.getByTestId('inspector')).toHaveCount(0);
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('#panel-selection')).toBeHidden();
});

test('the History panel sits under the cluster and the logs, as wide as both', async ({ page }) => {
  await open(page);
  const history = page.locator('section.history-panel');
  await expect(history).toHaveAttribute('aria-labelledby', 'h-history');
  await expect(page.locator('#h-history')).toContainText('History');
  await expect(page.getByTestId('history-empty')).toContainText('No client operations yet');
  const [h, cluster, logs] = await Promise.all([history, page.locator('.cluster-panel'), page.locator('.log-panel')].map(async (l) => (await l.boundingBox())!));
  expect(h.x).toBeCloseTo(cluster.x, 0);
  expect(h.x + h.width).toBeCloseTo(logs.x + logs.width, 0);
  expect(h.y).toBeGreaterThan(cluster.y + cluster.height);
});

test('at 1280x800 the cluster and its logs are on the first screen, on a first visit too', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page);
  await expect(page.getByTestId('welcome')).toBeVisible();
  await expect(page.locator('.cluster-svg')).toBeInViewport({ ratio: 1 });
  await expect(page.locator('.log-panel')).toBeInViewport({ ratio: 1 });
  await expect(page.locator('#h-explain')).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('at 390x844 the panels stack in reading order, with no sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page);
  const order = ['cluster', 'logs', 'explain', 'selection', 'safety', 'history', 'events', 'timeline', 'script', 'legend'];
  const tops = await Promise.all(order.map(async (id) => (await page.locator(`[data-panel="${id}"]`).boundingBox())!.y));
  expect(tops).toEqual([...tops].sort((a, b) => a - b));
  for (const id of order) await page.getByTestId(`toggle-${id}`).scrollIntoViewIfNeeded();
  await page.getByTestId('toggle-legend').click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
});
