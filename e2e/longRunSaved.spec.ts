/**
 * Any run that can run can be saved: a run of 40,000 client requests, whose
 * script is far past what a link or localStorage could hold, survives a
 * reload. And where the browser refuses to save a run, the page says so and
 * stays saying so, and the script that made it is not lost.
 */
import { expect, test, type Page } from '@playwright/test';
import { open, pause } from './helpers.ts';
import { keptDraft, savedRecord, setKept } from './kept.ts';

// Each test loads a 1.4 MB script in the worker; run side by side on a busy machine, one may pass the page's 20 s load limit.
test.describe.configure({ mode: 'serial' });

const REQUESTS = 40_000;
const LONG_SCRIPT = ['cluster nodes=3 seed=4', 'campaign n1', 'stabilize', ...Array.from({ length: REQUESTS }, (_, i) => `propose leader request-number-${String(i).padStart(6, '0')}`), 'run 50ms'].join('\n');

/** The event the page shows. */
const shownEvent = async (page: Page): Promise<number> => Number(await page.getByTestId('sim-time').getAttribute('data-event'));

/** The event of the saved run, or null if none (or one moved from an earlier version, a link fragment). */
async function savedEvent(page: Page): Promise<number | null> {
  const saved = await savedRecord(page);
  return typeof saved === 'object' ? saved.cursor.event : null;
}

/** Step three times on the default cluster, and wait for that run to be saved. */
async function saveAShortRun(page: Page): Promise<number> {
  await open(page);
  await pause(page);
  for (let i = 0; i < 3; i++) await page.getByTestId('step').click();
  await expect(page.getByTestId('script')).toHaveText(/step 3$/);
  const event = await shownEvent(page);
  await expect.poll(() => savedEvent(page)).toBe(event);
  return event;
}

/**
 * Have the long script in the editor (kept as the draft, as a paste and a
 * reload leave it: typing 1.4 MB into a text box is not what is tested) and
 * run it; the event it reaches.
 */
async function runTheLongScript(page: Page): Promise<number> {
  await setKept(page, 'script-draft', LONG_SCRIPT);
  await page.reload();
  await expect(page.getByTestId('script-restored')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('script-run').click();
  await expect(page.getByTestId('script-ran')).toBeVisible({ timeout: 60_000 });
  const event = await shownEvent(page);
  expect(event).toBeGreaterThan(REQUESTS);
  return event;
}

test('a run of 40,000 requests is saved, and a reload brings it straight back', async ({ page }) => {
  test.setTimeout(180_000);
  await saveAShortRun(page);
  const event = await runTheLongScript(page);
  await expect.poll(() => savedEvent(page), { timeout: 30_000 }).toBe(event);
  // Saved, so the draft that made it is forgotten.
  await expect.poll(() => keptDraft(page)).toBeUndefined();

  // The reload shows the saved run, and never the default cluster (five nodes; the run has three) first.
  await page.addInitScript(() => {
    const w = window as unknown as { sawDefault: boolean };
    w.sawDefault = false;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="node-n5"]') !== null) w.sawDefault = true;
    }).observe(document, { childList: true, subtree: true });
  });
  await page.reload();
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-event', String(event), { timeout: 60_000 });
  await expect(page.getByTestId('node-n3')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { sawDefault: boolean }).sawDefault)).toBe(false);
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await expect(page.getByTestId('not-kept')).toHaveCount(0);
});

test('a run the browser refuses to save is said on the page, and its script stays kept as a draft', async ({ page }) => {
  test.setTimeout(180_000);
  // The browser refuses any saved run longer than 100,000 characters of script, as a full storage would.
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      const script = (value as { script?: unknown } | null)?.script;
      if (typeof script === 'string' && script.length > 100_000) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    };
  });
  const shortRun = await saveAShortRun(page);
  await runTheLongScript(page);

  const warning = page.getByTestId('run-not-kept');
  await expect(warning).toContainText("Your run could not be saved in this browser: the browser's storage for this site is full");
  await expect(warning).toContainText('Save .txt');
  expect(await savedEvent(page)).toBe(shortRun);
  // The script is not lost: it is kept as a draft until its run is saved, and Edit shows it.
  await expect.poll(() => keptDraft(page)).toBe(LONG_SCRIPT);
  // The message stays: it is not a notice that goes with the next action.
  await page.getByTestId('step').click();
  await expect(warning).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('script-restored')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => keptDraft(page)).toBe(LONG_SCRIPT);
});
