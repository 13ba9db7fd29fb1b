/**
 * Time travel through the UI: stepping back and forward, the scrubber, acting in
 * the past (a fork), undo and redo, and links made at an earlier moment.
 */
import { expect, test, type Page } from '@playwright/test';
import { open } from './helpers.ts';
import { pageState, type PageState } from './pageState.ts';

const live = (page: Page) => page.getByTestId('time-travel');

async function eventNumber(page: Page): Promise<number> {
  return Number(await page.getByTestId('sim-time').getAttribute('data-event'));
}

/** Wait until the page shows event `n`, then read everything it shows. */
async function stateAt(page: Page, n: number): Promise<PageState> {
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-event', String(n));
  return pageState(page);
}

async function scrubTo(page: Page, position: number): Promise<PageState> {
  await page.getByTestId('scrubber').fill(String(position));
  return stateAt(page, position);
}

test('stepping back and then forward returns to the identical state, one event at a time', async ({ page }) => {
  const errors = await open(page, '?scenario=leader-crash');
  await expect(live(page)).toHaveAttribute('data-live', 'true');
  const end = await eventNumber(page);
  const states: PageState[] = [await pageState(page)];
  for (let i = 1; i <= 6; i++) {
    // Buttons and the ← key do the same.
    if (i % 2 === 0) await page.getByTestId('step-back').click();
    else await page.keyboard.press('ArrowLeft');
    states.push(await stateAt(page, end - i));
    await expect(live(page)).toHaveAttribute('data-live', 'false');
  }
  // Every event changed something the page shows (a message arrived or left, a timer fired).
  expect(new Set(states.map((s) => JSON.stringify({ ...s, event: '' }))).size).toBe(states.length);
  for (let i = 5; i >= 0; i--) {
    if (i % 2 === 0) await page.getByTestId('step').click();
    else await page.keyboard.press('ArrowRight');
    expect(await stateAt(page, end - i), `back at event ${end - i}`).toEqual(states[i]);
  }
  await expect(live(page)).toHaveAttribute('data-live', 'true');
  // Looking at the past recorded nothing.
  expect((await pageState(page)).script).toBe(states[0].script);
  expect(errors).toEqual([]);
});

test('acting in the past forks the run; undo brings the old future back, redo the new one', async ({ page }) => {
  await open(page, '?scenario=leader-crash');
  const end = await eventNumber(page);
  const atEnd = await pageState(page);
  const past = await scrubTo(page, Math.floor(end / 2));
  await expect(live(page)).toHaveAttribute('data-live', 'false');
  await expect(page.getByTestId('time-travel-where')).toContainText(`event ${Math.floor(end / 2)} of ${end}`);

  await page.getByTestId('node-n3').click();
  await page.getByTestId('action-crash').click();
  await expect(page.getByTestId('notice')).toContainText(`You changed the past at event #${Math.floor(end / 2)}`);
  await expect(page.getByTestId('notice')).toContainText(`The ${end - Math.floor(end / 2)} events`);
  await expect(live(page)).toHaveAttribute('data-live', 'true');
  await expect(page.getByTestId('node-n3')).toHaveAttribute('data-role', 'down');
  const forked = await pageState(page);
  expect(forked.script).toMatch(/\ncrash n3$/);
  expect(Number(forked.event)).toBe(Math.floor(end / 2) + 1);

  await page.keyboard.press('Control+z');
  // Back to the moment where the fork happened, with the old run (and its future) whole again.
  expect(await stateAt(page, Math.floor(end / 2))).toEqual(past);
  await expect(page.getByTestId('undo')).toBeDisabled();
  await page.getByTestId('back-to-live').click();
  expect(await stateAt(page, end)).toEqual(atEnd);

  await page.getByTestId('redo').click();
  expect(await stateAt(page, Math.floor(end / 2) + 1)).toEqual(forked);
});

test('a link made at an earlier moment opens there, and the rest of the run is still ahead', async ({ page, context }) => {
  await open(page, '?scenario=minority-partition');
  const end = await eventNumber(page);
  const atEnd = await pageState(page);
  const moment = await scrubTo(page, 77);
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-bar')).toContainText('event #77');
  const url = await page.getByTestId('share-url').inputValue();

  const fresh = await context.newPage();
  const errors = await open(fresh, new URL(url).hash);
  expect(await stateAt(fresh, 77)).toEqual(moment);
  await expect(fresh.getByTestId('time-travel')).toHaveAttribute('data-live', 'false');
  await expect(fresh.getByTestId('play-pause')).toHaveAttribute('data-playing', 'false');
  await expect(fresh.getByTestId('notice')).toHaveCount(0);
  // The future the link's author saw is there to play on to.
  await fresh.keyboard.press('End');
  expect(await stateAt(fresh, end)).toEqual(atEnd);
  expect(errors).toEqual([]);
});

test('playing from the past replays the recorded run to its end, then goes on live', async ({ page }) => {
  await open(page, '?scenario=split-vote');
  const end = await eventNumber(page);
  const script = (await pageState(page)).script;
  await scrubTo(page, Math.max(0, end - 40));
  await page.getByTestId('speed').fill('0'); // 10^0: 1×
  await page.getByTestId('play-pause').click();
  await expect(live(page)).toHaveAttribute('data-live', 'true', { timeout: 20_000 });
  await page.getByTestId('play-pause').click();
  const after = await pageState(page);
  expect(Number(after.event)).toBeGreaterThanOrEqual(end);
  // Until the end, nothing was recorded; then playing recorded `run` as usual.
  expect(after.script.startsWith(script.replace(/run \d+m?s$/, ''))).toBe(true);
});
