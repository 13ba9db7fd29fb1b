/** The paper's Figure 7: the preset, the election of n1, the repair, and single steps. */
import { expect, test, type Page } from '@playwright/test';
import { campaign, logTerms, open, openPlaying, play } from './helpers.ts';

const FIGURE7: Record<string, string> = {
  n1: '1 1 1 4 4 5 5 6 6 6',
  n2: '1 1 1 4 4 5 5 6 6',
  n3: '1 1 1 4',
  n4: '1 1 1 4 4 5 5 6 6 6 6',
  n5: '1 1 1 4 4 5 5 6 6 6 7 7',
  n6: '1 1 1 4 4 4 4',
  n7: '1 1 1 2 2 2 3 3 3 3 3',
};
const ETCD_N5 = '1 1 1 4 4 5 5 6 7 7 7 7';
const REPAIRED = '1 1 1 4 4 5 5 6 6 6 8';

async function expectLogs(page: Page, expected: Record<string, string>): Promise<void> {
  for (const [id, terms] of Object.entries(expected)) expect(await logTerms(page, id), id).toBe(terms);
}

test('?scenario=figure7 shows the paper\'s terms in every cell, paused', async ({ page }) => {
  await open(page, '?scenario=figure7');
  await expect(page.getByTestId('play-pause')).toHaveAttribute('data-playing', 'false');
  await expect(page.locator('[data-testid^="node-"][data-role]')).toHaveCount(7);
  await expect(page.getByTestId('entry-n5-12')).toBeVisible();
  await expectLogs(page, FIGURE7);
  await expect(page.getByTestId('node-n1')).toHaveAttribute('data-term', '7');
});

test('the etcd variant differs only in n5', async ({ page }) => {
  await open(page, '?scenario=figure7-etcd');
  await expect(page.getByTestId('entry-n5-12')).toBeVisible();
  await expectLogs(page, { ...FIGURE7, n5: ETCD_N5 });
});

test('the preset buttons load the presets and pause', async ({ page }) => {
  await openPlaying(page);
  await page.getByTestId('preset-figure7-etcd').click();
  await expect(page.getByTestId('play-pause')).toHaveAttribute('data-playing', 'false');
  await expect(page.getByTestId('entry-n7-11')).toBeVisible();
  await expectLogs(page, { ...FIGURE7, n5: ETCD_N5 });
  await page.getByTestId('preset-figure7').click();
  await expect(page.getByTestId('script')).toHaveText('preset figure7');
  await expectLogs(page, FIGURE7);
});

test('after n1 campaigns and the cluster runs, every log is repaired', async ({ page }) => {
  await open(page, '?scenario=figure7');
  await campaign(page, 'n1');
  await expect(page.getByTestId('node-n1')).toHaveAttribute('data-role', 'candidate');
  await play(page);
  await expect(page.getByTestId('node-n1')).toHaveAttribute('data-role', 'leader');
  await expect
    .poll(async () => {
      const rows = await Promise.all(Object.keys(FIGURE7).map((id) => logTerms(page, id)));
      return rows.every((r) => r === REPAIRED);
    }, { timeout: 20_000 })
    .toBe(true);
  await expect(page.getByTestId('node-n1')).toHaveAttribute('data-term', '8');
  await expect(page.getByTestId('entry-n7-11')).toHaveAttribute('data-committed', 'true');
});

test('one step processes exactly one event: one message delivered', async ({ page }) => {
  await open(page, '?scenario=figure7');
  await campaign(page, 'n1');
  const requests = page.locator('[data-testid="message"][data-type="RequestVote"]');
  const replies = page.locator('[data-testid="message"][data-type="RequestVoteResponse"]');
  await expect(requests).toHaveCount(6);
  const time = page.getByTestId('sim-time');
  const event = Number(await time.getAttribute('data-event'));
  await page.getByTestId('step').click();
  await expect(time).toHaveAttribute('data-event', String(event + 1));
  await expect(requests).toHaveCount(5);
  await expect(replies).toHaveCount(1);
  await expect(page.getByTestId('script')).toHaveText('preset figure7\ncampaign n1\nstep');
});

test('a message can be inspected and dropped', async ({ page }) => {
  await open(page, '?scenario=figure7');
  await campaign(page, 'n1');
  const toN2 = page.locator('[data-testid="message"][data-to="n2"]');
  await expect(toN2).toHaveCount(1);
  const id = await toN2.getAttribute('data-id');
  await toN2.click();
  await expect(page.getByTestId('message-inspector')).toContainText('RequestVote');
  await page.getByTestId('action-drop').click();
  await expect(toN2).toHaveCount(0);
  await expect(page.getByTestId('script')).toContainText(`drop m${id}`);
});
