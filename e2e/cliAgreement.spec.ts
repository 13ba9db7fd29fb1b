/**
 * What the page shows agrees with the command-line runner: act through the UI,
 * take the recorded script from the Script panel, run it with
 * `npm run scenario -- - --json`, and compare every node and every log cell.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectPageMatches, runCli } from './cli.ts';
import { open, pause, play } from './helpers.ts';

/** Wait until the recorded script ends with `line`: the worker has applied the action and the page shows its result. */
async function applied(page: Page, line: string | RegExp): Promise<void> {
  const last = typeof line === 'string' ? new RegExp(`(^|\\n)${line}$`) : line;
  await expect(page.getByTestId('script')).toHaveText(last);
}

/** `n` single steps in a row (the recording merges them into `step n`). */
async function steps(page: Page, n: number): Promise<void> {
  for (let i = 1; i <= n; i++) {
    await page.getByTestId('step').click();
    await applied(page, i === 1 ? 'step' : `step ${i}`);
  }
}

async function nodeAction(page: Page, id: string, action: string, line: string | RegExp): Promise<void> {
  await page.getByTestId(`node-${id}`).click();
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-node', id);
  await page.getByTestId(`action-${action}`).click();
  await applied(page, line);
}

test('the UI and the CLI agree on the same commands', async ({ page }) => {
  await open(page, '?scenario=figure7');
  await nodeAction(page, 'n1', 'campaign', 'campaign n1');
  await steps(page, 8);
  await nodeAction(page, 'n3', 'crash', 'crash n3');
  await page.getByTestId('propose-leader').click();
  await applied(page, /propose leader v\d+$/);
  await steps(page, 10);
  await page.getByTestId('link-n1-n2').click();
  await applied(page, 'cut n1 n2');
  await play(page);
  await expect.poll(async () => Number(await page.getByTestId('sim-time').getAttribute('data-ms'))).toBeGreaterThan(120);
  await pause(page);
  await nodeAction(page, 'n3', 'restart', 'restart n3');
  await nodeAction(page, 'n1', 'propose', /propose n1 v\d+$/);
  await steps(page, 5);

  const script = page.getByTestId('script');
  const text = (await script.textContent()) ?? '';
  expect(text).toMatch(/^preset figure7\ncampaign n1\nstep 8\ncrash n3\npropose leader v\d+\nstep 10\ncut n1 n2\nrun \d+m?s\nrestart n3\npropose n1 v\d+\nstep 5$/);

  const { report } = runCli({ text });
  await expectPageMatches(page, report);
});
