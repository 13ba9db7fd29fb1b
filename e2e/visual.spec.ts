/**
 * Visual regression tests: the paper's Figure 7 before and after the repair,
 * compared pixel by pixel with the baselines in e2e/__screenshots__/visual.spec.ts/.
 *
 * Only the cluster and logs panels are compared: they are fully determined by
 * the simulation's state, which is paused. Other panels (script, time travel)
 * change for reasons of their own. Motion is off (prefers-reduced-motion, and
 * Playwright's `animations: 'disabled'`), and every shot waits on DOM state.
 *
 * The baselines are pinned to Debian's Chromium and its fonts. After an intended
 * change of the drawing, refresh them on purpose, look at them, and commit them:
 *   npx playwright test e2e/visual.spec.ts --update-snapshots
 */
import { expect, test, type Page, type PageAssertionsToHaveScreenshotOptions } from '@playwright/test';
import { open } from './helpers.ts';

/** What each node's log holds, and how much of it is committed. */
interface LogState {
  readonly terms: readonly number[];
  readonly commit: number;
}

const BEFORE: Record<string, LogState> = {
  n1: { terms: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6], commit: 8 },
  n2: { terms: [1, 1, 1, 4, 4, 5, 5, 6, 6], commit: 8 },
  n3: { terms: [1, 1, 1, 4], commit: 4 },
  n4: { terms: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6], commit: 8 },
  n5: { terms: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7], commit: 8 },
  n6: { terms: [1, 1, 1, 4, 4, 4, 4], commit: 5 },
  n7: { terms: [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3], commit: 3 },
};
const REPAIRED: LogState = { terms: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 8], commit: 11 };
const AFTER: Record<string, LogState> = Object.fromEntries(Object.keys(BEFORE).map((id) => [id, REPAIRED]));

const SHOT: PageAssertionsToHaveScreenshotOptions = {
  animations: 'disabled',
  caret: 'hide',
  // How the two limits were chosen (measured with Debian's Chromium, headless, software rendering):
  // - Repeated runs differ only by one colour level in a few anti-aliased pixels of
  //   the panel's rounded corner; any threshold absorbs that, and pixelmatch skips
  //   anti-aliased pixels anyway, so at 0.1 no pixel counts as different.
  // - Because glyph edges count as anti-aliasing, a changed digit in a log cell
  //   differs in only 12 to 37 counted pixels at 0.1 (as few as 5 at the default
  //   0.2, hence the stricter threshold); a recoloured cell differs in about 650.
  // - The allowance of 8 pixels leaves room for stray edge pixels, and stays below
  //   a changed digit. Measured: with the same DOM, byte for byte (node positions,
  //   arcs, text), two builds of the page differed by 5 anti-aliased pixels on the
  //   rims of n3 and n6, which sit at fractional coordinates on the ring.
  threshold: 0.1,
  maxDiffPixels: 8,
};

test.use({ viewport: { width: 1280, height: 800 } });

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

/** Waits until the page shows exactly these logs (every cell, its term and whether it is committed), paused. */
async function expectSettled(page: Page, logs: Record<string, LogState>, inFlight: number): Promise<void> {
  await expect(page.getByTestId('loading')).toHaveCount(0);
  await expect(page.getByTestId('play-pause')).toHaveAttribute('data-playing', 'false');
  await expect(page.locator('[data-testid^="node-"][data-role]')).toHaveCount(Object.keys(logs).length);
  for (const [id, { terms, commit }] of Object.entries(logs)) {
    await expect(page.locator(`[data-testid^="entry-${id}-"]`)).toHaveCount(terms.length);
    for (const [i, term] of terms.entries()) {
      const cell = page.getByTestId(`entry-${id}-${i + 1}`);
      await expect(cell).toHaveAttribute('data-term', String(term));
      await expect(cell).toHaveAttribute('data-committed', String(i < commit));
    }
  }
  await expect(page.locator('[data-testid="message"]')).toHaveCount(inFlight);
  // Nothing selected, no notice over the panels, and the fonts in place.
  await expect(page.locator('.cluster-panel .selected, .log-panel .selected')).toHaveCount(0);
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

async function expectPanels(page: Page, name: string): Promise<void> {
  await expect(page.locator('.cluster-panel')).toHaveScreenshot(`${name}-cluster.png`, SHOT);
  await expect(page.locator('.log-panel')).toHaveScreenshot(`${name}-logs.png`, SHOT);
}

test('Figure 7 before the repair: term 7, no leader, divergent logs', async ({ page }) => {
  const errors = await open(page, '?scenario=figure7');
  await expectSettled(page, BEFORE, 0);
  await expect(page.locator('[data-testid^="node-"][data-role="follower"][data-term="7"]')).toHaveCount(7);
  await expectPanels(page, 'figure7-before');
  expect(errors).toEqual([]);
});

test('Figure 7 after the repair: n1 leads term 8 and every follower matches its log', async ({ page }) => {
  const errors = await open(page, '?scenario=figure7.txt');
  // figure7.txt ends 200 ms after the election, with one heartbeat to each follower just sent.
  await expectSettled(page, AFTER, 6);
  await expect(page.getByTestId('node-n1')).toHaveAttribute('data-role', 'leader');
  await expect(page.locator('[data-testid^="node-"][data-term="8"]')).toHaveCount(7);
  await expect(page.getByTestId('event-number')).toHaveAttribute('data-event', '73');
  await expectPanels(page, 'figure7-after');
  expect(errors).toEqual([]);
});
