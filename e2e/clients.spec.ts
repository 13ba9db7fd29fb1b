/** Clients of the key-value store (§8) on the page: their requests, their links, their inspector, and the log cells their commands fill. */
import { expect, test, type Page } from '@playwright/test';
import { open, pause, play } from './helpers.ts';

const SHOTS = 'test-results/clients';

/** Replace the run with `text` through the script editor; it opens paused at its end. */
async function runScript(page: Page, text: string): Promise<void> {
  await page.getByTestId('script-edit').click();
  await page.getByTestId('script-editor').fill(text);
  await page.getByTestId('script-run').click();
  await expect(page.getByTestId('script-editor')).toHaveCount(0);
}

const TWO_CLIENTS = ['cluster nodes=3 clients=2 seed=3', 'campaign n1', 'stabilize', 'client c1 append x a'].join('\n');

test('a client waits on its request until answered, takes a get from its inspector, and its link can be cut', async ({ page }) => {
  const errors = await open(page);
  await runScript(page, TWO_CLIENTS);
  const c1 = page.getByTestId('client-c1');
  await expect(c1).toHaveAttribute('data-pending', '1');
  await expect(c1).toContainText('#1 append x a');
  await expect(page.getByTestId('client-c2')).toHaveAttribute('data-pending', '');
  // The request flies as a client message of its own.
  await expect(page.locator('[data-testid="message"][data-type="ClientRequest"][data-from="c1"]')).toHaveCount(1);

  await play(page);
  await expect(c1).toHaveAttribute('data-pending', '', { timeout: 20_000 });
  await expect(c1).toHaveAttribute('data-leader-guess', 'n1');
  await pause(page);

  // The command is in every log, and the cells say what they hold.
  await expect(page.getByTestId('entry-n1-2')).toHaveAttribute('data-text', 'c1#1 append x a');
  await expect(page.getByTestId('entry-n1-2')).toHaveAttribute('aria-label', /c1#1 append x a/);
  await expect(page.getByTestId('entry-n1-1')).toHaveAttribute('data-text', 'no-op');

  // The leader's state machine shows the applied append and c1's session.
  await page.getByTestId('node-n1').click();
  await expect(page.getByTestId('machine')).toContainText('lastApplied 2');
  await expect(page.getByTestId('kv-x')).toContainText('a');

  // A get from c2's inspector, answered in the event list.
  await page.getByTestId('client-c2').click();
  await expect(page.getByTestId('client-inspector')).toHaveAttribute('data-client', 'c2');
  await page.getByTestId('client-op').selectOption('get');
  await expect(page.getByTestId('client-value')).toHaveCount(0);
  await page.getByTestId('client-key').fill('x');
  await page.getByTestId('client-send').click();
  await expect(page.getByTestId('client-c2')).toHaveAttribute('data-pending', '1');
  await expect(page.getByTestId('client-pending')).toHaveText('#1 get x');
  await expect(page.getByTestId('script')).toContainText('client c2 get x');
  await play(page);
  await expect(page.getByTestId('events')).toContainText('c2 got the answer', { timeout: 20_000 });
  await expect(page.getByTestId('events')).toContainText('x = "a"');
  await expect(page.getByTestId('client-c2')).toHaveAttribute('data-pending', '');
  await pause(page);

  // A client's link cuts and heals like a node's.
  const link = page.getByTestId('link-n2-c1');
  await expect(link).toHaveAttribute('data-cut', 'false');
  await link.click({ force: true });
  await expect(link).toHaveAttribute('data-cut', 'true');
  await expect(page.getByTestId('script')).toContainText('cut n2 c1');
  await link.click({ force: true });
  await expect(link).toHaveAttribute('data-cut', 'false');
  expect(errors).toEqual([]);
});

test('with clients, the c key has c1 put a new value under key k', async ({ page }) => {
  await open(page);
  await runScript(page, ['cluster nodes=3 clients=1 seed=3', 'campaign n1', 'stabilize'].join('\n'));
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('c');
  await expect(page.getByTestId('script')).toContainText('client c1 put k v1');
  await expect(page.getByTestId('client-c1')).toHaveAttribute('data-pending', '1');
  await expect(page.getByTestId('propose-leader')).toHaveText('c1: put k → cluster');
});

test('a cluster without clients draws no client', async ({ page }) => {
  await open(page);
  await expect(page.locator('[data-testid^="client-"]')).toHaveCount(0);
  await expect(page.locator('[data-testid^="link-"]')).toHaveCount(10);
});

const WORKLOAD = ['cluster nodes=5 clients=3 seed=7', 'campaign n1', 'stabilize', 'workload ops=50 rate=20/s', 'run 900ms', 'cut n1 c3', 'crash n1', 'run 230ms'].join('\n');

for (const size of [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test(`clients mid-workload, for review (${size.name})`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await open(page);
    await runScript(page, WORKLOAD);
    await expect(page.getByTestId('client-c1')).toBeVisible();
    await page.locator('.cluster-svg').screenshot({ path: `${SHOTS}/${size.name}-cluster.png` });
    await page.screenshot({ path: `${SHOTS}/${size.name}-page.png` });
    await page.getByTestId('client-c2').click();
    await page.getByTestId('client-inspector').screenshot({ path: `${SHOTS}/${size.name}-client-inspector.png` });
    // The leader elected after n1's crash (seed 7): its state machine and session table.
    await page.getByTestId('node-n4').click();
    await page.getByTestId('inspector').screenshot({ path: `${SHOTS}/${size.name}-node-inspector.png` });
  });
}
