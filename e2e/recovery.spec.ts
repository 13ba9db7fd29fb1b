/** If the simulation worker fails, the page offers to rebuild the run from its recording. */
import { expect, test } from '@playwright/test';
import { logTerms, open } from './helpers.ts';

test('a failed worker is restarted from the recorded script, state intact', async ({ page }) => {
  // Keep a handle on the page's workers so the test can make one fail.
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
  await open(page, '?scenario=figure7');
  await page.getByTestId('node-n1').click();
  await page.getByTestId('action-campaign').click();
  for (let i = 1; i <= 12; i++) {
    await page.getByTestId('step').click();
    await expect(page.getByTestId('script')).toHaveText(i === 1 ? /step$/ : new RegExp(`step ${i}$`));
  }
  const before = await Promise.all(['n1', 'n4', 'n7'].map((id) => logTerms(page, id)));
  const time = await page.getByTestId('sim-time').getAttribute('data-ms');

  await page.evaluate(() => {
    const w = window as unknown as { __workers: Worker[] };
    w.__workers.at(-1)!.dispatchEvent(new ErrorEvent('error', { message: 'simulated failure' }));
  });
  const restart = page.getByRole('button', { name: 'Restart from the script' });
  await expect(page.getByRole('alert')).toContainText('simulated failure');
  await restart.click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('script')).toHaveText('preset figure7\ncampaign n1\nstep 12');
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', time!);
  expect(await Promise.all(['n1', 'n4', 'n7'].map((id) => logTerms(page, id)))).toEqual(before);
});
