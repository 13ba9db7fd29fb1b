/** Shared steps for the end-to-end tests. They wait on DOM state, never on fixed sleeps. */
import { expect, type Page } from '@playwright/test';

/** Open the app (optionally with a query such as `?scenario=figure7`) and collect console errors. */
export async function open(page: Page, query = ''): Promise<string[]> {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`./${query}`);
  await expect(page.getByTestId('node-n1')).toBeVisible();
  return errors;
}

/**
 * Open the app and press Play, as a visitor does: the page opens paused, and
 * nothing but the user starts it.
 */
export async function openPlaying(page: Page, query = ''): Promise<string[]> {
  const errors = await open(page, query);
  await play(page);
  return errors;
}

/** Make a node start an election now, through its inspector (the `campaign` command). */
export async function campaign(page: Page, id: string): Promise<void> {
  await page.getByTestId(`node-${id}`).click();
  await page.getByTestId('action-campaign').click();
}

export async function pause(page: Page): Promise<void> {
  const button = page.getByTestId('play-pause');
  if ((await button.getAttribute('data-playing')) === 'true') await button.click();
  await expect(button).toHaveAttribute('data-playing', 'false');
  await settle(page);
}

/**
 * Wait until the shown event count stands still. A frame of play already on
 * its way to the worker still lands after Pause, so a count read at once can
 * move by one more.
 */
export async function settle(page: Page): Promise<void> {
  const time = page.getByTestId('sim-time');
  let last = -1;
  await expect
    .poll(async () => {
      const now = Number(await time.getAttribute('data-event'));
      const still = now === last;
      last = now;
      return still;
    }, { intervals: [250] })
    .toBe(true);
}

export async function play(page: Page): Promise<void> {
  const button = page.getByTestId('play-pause');
  if ((await button.getAttribute('data-playing')) === 'false') await button.click();
  await expect(button).toHaveAttribute('data-playing', 'true');
}

/** Terms of a node's log as shown, e.g. "1 1 1 4 4". */
export async function logTerms(page: Page, id: string): Promise<string> {
  const terms = await page.locator(`[data-testid^="entry-${id}-"]`).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.term));
  return terms.join(' ');
}

/** Committed flags of a node's log as shown, e.g. [true, true, false]. */
export async function logCommitted(page: Page, id: string): Promise<boolean[]> {
  return page.locator(`[data-testid^="entry-${id}-"]`).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.committed === 'true'));
}

/** The id (n1..) of the node drawn as leader with the highest term, once there is one. */
export async function waitForLeader(page: Page, options: { above?: number; among?: string[] } = {}): Promise<{ id: string; term: number }> {
  let found: { id: string; term: number } | null = null;
  await expect
    .poll(
      async () => {
        const leaders = await page.locator('[data-testid^="node-"][data-role="leader"]').evaluateAll((els) =>
          els.map((e) => ({ id: (e as HTMLElement).dataset.testid!.slice(5), term: Number((e as SVGElement).dataset.term) })),
        );
        found =
          leaders
            .filter((l) => l.term > (options.above ?? -1) && (options.among === undefined || options.among.includes(l.id)))
            .sort((a, b) => b.term - a.term)[0] ?? null;
        return found !== null;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return found!;
}

export const nodeIds = (count: number): string[] => Array.from({ length: count }, (_, i) => `n${i + 1}`);

/** The link test id for two nodes, lower number first. */
export const linkId = (a: string, b: string): string =>
  Number(a.slice(1)) < Number(b.slice(1)) ? `link-${a}-${b}` : `link-${b}-${a}`;
