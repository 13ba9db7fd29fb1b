/**
 * A moment is a pair: the events processed, and the clock, which can stand
 * between two events (a pause while playing). Stepping away and back, and a
 * link made there, give back both numbers, not the time of the event.
 */
import { expect, test, type Page } from '@playwright/test';
import { open, pause, play } from './helpers.ts';

const clock = (page: Page) => page.getByTestId('sim-time');

async function moment(page: Page): Promise<{ event: string; ms: string }> {
  const c = clock(page);
  return { event: (await c.getAttribute('data-event'))!, ms: (await c.getAttribute('data-ms'))! };
}

/** The time of event `n` itself, from the events list (every event listed: heartbeats too). */
async function timeOfEvent(page: Page, n: number): Promise<number | null> {
  for (const when of await page.locator('[data-testid="events"] .event-when').allTextContents()) {
    const m = /^(\d+) ms\s*#(\d+)/.exec(when.trim());
    if (m !== null && Number(m[2]) === n) return Number(m[1]);
  }
  return null;
}

/** Play a little and pause, until the clock stands strictly between two events. */
async function pauseBetweenEvents(page: Page): Promise<{ event: string; ms: string }> {
  await page.getByLabel(/hide heartbeats/).setChecked(false);
  for (let attempt = 0; attempt < 8; attempt++) {
    const from = Number(await clock(page).getAttribute('data-ms'));
    await play(page);
    await expect.poll(async () => Number(await clock(page).getAttribute('data-ms'))).toBeGreaterThan(from + 120);
    await pause(page);
    const at = await moment(page);
    const own = await timeOfEvent(page, Number(at.event));
    if (own !== null && own < Number(at.ms)) return at;
  }
  throw new Error('the clock never stood between two events when paused');
}

async function shareLink(page: Page): Promise<string> {
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-bar')).toHaveAttribute('data-status', /^(copied|not-copied)$/);
  return page.getByTestId('share-url').inputValue();
}

test('paused between two events: two steps and two steps back return to the same event and clock, and a link made there opens at both', async ({ page, context }) => {
  const errors = await open(page);
  await expect(page.getByTestId('node-n1')).toBeVisible();
  const paused = await pauseBetweenEvents(page);
  const e = Number(paused.event);

  await page.getByTestId('step').click();
  await expect(clock(page)).toHaveAttribute('data-event', String(e + 1));
  await page.getByTestId('step').click();
  await expect(clock(page)).toHaveAttribute('data-event', String(e + 2));
  await page.getByTestId('step-back').click();
  await expect(clock(page)).toHaveAttribute('data-event', String(e + 1));
  await page.getByTestId('step-back').click();
  await expect(clock(page)).toHaveAttribute('data-event', paused.event);
  await expect(clock(page)).toHaveAttribute('data-ms', paused.ms);
  await expect(page.getByTestId('time-travel')).toHaveAttribute('data-live', 'false');

  const url = await shareLink(page);
  const fresh = await context.newPage();
  const freshErrors = await open(fresh, new URL(url).hash);
  await expect(clock(fresh)).toHaveAttribute('data-event', paused.event);
  await expect(clock(fresh)).toHaveAttribute('data-ms', paused.ms);
  await expect(fresh.getByTestId('play-pause')).toHaveAttribute('data-playing', 'false');
  await expect(fresh.getByTestId('notice')).toHaveCount(0);
  expect(errors).toEqual([]);
  expect(freshErrors).toEqual([]);
});
