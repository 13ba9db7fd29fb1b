/**
 * Absurd values are refused with a message, and nothing is lost: the node
 * count, the seed, the speed, and durations and counts past the scenario
 * language's limits, typed in the editor or carried by a link. After each
 * refusal the run on screen is the one that was there, and the page still works.
 */
import { expect, test, type Page } from '@playwright/test';
import { open, openPlaying, pause, play } from './helpers.ts';
import { pageState } from './pageState.ts';
import { encodeShare } from '../app/share/shareCodec.ts';

/** A run that will not change on its own: a library scenario opens paused, at its end. */
async function openPausedRun(page: Page): Promise<string[]> {
  const errors = await open(page, '?scenario=leader-crash');
  await expect(page.getByTestId('play-pause')).toHaveAttribute('data-playing', 'false');
  await expect(page.getByTestId('script')).toContainText('crash');
  return errors;
}

/** The page's message for a refused command or value. */
const alert = (page: Page) => page.getByRole('alert');

async function playsOn(page: Page): Promise<void> {
  const before = Number(await page.getByTestId('sim-time').getAttribute('data-ms'));
  await play(page);
  await expect.poll(async () => Number(await page.getByTestId('sim-time').getAttribute('data-ms'))).toBeGreaterThan(before);
  await pause(page);
}

test('the node count offers 1 to 9 only; a forged 0 or 100 is refused by the parser, and the cluster stays', async ({ page }) => {
  const errors = await openPausedRun(page);
  const count = page.getByTestId('node-count');
  await expect(count.locator('option')).toHaveText(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
  const before = await pageState(page);
  for (const forged of ['0', '100']) {
    // Not an option the page offers: added to the list here, as a script in the page could.
    await count.evaluate((select, value) => select.append(new Option(value, value)), forged);
    await count.selectOption(forged);
    await expect(alert(page)).toContainText(`nodes must be between 1 and 9, got ${forged}`);
    expect(await pageState(page)).toEqual(before);
    await expect(count).toHaveValue('5');
  }
  await count.selectOption('3');
  await expect(alert(page)).toHaveCount(0);
  await expect(page.locator('[data-testid^="node-"][data-role]')).toHaveCount(3);
  await playsOn(page);
  expect(errors).toEqual([]);
});

test('the seed refuses negative, fractional, huge and empty values with a message, keeping the cluster and the text', async ({ page }) => {
  const errors = await openPausedRun(page);
  const seed = page.getByTestId('seed');
  const before = await pageState(page);
  for (const bad of ['-5', '1.5', '4294967296', '1e20', '']) {
    await seed.fill(bad);
    await page.getByTestId('new-cluster').click();
    await expect(alert(page)).toContainText(bad === '' ? 'Type a seed: a whole number from 0 to 4294967295.' : 'The seed must be a whole number from 0 to 4294967295. The cluster was left as it is.');
    await expect(seed).toHaveAttribute('aria-invalid', 'true');
    await expect(seed).toHaveValue(bad);
    expect(await pageState(page)).toEqual(before);
  }
  await seed.fill('4294967295');
  await expect(seed).toHaveAttribute('aria-invalid', 'false');
  await page.getByTestId('new-cluster').click();
  await expect(alert(page)).toHaveCount(0);
  await expect(page.getByTestId('script')).toHaveText(/^cluster nodes=5 seed=4294967295/);
  await playsOn(page);
  expect(errors).toEqual([]);
});

test('the speed cannot leave 0.001× to 10×: values forced past either end are held to it, and the page plays on', async ({ page }) => {
  const errors = await openPlaying(page);
  const speed = page.getByTestId('speed');
  // The slider is logarithmic: its lowest position is 0.001×, so no position means zero or a negative speed.
  const force = (value: string) =>
    speed.evaluate((input: HTMLInputElement, v) => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, value);
  const shown = page.locator('.speed output');
  for (const [value, expected] of [['-5', '0.001×'], ['-1e9', '0.001×'], ['99', '10×'], ['Infinity', '0.1×'], ['abc', '0.1×']] as const) {
    await force(value);
    await expect(shown, value).toHaveText(expected);
  }
  await force('-1');
  await expect(shown).toHaveText('0.1×');
  await playsOn(page);
  expect(errors).toEqual([]);
});

test('durations and counts past the limits are refused in the editor at their line and column; Cancel leaves the run as it was', async ({ page }) => {
  const errors = await openPausedRun(page);
  const before = await pageState(page);
  const editor = page.getByTestId('script-editor');
  const problems = page.getByTestId('script-error');
  await page.getByTestId('script-edit').click();
  const cases: [string, string][] = [
    ['cluster nodes=0', 'line 1, column 15: nodes must be between 1 and 9, got 0'],
    ['cluster nodes=100', 'line 1, column 15: nodes must be between 1 and 9, got 100'],
    ['cluster nodes=3\nrun 5000s', 'line 2, column 5: "run" advances at most 60 minutes at a time'],
    ['cluster nodes=3\nrun 1e309ms', 'line 2, column 5: expected a duration such as 250ms or 1.5s'],
    ['cluster nodes=3 seed=-1', 'line 1, column 22: expected seed as a whole number, got "-1"'],
    ['cluster nodes=3\nstep 99999999999999999999', 'line 2, column 6: the number of events must be between 1 and 1000000'],
    [`cluster nodes=3\n${'run 3600s\n'.repeat(25)}`, 'line 26, column 1: with this line the script\'s "run" lines add up to more than 24 hours'],
  ];
  for (const [text, message] of cases) {
    await editor.fill(text);
    await expect(problems).toContainText(message);
    // Run is refused too: nothing runs.
    await page.getByTestId('script-run').click();
    await expect(problems).toContainText(message);
    await expect(editor).toBeVisible();
  }
  await page.getByTestId('script-cancel').click();
  expect(await pageState(page)).toEqual(before);
  // The refused draft is kept aside, not lost.
  await expect(page.getByTestId('script-reopen-draft')).toBeVisible();
  await playsOn(page);
  expect(errors).toEqual([]);
});

test('a link whose runs add up to more than a simulated day is refused at the line past the limit', async ({ page }) => {
  const encoded = encodeShare({ script: `cluster nodes=9\n${'run 3600s\n'.repeat(30)}`, cursor: { time: 0, event: 0 } });
  if (!encoded.ok) throw new Error(encoded.error.kind);
  await open(page, `#${encoded.fragment}`);
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('The link could not be opened: line 26, column 1');
  await expect(notice).toContainText('more than 24 hours');
  await expect(page.getByTestId('node-n5')).toBeVisible();
  await page.getByTestId('dismiss-notice').click();
  await playsOn(page);
});
