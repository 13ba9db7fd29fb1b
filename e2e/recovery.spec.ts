/**
 * If the simulation worker fails (throws, or dies without a word), the page says
 * so, starts a new worker and replays the recorded run into it, at the moment
 * that was on screen. A second failure soon after is left to the user, with a
 * button, rather than looping.
 */
import { expect, test, type Page } from '@playwright/test';
import { logTerms, open } from './helpers.ts';

/** Keep a handle on the page's workers, so a test can make one die without a word. */
async function trackWorkers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const Original = window.Worker;
    const w = window as unknown as { __workers: Worker[] };
    w.__workers = [];
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        w.__workers.push(this);
      }
    };
  });
}

/** Figure 7, n1 elected and 12 events into the repair. */
async function repairUnderWay(page: Page): Promise<{ logs: string[]; time: string }> {
  await open(page, '?scenario=figure7');
  await page.getByTestId('node-n1').click();
  await page.getByTestId('action-campaign').click();
  for (let i = 1; i <= 12; i++) {
    await page.getByTestId('step').click();
    await expect(page.getByTestId('script')).toHaveText(i === 1 ? /step$/ : new RegExp(`step ${i}$`));
  }
  return { logs: await Promise.all(['n1', 'n4', 'n7'].map((id) => logTerms(page, id))), time: (await page.getByTestId('sim-time').getAttribute('data-ms'))! };
}

test('a worker that throws is replaced and the run replayed, state intact', async ({ page }) => {
  const before = await repairUnderWay(page);
  // A real uncaught exception inside the worker.
  const [worker] = page.workers();
  await worker.evaluate(() => setTimeout(() => {
    throw new Error('injected failure');
  }));
  await expect(page.getByTestId('notice')).toContainText('The simulation failed');
  await expect(page.getByTestId('notice')).toContainText('injected failure');
  await expect(page.getByTestId('script')).toHaveText('preset figure7\ncampaign n1\nstep 12');
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', before.time);
  expect(await Promise.all(['n1', 'n4', 'n7'].map((id) => logTerms(page, id)))).toEqual(before.logs);
  // It goes on working.
  await page.getByTestId('step').click();
  await expect(page.getByTestId('script')).toHaveText(/step 13$/);
});

test('a worker that dies silently is noticed, and the run comes back at the moment shown, in the past', async ({ page }) => {
  test.setTimeout(60_000);
  await trackWorkers(page);
  await repairUnderWay(page);
  const end = Number(await page.getByTestId('sim-time').getAttribute('data-event'));
  for (let i = 0; i < 5; i++) await page.getByTestId('step-back').click();
  const event = String(end - 5);
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-event', event);
  await expect(page.getByTestId('time-travel')).toHaveAttribute('data-live', 'false');
  const logs = await Promise.all(['n1', 'n4', 'n7'].map((id) => logTerms(page, id)));
  await page.evaluate(() => (window as unknown as { __workers: Worker[] }).__workers.at(-1)!.terminate());
  // The next message goes unanswered.
  await page.getByTestId('step-back').click();
  await expect(page.getByTestId('notice')).toContainText('it stopped answering', { timeout: 15_000 });
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-event', event);
  await expect(page.getByTestId('time-travel')).toHaveAttribute('data-live', 'false');
  expect(await Promise.all(['n1', 'n4', 'n7'].map((id) => logTerms(page, id)))).toEqual(logs);
});

test('a second failure straight after a recovery is not retried by itself: the page says so and offers the restart', async ({ page }) => {
  await trackWorkers(page);
  await repairUnderWay(page);
  const fail = () => page.evaluate(() => (window as unknown as { __workers: Worker[] }).__workers.at(-1)!.dispatchEvent(new ErrorEvent('error', { message: 'simulated failure' })));
  await fail();
  // The second failure comes within seconds of the first recovery, whether or not its replay is done.
  await fail();
  await expect(page.locator('.error-banner')).toContainText('simulated failure');
  await page.getByRole('button', { name: 'Restart from the script' }).click();
  await expect(page.locator('.error-banner')).toHaveCount(0);
  await expect(page.getByTestId('script')).toHaveText('preset figure7\ncampaign n1\nstep 12');
});
