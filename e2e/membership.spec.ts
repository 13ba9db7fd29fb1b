/**
 * Membership changes (§6) on the page: a server outside the configuration
 * added through its inspector (a learner, then a voter), a member removed the
 * same way, the actions refused with their reason when there is no leader,
 * and joint consensus on screen (both configurations drawn, the line over the
 * cluster naming both). Every action is a scenario command, seen in the script.
 */
import { expect, test, type Page } from '@playwright/test';
import { open, play } from './helpers.ts';

/** Replace the run with `text` through the script editor; it opens paused at its end. */
async function runScript(page: Page, text: string): Promise<void> {
  await page.getByTestId('script-edit').click();
  await page.getByTestId('script-editor').fill(text);
  await page.getByTestId('script-run').click();
  await expect(page.getByTestId('script-editor')).toHaveCount(0);
}

/** n2 leads term 1 of a five-server cluster whose configuration is n1, n2 and n3 (engine: seed 3). */
const THREE_OF_FIVE = ['cluster nodes=5 members=n1,n2,n3 seed=3', 'run 1s', 'expect leader n2'].join('\n');

test('a cluster with members= draws n4 and n5 apart, not members, and says the configuration in words', async ({ page }) => {
  const errors = await open(page);
  await runScript(page, THREE_OF_FIVE);
  const config = page.getByTestId('config');
  await expect(config).toHaveAttribute('data-voters', 'n1,n2,n3');
  await expect(config).toHaveAttribute('data-outgoing', '');
  await expect(config).toHaveAttribute('data-learners', '');
  await expect(config).toBeVisible();
  await expect(config).toContainText("leader n2's");
  await expect(config).toContainText('not members: n4 and n5');
  for (const id of ['n1', 'n2', 'n3']) await expect(page.getByTestId(`node-${id}`)).toHaveAttribute('data-member', 'voter');
  for (const id of ['n4', 'n5']) {
    await expect(page.getByTestId(`node-${id}`)).toHaveAttribute('data-member', 'none');
    await expect(page.getByTestId(`node-${id}`)).toContainText('not a member');
  }
  // Apart: under the ring, below every member.
  const y = async (id: string) => (await page.getByTestId(`node-${id}`).locator('.node-body').boundingBox())!.y;
  const lowestMember = Math.max(await y('n1'), await y('n2'), await y('n3'));
  expect(await y('n4')).toBeGreaterThan(lowestMember);
  expect(errors).toEqual([]);
});

test('Add to the cluster makes a non-member a learner, then a voter', async ({ page }) => {
  const errors = await open(page);
  await runScript(page, THREE_OF_FIVE);
  await page.getByTestId('node-n4').click();
  await expect(page.getByTestId('action-transfer')).toHaveCount(0);
  await page.getByTestId('action-add').click();
  await expect(page.getByTestId('script')).toContainText('add n4');
  // The leader appends a configuration with n4 as a learner at once: it copies the log before it may vote (thesis §4.2.1).
  const n4 = page.getByTestId('node-n4');
  await expect(n4).toHaveAttribute('data-member', 'learner');
  await expect(page.getByTestId('config')).toHaveAttribute('data-learners', 'n4');
  await expect(n4).toContainText('learner');
  await expect(page.locator('[data-kind="config"]').first()).toBeVisible();
  // Its inspector now offers to remove it instead.
  await expect(page.getByTestId('action-remove')).toBeVisible();
  await play(page);
  // Caught up, it is promoted: a voter of the configuration the leader uses.
  await expect(n4).toHaveAttribute('data-member', 'voter', { timeout: 20_000 });
  await expect(page.getByTestId('config')).toHaveAttribute('data-voters', 'n1,n2,n3,n4');
  await expect(page.getByTestId('config')).toHaveAttribute('data-learners', '');
  await expect(page.getByTestId('node-n5')).toHaveAttribute('data-member', 'none');
  expect(errors).toEqual([]);
});

test('Remove from the cluster takes a member out; with no leader the actions say why they cannot', async ({ page }) => {
  const errors = await open(page);
  await runScript(page, 'cluster nodes=5 members=n1,n2,n3 seed=3');
  // No leader yet: nothing to send the change to.
  await page.getByTestId('node-n4').click();
  await expect(page.getByTestId('action-add')).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByTestId('action-add')).toHaveAttribute('title', /No leader/);
  await page.getByTestId('node-n3').click();
  await expect(page.getByTestId('action-remove')).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByTestId('action-transfer')).toHaveAttribute('aria-disabled', 'true');

  await runScript(page, THREE_OF_FIVE);
  await page.getByTestId('node-n1').click();
  await page.getByTestId('action-remove').click();
  await expect(page.getByTestId('script')).toContainText('remove n1');
  await expect(page.getByTestId('node-n1')).toHaveAttribute('data-member', 'none');
  await expect(page.getByTestId('config')).toHaveAttribute('data-voters', 'n2,n3');
  await play(page);
  await expect(page.getByTestId('config')).toHaveAttribute('data-committed', 'true', { timeout: 20_000 });
  await expect(page.getByTestId('node-n1')).toHaveAttribute('data-member', 'none');
  expect(errors).toEqual([]);
});

test('joint consensus on screen: both configurations drawn, and named with their majorities', async ({ page }) => {
  const errors = await open(page);
  await runScript(
    page,
    [THREE_OF_FIVE, 'change +n4,+n5', 'run 60ms', 'expect config n2 n1,n2,n3 -> n1,n2,n3,n4,n5'].join('\n'),
  );
  const config = page.getByTestId('config');
  await expect(config).toHaveAttribute('data-outgoing', 'n1,n2,n3');
  await expect(config).toHaveAttribute('data-voters', 'n1,n2,n3,n4,n5');
  await expect(config).toContainText('majority of each');
  await expect(page.getByTestId('hull-old')).toBeVisible();
  await expect(page.getByTestId('hull-new')).toBeVisible();
  await expect(page.getByTestId('joint-hulls')).toContainText('C_old: n1, n2, n3');
  await expect(page.getByTestId('joint-hulls')).toContainText('C_new: n1, n2, n3, n4, n5');
  // Every server is on the ring, a voter.
  for (const id of ['n1', 'n2', 'n3', 'n4', 'n5']) await expect(page.getByTestId(`node-${id}`)).toHaveAttribute('data-member', 'voter');
  // The joint entry is in the logs as a configuration cell, marked J.
  await expect(page.locator('[data-testid^="entry-n2-"][data-kind="config"]').last()).toContainText('J');
  // The leader's progress table says which majority each follower counts toward.
  await page.getByTestId('node-n2').click();
  await expect(page.getByTestId('counts-n1')).toHaveText('old+new');
  await expect(page.getByTestId('counts-n4')).toHaveText('new');
  await expect(page.getByTestId('ack-tally')).toContainText('C_old');
  // Played on, the joint phase ends in C_new.
  await play(page);
  await expect(config).toHaveAttribute('data-outgoing', '', { timeout: 20_000 });
  await expect(page.getByTestId('joint-hulls')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('Transfer leadership here sends TimeoutNow, with a glyph of its own, and the election it starts is marked a transfer', async ({ page }) => {
  const errors = await open(page);
  await runScript(page, THREE_OF_FIVE);
  await page.getByTestId('node-n3').click();
  await page.getByTestId('action-transfer').click();
  await expect(page.getByTestId('script')).toContainText('transfer n3');
  // n3's log matches n2's, so TimeoutNow goes at once: a tag with a bolt, not a vote's diamond or an envelope.
  const timeoutNow = page.locator('[data-testid="message"][data-type="TimeoutNow"]');
  await expect(timeoutNow).toHaveCount(1);
  await expect(timeoutNow.locator('.msg-timeoutnow')).toHaveCount(1);
  await timeoutNow.click();
  await expect(page.getByTestId('message-inspector')).toContainText('TimeoutNow');
  await expect(page.locator('[data-field="asks"]')).toContainText('n3 to start an election at once');
  // Step until it arrives and n3 asks for votes: its RequestVote says it is a transfer.
  const transferVote = page.locator('[data-testid="message"][data-type="RequestVote"][data-transfer="true"]');
  for (let i = 0; i < 20 && (await transferVote.count()) === 0; i++) await page.getByTestId('step').click();
  await expect(transferVote.first()).toBeVisible();
  await transferVote.first().click();
  await expect(page.locator('[data-field="transfer"]')).toContainText('yes');
  expect(errors).toEqual([]);
});
