/**
 * Explanations: the Explain panel narrates each step with its rule, and hovering
 * or focusing a node, a log entry or a message explains why it is as it is.
 * Screenshots for a person to look at go to /tmp/shots-explain/.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { campaign, open, openPlaying, pause } from './helpers.ts';

const SHOTS = '/tmp/shots-explain';

/** The floating explanation, once it shows. */
const tooltip = (page: Page): Locator => page.getByTestId('why-tooltip');

/** Whether the tooltip lies wholly inside the viewport. */
async function expectOnScreen(page: Page, el: Locator): Promise<void> {
  const box = (await el.boundingBox())!;
  const view = page.viewportSize()!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(view.width);
  expect(box.y + box.height).toBeLessThanOrEqual(view.height);
}

/** Press Tab until the element with this test id has focus (keyboard only, no programmatic focus). */
async function tabTo(page: Page, testId: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, testId)) return;
  }
  throw new Error(`Tab never reached ${testId}`);
}

test('stepping the default cluster narrates each event with its rule', async ({ page }) => {
  await openPlaying(page);
  await pause(page);
  const panel = page.getByTestId('explain');
  await expect(panel.getByRole('heading', { name: /Explain/ })).toBeVisible();
  const step = page.getByTestId('step');
  const lines = panel.getByTestId('explain-line');
  for (let i = 0; i < 12 && (await lines.count()) < 3; i++) await step.click();
  await expect(lines.first()).toBeVisible();
  const first = lines.first();
  const rule = await first.getAttribute('data-rule');
  expect(rule).toBeTruthy();
  // The chip shows the rule's section and name; its summary is its accessible description and shows on focus.
  const chip = first.getByTestId('rule-chip');
  await expect(chip).toHaveText(/^(§\d[\d.]*|Figure \d|thesis §[\d.]+) \S/);
  await expect(chip).toHaveAccessibleDescription(/\w{4,}.*\./);
  await chip.focus();
  await expect(tooltip(page)).toBeVisible();
  await expect(tooltip(page)).toHaveAttribute('data-target', 'rule');
  const section = (await chip.locator('.rule-section').textContent())!;
  await expect(tooltip(page)).toContainText(section);
  // Every line names a rule: no event is left unexplained.
  for (const l of await lines.all()) expect(await l.getAttribute('data-rule')).not.toBe('');
});

test('Figure 7: hovering an uncommitted entry says why it is not committed', async ({ page }) => {
  await open(page, '?scenario=figure7');
  // n5's 7/12: on n5 alone, so not on a majority of seven.
  await page.getByTestId('entry-n5-12').hover();
  await expect(tooltip(page)).toBeVisible();
  await expect(tooltip(page)).toContainText('Index 12, term 7');
  await expect(tooltip(page)).toContainText('on n5 (1 of 7 nodes)');
  await expect(tooltip(page)).toContainText('Not committed: a majority (4) must store it (§5.3).');
  await expectOnScreen(page, tooltip(page));
  // n4's 6/9 is on n1, n2, n4 and n5, a majority, but no leader has counted it.
  await page.getByTestId('entry-n4-9').hover();
  await expect(tooltip(page)).toContainText('on n1, n2, n4, n5 (4 of 7 nodes)');
  await expect(tooltip(page)).toContainText('Not committed as far as n4 knows, although a majority stores it');
  // The explanation is also the entry's accessible description.
  await expect(page.getByTestId('entry-n4-9')).toHaveAttribute('aria-describedby', 'why-tooltip');
  // Moving away hides it.
  await page.getByRole('heading', { name: /Logs/ }).hover();
  await expect(tooltip(page)).toBeHidden();
});

test('focusing a node from the keyboard explains it; Escape dismisses; arrows move through a log', async ({ page }) => {
  await open(page, '?scenario=figure7');
  await tabTo(page, 'node-n1');
  await expect(tooltip(page)).toBeVisible();
  await expect(tooltip(page)).toContainText('n1 is a follower in term 7.');
  await expect(tooltip(page)).toContainText('(§5.2)');
  await expect(page.getByTestId('node-n1')).toHaveAccessibleDescription(/n1 is a follower in term 7\./);
  await page.keyboard.press('Escape');
  await expect(tooltip(page)).toBeHidden();

  // Each log row has one tab stop, its last entry; the arrow keys move from there without stepping the run.
  const event = await page.getByTestId('sim-time').getAttribute('data-event');
  await tabTo(page, 'entry-n1-10');
  await expect(tooltip(page)).toContainText('Index 10, term 6');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('entry-n1-9')).toBeFocused();
  await expect(tooltip(page)).toContainText('Index 9, term 6');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('entry-n2-9')).toBeFocused();
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-event', event!);
});

test('hovering a message says what it asks and what its receiver will do', async ({ page }) => {
  await open(page, '?scenario=figure7');
  await campaign(page, 'n1');
  const request = page.locator('[data-testid="message"][data-type="RequestVote"][data-to="n5"]');
  await expect(request).toHaveCount(1);
  await request.hover();
  await expect(tooltip(page)).toBeVisible();
  await expect(tooltip(page)).toContainText('RequestVote n1→n5, term 8');
  await expect(tooltip(page)).toContainText('As things stand, n5 will refuse: its own log is more up-to-date (it ends at index 12, term 7) (§5.4.1).');
});

test('Figure 8: the leader not committing an old-term entry on a majority is explained (§5.4.2)', async ({ page }) => {
  await open(page, '?scenario=figure8');
  const said = page.locator('[data-testid="explain"], [data-testid="events"]').filter({ hasText: 'did not commit index 2 although 3 of 5 nodes store it' });
  await expect(said.first()).toBeVisible();
  await expect(said.first()).toContainText('(§5.4.2)');
});

for (const size of [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test(`screenshots of the Explain panel and a tooltip (${size.name})`, async ({ page }) => {
    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width: size.width, height: size.height });
    await open(page, '?scenario=figure7');
    const panel = page.getByTestId('explain');
    // Nothing has happened yet: the panel says what to do.
    await expect(panel).toContainText('Press Play or Step');
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `${SHOTS}/${size.name}-explain-empty.png` });
    await campaign(page, 'n1');
    for (let i = 0; i < 6; i++) await page.getByTestId('step').click();
    await expect(panel.getByTestId('explain-line').first()).toBeVisible();
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `${SHOTS}/${size.name}-explain-panel.png` });
    if (size.name === 'desktop') {
      // On a wide screen the right-hand column is sticky: once the page scrolls under the toolbar, the
      // panel leaves room for the events list under it, even with a node's details open above it.
      await page.evaluate(() => window.scrollTo(0, 400));
      await expect(page.getByTestId('inspector')).toBeInViewport();
      await expect(panel).toBeInViewport({ ratio: 1 });
      // At least a few lines of the events list show (its length grows with the run, so a share of it would not say that).
      const box = (await page.getByTestId('events').boundingBox())!;
      expect(size.height - box.y, 'pixels of the events list on screen').toBeGreaterThanOrEqual(60);
      await page.screenshot({ path: `${SHOTS}/${size.name}-page-scrolled.png` });
    }
    // The panel fits its column: nothing pokes out sideways.
    const overflow = await panel.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    const cell = page.getByTestId('entry-n5-12');
    await cell.scrollIntoViewIfNeeded();
    await cell.hover();
    await expect(tooltip(page)).toBeVisible();
    await expectOnScreen(page, tooltip(page));
    await page.screenshot({ path: `${SHOTS}/${size.name}-entry-tooltip.png` });

    await page.getByTestId('node-n7').scrollIntoViewIfNeeded();
    await page.getByTestId('node-n7').hover();
    await expect(tooltip(page)).toContainText('n7 is');
    await expectOnScreen(page, tooltip(page));
    await page.screenshot({ path: `${SHOTS}/${size.name}-node-tooltip.png` });
  });
}
