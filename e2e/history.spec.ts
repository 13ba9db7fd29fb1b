/** The History panel: a bar per client operation, the checker's verdict, and seeking to an operation's call. */
import { expect, test, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { open } from './helpers.ts';

const WORKLOAD = ['cluster nodes=5 clients=3 seed=3', 'campaign n1', 'stabilize', 'workload ops=24 rate=40/s keys=2 reads=40', 'run 1500ms'].join('\n');

/** A reply lost, the retry applied a second time with sessions off: the get sees "aa" (thesis §6.3). */
const DUPLICATE = [
  'cluster nodes=3 clients=1 seed=1 unsafe=no-sessions',
  'campaign n1',
  'stabilize',
  'client c1 append x a',
  'step 5',
  'drop n1 c1 ClientReply',
  'run 500ms',
  'client c1 get x',
  'run 300ms',
].join('\n');

async function runScript(page: Page, text: string): Promise<void> {
  await page.getByTestId('script-edit').click();
  await page.getByTestId('script-editor').fill(text);
  await page.getByTestId('script-run').click();
  await expect(page.getByTestId('script-editor')).toHaveCount(0);
}

/** Review screenshots, for a person to look at (not compared): set HISTORY_SHOTS to a folder. */
const shots = process.env.HISTORY_SHOTS;

async function capture(page: Page, name: string): Promise<void> {
  if (!shots) return;
  for (const [width, height] of [[1280, 800], [390, 844]]) {
    await page.setViewportSize({ width, height });
    await page.getByTestId('history').scrollIntoViewIfNeeded();
    await page.getByTestId('history').screenshot({ path: `${shots}/${name}-history-${width}.png` });
    await page.getByTestId('safety').screenshot({ path: `${shots}/${name}-safety-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('a workload draws a bar per operation, finds an order, and a click shows the run at the call', async ({ page }) => {
  const errors = await open(page);
  await runScript(page, WORKLOAD);
  const history = page.getByTestId('history');
  const bars = history.getByTestId('history-op');
  await expect(bars.first()).toBeVisible();
  // By default the latest operations, wide enough to read; "Fit all" shows every one.
  await capture(page, 'workload');
  await history.getByRole('button', { name: 'Fit all' }).click();
  expect(await bars.count()).toBeGreaterThanOrEqual(20);
  await expect(history).toHaveAttribute('data-verdict', 'ok');
  await expect(page.getByTestId('invariant-Linearizability')).toHaveAttribute('data-state', 'holds');
  // Every answered operation has its place in the order found for its key.
  const answered = history.locator('[data-testid="history-op"][data-answered="true"]');
  expect(await answered.evaluateAll((els) => els.every((e) => (e as HTMLElement).dataset.place !== ''))).toBe(true);
  for (const client of ['c1', 'c2', 'c3']) await expect(history.locator(`[data-client="${client}"]`).first()).toBeAttached();
  await capture(page, 'workload-all');

  const get = history.locator('[data-testid="history-op"][data-op="get"][data-answered="true"]').nth(3);
  const label = (await get.getAttribute('aria-label'))!;
  const index = (await get.getAttribute('data-index'))!;
  const invoked = Number(/event (\d+)\)/.exec(label)![1]);
  await get.click();
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-event', String(invoked));
  await expect(page.getByTestId('time-travel-where')).toContainText(`event ${invoked} of`);
  // At its call the operation waits for its answer.
  const same = history.locator(`[data-testid="history-op"][data-index="${index}"]`);
  await expect(same).toHaveAttribute('data-answered', 'false');

  // Keyboard: Shift+Enter on it shows the run at its answer, once there is one (seek back to the live end first).
  await page.getByTestId('back-to-live').click();
  const again = history.locator(`[data-testid="history-op"][data-index="${index}"]`);
  await expect(again).toHaveAttribute('data-answered', 'true');
  const answeredAt = Number(/answered at [\d.]+ ms \(event (\d+)\)/.exec((await again.getAttribute('aria-label'))!)![1]);
  await again.focus();
  await page.keyboard.press('Shift+Enter');
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-event', String(answeredAt));
  expect(errors).toEqual([]);
});

test('a retry applied twice without sessions: Linearizability is violated, and the panel names the operations', async ({ page }) => {
  const errors = await open(page);
  await runScript(page, DUPLICATE);
  const history = page.getByTestId('history');
  await expect(history).toHaveAttribute('data-verdict', 'violation');
  const bad = history.locator('[data-testid="history-op"][data-violation="true"]');
  await expect(bad.first()).toBeVisible();
  await expect(history.locator('[data-testid="history-op"][data-op="get"]')).toHaveAttribute('data-result', 'aa');
  await expect(history.getByTestId('history-verdict')).toContainText('Not linearizable');
  const row = page.getByTestId('invariant-Linearizability');
  await expect(row).toHaveAttribute('data-state', 'violated');
  await expect(page.getByTestId('safety')).toHaveAttribute('data-ok', 'false');
  await expect(page.getByTestId('safety-explanation')).toContainText('Linearizability');
  await expect(page.getByTestId('safety-explanation')).toContainText('unsafe=no-sessions');
  await capture(page, 'violation');
  // The panel and the safety row pass an accessibility audit (WCAG 2.1 AA): named bars, contrast.
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="history"]').include('[data-testid="safety"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  // The property's link shows the run at the answer that made it visible.
  await row.getByRole('button').click();
  await expect(page.getByTestId('time-travel-where')).toContainText('Replaying the past');
  expect(errors).toEqual([]);
});

test('a run without clients has no Linearizability row and says so in the History panel', async ({ page }) => {
  await open(page);
  await expect(page.getByTestId('history-empty')).toBeVisible();
  await expect(page.getByTestId('invariant-Linearizability')).toHaveCount(0);
});
