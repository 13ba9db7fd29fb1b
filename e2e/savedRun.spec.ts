/**
 * Nothing lost: the run is kept in IndexedDB as it changes; a reload brings
 * it straight back, and any other arrival offers to. Opening a link, good or
 * bad, never replaces it without that offer on screen.
 */
import { expect, test, type Page } from '@playwright/test';
import { open, openPlaying, pause, play } from './helpers.ts';
import { pageState } from './pageState.ts';
import { savedRecord, savedRunText as savedRun, setKept } from './kept.ts';

/** Make a run of one's own: pause the default cluster, crash n2, step. Returns what the page shows once it is saved. */
async function makeAndSaveARun(page: Page) {
  await openPlaying(page);
  await pause(page);
  await page.getByTestId('node-n2').click();
  await page.getByTestId('action-crash').click();
  for (let i = 0; i < 4; i++) await page.getByTestId('step').click();
  await expect(page.getByTestId('script')).toHaveText(/crash n2\nstep 4$/);
  const state = await pageState(page);
  // Saved at most once a second: wait for the save of this very moment, not an earlier one.
  await expect.poll(async () => {
    const saved = await savedRecord(page);
    return typeof saved === 'object' ? [saved.cursor.event, saved.script.endsWith('step 4')] : null;
  }).toEqual([Number(state.event), true]);
  return { state, saved: (await savedRun(page))! };
}

test('a plain visit offers the saved run, and Restore brings it back exactly', async ({ page }) => {
  const { state } = await makeAndSaveARun(page);
  await openPlaying(page);
  const banner = page.getByTestId('restore-banner');
  await expect(banner).toContainText(`event #${state.event}`);
  await page.getByTestId('restore-run').click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-event', state.event);
  await expect(page.getByTestId('play-pause')).toHaveAttribute('data-playing', 'false');
  expect(await pageState(page)).toEqual(state);
  await expect(page.getByTestId('notice')).toHaveCount(0);
});

test('Dismiss keeps the run on screen, which is saved from then on', async ({ page }) => {
  const { saved } = await makeAndSaveARun(page);
  await openPlaying(page);
  await page.getByTestId('dismiss-restore').click();
  await expect(page.getByTestId('restore-banner')).toHaveCount(0);
  await expect.poll(() => savedRun(page)).not.toBe(saved);
});

test('watching is not changing: the saved run is kept until the user acts', async ({ page }) => {
  const { saved } = await makeAndSaveARun(page);
  await openPlaying(page);
  await expect(page.getByTestId('restore-banner')).toBeVisible();
  // Leaving the page saves at once, if anything is to be saved: here nothing is.
  await openPlaying(page);
  expect(await savedRun(page)).toBe(saved);
  await expect(page.getByTestId('restore-banner')).toBeVisible();
  // A change of one's own withdraws the offer and replaces the saved run.
  await pause(page);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('restore-banner')).toHaveCount(0);
  await expect.poll(() => savedRun(page)).not.toBe(saved);
});

test('a bad link never overwrites the saved run', async ({ page }) => {
  const { saved, state } = await makeAndSaveARun(page);
  // Pasted into the same tab (only the fragment changes): the run on screen stays.
  await page.evaluate(() => (window.location.hash = '#v1.not-a-real-link!'));
  await expect(page.getByTestId('notice')).toContainText('could not be opened');
  await expect(page.getByTestId('notice')).not.toContainText('default cluster');
  expect(await pageState(page)).toEqual(state);
  // Opened in a fresh page: the default cluster, the saved run offered back, and nothing saved over it.
  await page.goto('about:blank');
  await open(page, '#v1.not-a-real-link!');
  await expect(page.getByTestId('notice')).toContainText('Showing the default cluster instead');
  await expect(page.getByTestId('restore-banner')).toBeVisible();
  await open(page, '?scenario=leader-crash');
  await expect(page.getByTestId('restore-banner')).toBeVisible();
  await openPlaying(page);
  expect(await savedRun(page)).toBe(saved);
  await expect(page.getByTestId('restore-banner')).toBeVisible();
});

test('a run opened from a link and then changed is saved, and the address forgets the link', async ({ page }) => {
  await open(page, '?scenario=leader-crash');
  await expect(page.getByTestId('script')).not.toHaveText('');
  expect(await savedRun(page)).toBeUndefined();
  await page.getByTestId('step').click();
  await expect(page.getByTestId('script')).toHaveText(/step$/);
  expect(new URL(page.url()).search).toBe('');
  const state = await pageState(page);
  await expect.poll(async () => ((await savedRecord(page)) as { cursor?: { event: number } } | undefined)?.cursor?.event).toBe(Number(state.event));
  // A reload brings it straight back.
  await page.reload();
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-event', state.event);
  await expect(page.getByTestId('restore-banner')).toHaveCount(0);
  expect(await pageState(page)).toEqual(state);
});

test("a link opened while a run is saved offers it back; acting on the link's run is what replaces it", async ({ page }) => {
  const { saved } = await makeAndSaveARun(page);
  await open(page, '?tour=election&step=2');
  await expect(page.getByTestId('restore-banner')).toBeVisible();
  await expect(page.getByTestId('tour')).toHaveAttribute('data-checks', 'ok');
  // Taking the tour is not changing the run.
  await page.getByTestId('tour-next').click();
  await expect(page.getByTestId('tour')).toHaveAttribute('data-step', '3');
  expect(await savedRun(page)).toBe(saved);
  await page.getByTestId('restore-run').click();
  await expect(page.getByTestId('script')).toHaveText(/crash n2\nstep 4$/);
  await expect(page.getByTestId('tour')).toHaveCount(0);
});

test('an unreadable or newer saved run is named, and kept until the user acts on a run or dismisses', async ({ page }) => {
  for (const [stored, says] of [
    ['v7.made-by-a-newer-raftviz', 'saved by a newer version of raftviz (format v7; this page reads up to v1)'],
    ['v1.!!!', 'it is unreadable'],
  ] as const) {
    await page.goto('about:blank');
    await open(page);
    await setKept(page, 'saved-run', stored);
    await open(page);
    const problem = page.getByTestId('saved-run-problem');
    await expect(problem).toContainText(says);
    await expect(problem).toContainText('It stays saved until you change the run on screen or dismiss this message');
    await expect(page.getByTestId('restore-banner')).toHaveCount(0);
    // Watching, and leaving the page (which saves at once if anything is to be saved), change nothing.
    await play(page);
    await open(page);
    expect(await savedRun(page)).toBe(stored);
    await expect(problem).toBeVisible();
  }
  // Dismissed: the run on screen is the one to keep, and is saved in its place.
  await page.getByTestId('dismiss-saved-run-problem').click();
  await expect(page.getByTestId('saved-run-problem')).toHaveCount(0);
  await expect.poll(async () => ((await savedRecord(page)) as { format?: number } | undefined)?.format).toBe(1);
});

test('a change of the run on screen withdraws the unreadable-run message and saves over it', async ({ page }) => {
  await open(page);
  await page.evaluate(() => localStorage.setItem('raftviz:saved-run', 'v1.!!!'));
  await open(page);
  await expect(page.getByTestId('saved-run-problem')).toBeVisible();
  await pause(page);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('saved-run-problem')).toHaveCount(0);
  await expect.poll(() => savedRun(page)).not.toBe('v1.!!!');
});
