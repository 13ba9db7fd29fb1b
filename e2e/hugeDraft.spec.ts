/**
 * A draft with a huge number of problems, kept from an earlier visit (here
 * seeded where an earlier version kept it, localStorage, so it is moved to
 * IndexedDB on the first load) or pasted, must never make the page unusable: the editor names the
 * first problems and counts the rest, and no task blocks the page for long.
 */
import { expect, test, type Page } from '@playwright/test';
import { open } from './helpers.ts';

/** Every line is a problem: a `run` before any `cluster` line. */
const problemLines = (n: number): string => Array.from({ length: n }, () => 'run 1ms').join('\n');

/** A task this long is one the user feels as a freeze (a missed click, a stuck caret). */
const LONGEST_TASK_MS = 200;

test('a restored draft of 100,000 problem lines opens without a long task, and names the first problems', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript((draft) => {
    // Seeded once: from then on the page keeps the draft itself (it writes it back as the page goes away).
    if (sessionStorage.getItem('seeded') === null) {
      localStorage.setItem('raftviz:script-draft', draft);
      sessionStorage.setItem('seeded', '1');
    }
    const w = window as unknown as { longTasks: number[]; longTaskObserver: PerformanceObserver };
    w.longTasks = [];
    w.longTaskObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    });
    w.longTaskObserver.observe({ type: 'longtask', buffered: true });
  }, problemLines(100_000));
  // Load noise (other work on the machine) only ever lengthens tasks, and can make even the plain page's
  // start take longer than the bound; a freeze caused by the draft shows on every load. So the page is
  // loaded up to three times, and the quickest load must stay under the bound.
  const longest: number[] = [];
  for (let load = 0; load < 3 && !(Math.min(...longest) < LONGEST_TASK_MS); load++) {
    await page.goto('./');
    // Until the page has checked the draft, the test only looks for the outcome, with a predicate that costs
    // the page nothing: the test's own work in the page (matching text, taking snapshots) would be long tasks too.
    await page.waitForFunction(() => document.querySelector('[data-testid="script-error"]')?.textContent?.includes('100,000 problems') === true, undefined, {
      polling: 250,
      timeout: 20_000,
    });
    const tasks = await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[]; longTaskObserver: PerformanceObserver };
      return [...w.longTasks, ...w.longTaskObserver.takeRecords().map((e) => e.duration)];
    });
    longest.push(Math.round(Math.max(0, ...tasks)));
  }
  console.log(`longest task with a 100,000-line draft, by load: ${longest.join(', ')} ms`);
  expect(Math.min(...longest)).toBeLessThan(LONGEST_TASK_MS);

  await expect(page.getByTestId('node-n1')).toBeVisible();
  await expect(page.getByTestId('script-restored')).toBeVisible();
  // Too long to edit in place: shown read-only, with what to do about it.
  await expect(page.getByTestId('script-too-long')).toContainText('100,000 lines, more than the 20,000');
  await expect(page.getByTestId('script-large').locator('[data-first-line="1"]')).toContainText('run 1ms');
  const problems = page.getByTestId('script-error');
  await expect(problems).toContainText('This script cannot run yet (100,000 problems)');
  await expect(problems).toContainText('line 1, column 1: "run" needs a cluster');
  await expect(problems).toContainText('…and 99,994 more.');

  // Still usable: Cancel goes back to the recorded script, and the simulation takes commands.
  await page.getByTestId('script-cancel').click();
  await expect(page.getByTestId('script')).toBeVisible();
  await expect(page.getByTestId('script-error')).toHaveCount(0);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('script')).toContainText('step');
  expect(errors).toEqual([]);
});

/** What a paste does: the textarea's value changes, and it says so with an input event. */
async function paste(page: Page, text: string): Promise<void> {
  await page.getByTestId('script-editor').evaluate((el, value) => {
    // Filling the textarea key by key (or with insertText) would take Chromium minutes for this many lines.
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

test('a pasted draft too long to edit turns read-only, and Run still says what is wrong', async ({ page }) => {
  await open(page);
  await page.getByTestId('script-edit').click();
  await paste(page, problemLines(25_000));
  await expect(page.getByTestId('script-too-long')).toContainText('25,000 lines');
  await expect(page.getByTestId('script-editor')).toHaveCount(0);
  await page.getByTestId('script-run').click();
  await expect(page.getByTestId('script-error')).toContainText('(25,000 problems)');
});

test('the margin marks the first 500 lines with problems, and says so', async ({ page }) => {
  await open(page);
  await page.getByTestId('script-edit').click();
  await paste(page, problemLines(2_000));
  await expect(page.getByTestId('script-error')).toContainText('(2,000 problems)');
  await expect(page.getByTestId('script-error-line')).toHaveCount(500);
  await expect(page.getByTestId('script-error-line').last()).toHaveAttribute('data-line', '500');
  await expect(page.getByTestId('script-error')).toContainText('The margin marks the first 500 lines with problems.');
});
