/**
 * Play pressed as soon as the page shows it is never undone. The default page
 * opens paused at its first paint and nothing but the user starts it, so a
 * course's test that opens `/` and clicks Play finds it playing, every time,
 * however early the click comes (while the worker and the library are still
 * on their way).
 */
import { expect, test } from '@playwright/test';

test('Play clicked right after load plays, and keeps playing, on ten fresh visits', async ({ browser }) => {
  test.setTimeout(120_000);
  for (let visit = 1; visit <= 10; visit++) {
    // A new context each time: no saved run, no offer to restore one.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('./');
    const button = page.getByTestId('play-pause');
    // The first paint tells the truth: paused, and it stays so until pressed.
    await expect(button, `visit ${visit}`).toHaveAttribute('data-playing', 'false');
    await button.click();
    await expect(button, `visit ${visit}`).toHaveAttribute('data-playing', 'true');
    // The simulation runs: its clock moves on from where it stood once loaded...
    const time = page.getByTestId('sim-time');
    await expect(page.getByTestId('node-n1')).toBeVisible();
    const start = Number(await time.getAttribute('data-ms'));
    await expect.poll(async () => Number(await time.getAttribute('data-ms')), { message: `visit ${visit}: the clock advances` }).toBeGreaterThan(start + 20);
    // ...and nothing set it back to paused meanwhile.
    await expect(button, `visit ${visit}`).toHaveAttribute('data-playing', 'true');
    await context.close();
  }
});

test('the default page opens paused and stays paused until Play', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('node-n1')).toBeVisible();
  await expect(page.getByTestId('script')).toContainText('cluster nodes=5');
  await expect(page.getByTestId('play-pause')).toHaveAttribute('data-playing', 'false');
  // Long enough for any start-up timer to have fired: nothing moved.
  await page.waitForTimeout(600);
  await expect(page.getByTestId('play-pause')).toHaveAttribute('data-playing', 'false');
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-event', '0');
});
