/** RaftScope's keys, and the list of every shortcut behind `?`. */
import { expect, test } from '@playwright/test';
import { openPlaying, pause, waitForLeader } from './helpers.ts';

test('? lists every shortcut; Escape closes the list, and keys do nothing behind it', async ({ page }) => {
  await openPlaying(page);
  await pause(page);
  await page.keyboard.press('?');
  const help = page.getByTestId('shortcut-help');
  await expect(help).toBeVisible();
  for (const key of ['Space', 'c', 'r', 't', 'a', '?']) await expect(help.locator('kbd').getByText(key, { exact: true }).first()).toBeVisible();
  const event = await page.getByTestId('sim-time').getAttribute('data-event');
  await page.keyboard.press('c');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-event', event!);
  await expect(page.getByTestId('script')).not.toContainText('propose');
});

test('r restarts the leader, t spreads the timers, a aligns them', async ({ page }) => {
  await openPlaying(page);
  const leader = await waitForLeader(page);
  await pause(page);
  await page.keyboard.press('r');
  await expect(page.getByTestId('script')).toContainText(`crash ${leader.id}\nrestart ${leader.id}`);
  await expect(page.getByTestId(`node-${leader.id}`)).toHaveAttribute('data-role', 'follower');
  await page.keyboard.press('t');
  await expect(page.getByTestId('script')).toHaveText(/timers spread$/);
  await page.keyboard.press('a');
  await expect(page.getByTestId('script')).toHaveText(/timers align$/);
});
