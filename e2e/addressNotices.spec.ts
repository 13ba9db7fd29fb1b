/**
 * A name in the address that names nothing (`?scenario=`, `?tour=`) is said in
 * a notice that fits the page, however long the name: it is quoted by its
 * start and its length, and a notice wraps long words besides.
 */
import { expect, test, type Page } from '@playwright/test';
import { open } from './helpers.ts';

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(scroll).toBeLessThanOrEqual(inner);
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`a long unknown scenario or tour name is quoted by its start and length, at ${viewport.width} px`, async ({ page }) => {
    await page.setViewportSize(viewport);
    for (const [param, what, length] of [
      ['scenario', 'scenario', 200],
      ['tour', 'tour', 15_000],
    ] as const) {
      await page.goto('about:blank');
      await open(page, `?${param}=${'x'.repeat(length)}`);
      const notice = page.getByTestId('notice').locator('span').first();
      await expect(notice).toHaveText(
        `There is no ${what} named “${'x'.repeat(30)}…” (${length.toLocaleString('en')} characters). Showing the default cluster instead.`,
      );
      await expectNoSidewaysScroll(page);
    }
  });
}

test('a notice wraps a long word it quotes whole, rather than widen the page', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // 40 characters are quoted whole; at a phone's width, one unbroken word that long would not fit beside the close button.
  const name = 'W'.repeat(40);
  await open(page, `?scenario=${name}`);
  await expect(page.getByTestId('notice')).toContainText(`“${name}”`);
  await expectNoSidewaysScroll(page);
});
