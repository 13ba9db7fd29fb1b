/**
 * A run with 10,000 entries on each of 3 nodes: the log view draws only the
 * columns in view (app/log/columnWindow.ts), yet every entry can be reached by
 * scrolling and by the keyboard, and the index header stays over its columns.
 * Checks what is drawn, never how fast (that is e2e/bench.spec.ts).
 */
import { expect, test, type Page } from '@playwright/test';
import { LONG_LOG_LENGTH, LONG_LOG_NODES, longLogLink } from './longLogRun.ts';

const LAST = LONG_LOG_LENGTH;

async function openLongLog(page: Page): Promise<void> {
  await page.goto(`./${longLogLink()}`);
  for (const id of LONG_LOG_NODES) await expect(page.getByTestId(`log-row-${id}`)).toHaveAttribute('data-length', String(LAST), { timeout: 60_000 });
  await expect(page.getByTestId('notice')).toHaveCount(0);
}

const scrollLogTo = (page: Page, where: 'start' | 'end'): Promise<void> =>
  page.locator('.log-scroller').evaluate((el, w) => {
    el.scrollLeft = w === 'start' ? 0 : el.scrollWidth;
  }, where);

/** The index number over a column, and the cell under it, start at the same x. */
async function expectAligned(page: Page, index: number): Promise<void> {
  const header = page.locator('.log-header .index-cell', { hasText: new RegExp(`^${index}$`) });
  const cell = page.getByTestId(`entry-n1-${index}`);
  const [h, c] = [await header.boundingBox(), await cell.boundingBox()];
  expect(h).not.toBeNull();
  expect(c).not.toBeNull();
  // The cell has a 1 px margin inside its column.
  expect(Math.abs(c!.x - 1 - h!.x)).toBeLessThanOrEqual(1);
}

test('a 10,000-entry log opens at its end, draws only what is in view, and scrolls to either end', async ({ page }) => {
  test.setTimeout(120_000);
  await openLongLog(page);
  // It follows the end: the last entry is in view, committed, in term 1.
  const last = page.getByTestId(`entry-n1-${LAST}`);
  await expect(last).toBeInViewport();
  await expect(last).toHaveAttribute('data-term', '1');
  await expect(last).toHaveAttribute('data-committed', 'true');
  // A window of columns, not 30,000 cells.
  const drawn = await page.locator('[data-testid^="entry-"]').count();
  expect(drawn).toBeGreaterThan(0);
  expect(drawn).toBeLessThan(1_000);
  await expectAligned(page, LAST);

  await scrollLogTo(page, 'start');
  await expect(page.getByTestId('entry-n1-1')).toBeInViewport();
  await expect(page.getByTestId(`entry-n1-${LAST}`)).toHaveCount(0);
  await expectAligned(page, 1);

  await scrollLogTo(page, 'end');
  await expect(last).toBeInViewport();
  await expect(last).toHaveAttribute('data-term', '1');
  await expect(page.getByTestId('entry-n1-1')).toHaveCount(0);
});

test('the keyboard moves through a 10,000-entry log across the drawn window: Home, End, arrows', async ({ page }) => {
  test.setTimeout(120_000);
  await openLongLog(page);
  const cell = (id: string, index: number) => page.getByTestId(`entry-${id}-${index}`);
  // The row's tab stop is its last entry.
  await cell('n1', LAST).focus();
  await expect(cell('n1', LAST)).toBeFocused();

  await page.keyboard.press('Home');
  await expect(cell('n1', 1)).toBeFocused();
  await expect(cell('n1', 1)).toBeInViewport();
  await expect(cell('n1', LAST)).toHaveCount(0);
  await expect(page.getByTestId('why-tooltip')).toContainText('Index 1, term 1');
  await page.keyboard.press('ArrowRight');
  await expect(cell('n1', 2)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(cell('n2', 2)).toBeFocused();

  await page.keyboard.press('End');
  await expect(cell('n2', LAST)).toBeFocused();
  await expect(cell('n2', LAST)).toBeInViewport();
  await expect(cell('n2', 1)).toHaveCount(0);
  await page.keyboard.press('ArrowLeft');
  await expect(cell('n2', LAST - 1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(cell('n1', LAST - 1)).toBeFocused();
  await expectAligned(page, LAST - 1);
});
