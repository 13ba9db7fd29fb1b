/**
 * A moment is a pair: the events processed, and the clock, which can stand
 * between two events (a pause while playing). Stepping away and back, and a
 * link made there, give back both numbers, not the time of the event.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { open, pause, play } from './helpers.ts';

const clock = (page: Page) => page.getByTestId('sim-time');

interface Moment {
  readonly event: string;
  readonly ms: string;
}

async function momentOf(page: Page): Promise<Moment> {
  const c = clock(page);
  return { event: (await c.getAttribute('data-event'))!, ms: (await c.getAttribute('data-ms'))! };
}

async function expectMoment(page: Page, m: Moment): Promise<void> {
  await expect(clock(page)).toHaveAttribute('data-event', m.event);
  await expect(clock(page)).toHaveAttribute('data-ms', m.ms);
}

async function shareLink(page: Page): Promise<string> {
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-bar')).toHaveAttribute('data-status', /^(copied|not-copied)$/);
  const url = await page.getByTestId('share-url').inputValue();
  await page.getByTestId('close-share').click();
  return url;
}

/**
 * Play a little, pause, step twice and back twice, and open a link made there:
 * both must show the moment of the pause. Returns that moment.
 */
async function pauseStepAndShare(page: Page, context: BrowserContext): Promise<Moment> {
  const from = Number(await clock(page).getAttribute('data-ms'));
  await play(page);
  await expect.poll(async () => Number(await clock(page).getAttribute('data-ms'))).toBeGreaterThan(from + 120);
  await pause(page);
  const paused = await momentOf(page);
  const e = Number(paused.event);

  for (const [button, event] of [['step', e + 1], ['step', e + 2], ['step-back', e + 1], ['step-back', e]] as const) {
    await page.getByTestId(button).click();
    await expect(clock(page)).toHaveAttribute('data-event', String(event));
  }
  await expectMoment(page, paused);
  await expect(page.getByTestId('time-travel')).toHaveAttribute('data-live', 'false');

  const url = await shareLink(page);
  const fresh = await context.newPage();
  const errors = await open(fresh, new URL(url).hash);
  await expectMoment(fresh, paused);
  await expect(fresh.getByTestId('play-pause')).toHaveAttribute('data-playing', 'false');
  await expect(fresh.getByTestId('notice')).toHaveCount(0);
  expect(errors).toEqual([]);
  await fresh.close();
  return paused;
}

/** The time of event `e` itself: the scrubber to the event before, then one step on (a seek forgets where stepping came from). */
async function timeOfEvent(page: Page, e: number): Promise<number> {
  await page.getByTestId('scrubber').fill(String(e - 1));
  await expect(clock(page)).toHaveAttribute('data-event', String(e - 1));
  await page.getByTestId('step').click();
  await expect(clock(page)).toHaveAttribute('data-event', String(e));
  return Number(await clock(page).getAttribute('data-ms'));
}

test('paused between two events: two steps and two steps back return to the same event and clock, and a link made there opens at both', async ({ page, context }) => {
  test.setTimeout(120_000);
  const errors = await open(page);
  // The test means something only if the pause left the clock strictly after its event's own time (almost always):
  // otherwise it goes on playing and tries again.
  let between = false;
  for (let attempt = 0; attempt < 4 && !between; attempt++) {
    const paused = await pauseStepAndShare(page, context);
    between = (await timeOfEvent(page, Number(paused.event))) < Number(paused.ms);
    await page.getByTestId('back-to-live').click();
    await expect(page.getByTestId('time-travel')).toHaveAttribute('data-live', 'true');
  }
  expect(between, 'a pause left the clock between two events').toBe(true);
  expect(errors).toEqual([]);
});
