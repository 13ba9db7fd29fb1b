/**
 * Log compaction (§7) on the page: the snapshot block a log row starts with,
 * InstallSnapshot in flight with its glyph and Figure 13's fields, the node
 * inspector's snapshot and the leader's progress states, the setup menu, and
 * time travel back to before a compaction.
 */
import { expect, test, type Page } from '@playwright/test';
import { open } from './helpers.ts';

const SHOTS = 'test-results/snapshots';

/** Replace the run with `text` through the script editor; it opens paused at its end. */
async function runScript(page: Page, text: string): Promise<void> {
  await page.getByTestId('script-edit').click();
  await page.getByTestId('script-editor').fill(text);
  await page.getByTestId('script-run').click();
  await expect(page.getByTestId('script-editor')).toHaveCount(0);
}

/** Pictures to look at (not compared): the page, the cluster and the logs. */
async function shots(page: Page, name: string, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.screenshot({ path: `${SHOTS}/page-${name}.png` });
  await page.locator('svg.cluster-svg').screenshot({ path: `${SHOTS}/cluster-${name}.png` });
  await page.locator('.log-scroller').screenshot({ path: `${SHOTS}/logs-${name}.png` });
}

const appends = (n: number): string[] => Array.from({ length: n }, (_, i) => `client c1 append x ${i + 2}`);

/**
 * n3 is down while twelve writes commit and every up node snapshots at 10 (a
 * no-op, a put and eleven appends: 13 entries, so the snapshot covers 1..10).
 * After the restart, three events put the leader's InstallSnapshot to n3 in flight.
 */
const INSTALL = [
  'cluster nodes=3 seed=4 clients=1 snapshot=5',
  'run 1s',
  'crash n3',
  'client c1 put x 1',
  ...appends(11),
  'run 3s',
  'expect snapshot n1 10 1',
  'restart n3',
  'step 3',
].join('\n');

test('a log that starts after a snapshot begins with a block for it, and InstallSnapshot flies with its own glyph and fields', async ({ page }) => {
  const errors = await open(page);
  await runScript(page, INSTALL);

  // Each up node's row starts with its snapshot: indexes 1–10, last term 1.
  for (const id of ['n1', 'n2']) {
    const block = page.getByTestId(`snapshot-${id}`);
    await expect(block).toHaveAttribute('data-index', '10');
    await expect(block).toHaveAttribute('data-term', '1');
    await expect(block).toContainText('1–10');
    // The entries after it keep their indexes; none is drawn inside the snapshot.
    await expect(page.getByTestId(`entry-${id}-11`)).toBeVisible();
    await expect(page.getByTestId(`entry-${id}-10`)).toHaveCount(0);
  }
  // n3 was down throughout: no snapshot, and its old log from index 1.
  await expect(page.getByTestId('snapshot-n3')).toHaveCount(0);
  await expect(page.getByTestId('entry-n3-1')).toBeVisible();

  // Hovering the block shows what the snapshot holds: the map and the sessions.
  await page.getByTestId('snapshot-n1').hover();
  const tip = page.locator('#why-tooltip');
  await expect(tip).toContainText('entries 1–10 were applied to its state machine and then compacted into this snapshot');
  await expect(tip).toContainText('x=');
  await expect(tip).toContainText('c1 last applied #9');

  // The block is reached from the keyboard like the cells: left of the row's first entry.
  await page.getByTestId('entry-n1-11').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('snapshot-n1')).toBeFocused();
  await expect(tip).toContainText("n1's snapshot");

  // The leader's InstallSnapshot to n3 is in flight, drawn as a stack of cards.
  const install = page.locator('[data-testid="message"][data-type="InstallSnapshot"]');
  await expect(install).toHaveCount(1);
  await expect(install.locator('.msg-snapshot')).toHaveCount(1);
  // The key under the cluster names it, in a run that takes snapshots.
  await expect(page.getByTestId('key-install-snapshot')).toContainText('InstallSnapshot');
  await expect(install).toHaveAttribute('data-to', 'n3');
  const leader = (await install.getAttribute('data-from'))!;
  await shots(page, '1280', 1280, 800);
  await shots(page, '390', 390, 844);
  await page.setViewportSize({ width: 1280, height: 800 });

  await install.click();
  await page.getByTestId('message-inspector').screenshot({ path: `${SHOTS}/message-inspector-1280.png` });
  const inspector = page.getByTestId('message-inspector');
  await expect(inspector.locator('[data-field="type"]')).toHaveText('InstallSnapshot');
  await expect(inspector.locator('[data-field="term"]')).toHaveText('1');
  await expect(inspector.locator('[data-field="lastIncludedIndex"]')).toHaveText('10');
  await expect(inspector.locator('[data-field="lastIncludedTerm"]')).toHaveText('1');
  await expect(inspector.locator('[data-field="offset"]')).toContainText('0');
  await expect(inspector.locator('[data-field="done"]')).toContainText('true');
  await expect(inspector.locator('[data-field="data"]')).toContainText('1 key (x)');
  await expect(inspector.locator('[data-field="data"]')).toContainText('1 session (c1 #9)');

  // The leader's inspector: its snapshot, its log's start, and n3's progress in state Snapshot.
  await page.getByTestId(`node-${leader}`).click();
  const facts = page.getByTestId('snapshot-facts');
  await expect(facts).toHaveAttribute('data-index', '10');
  await expect(facts).toContainText('up to index 10, term 1');
  await expect(page.getByTestId('log-facts')).toHaveAttribute('data-start', '10');
  await expect(page.getByTestId('log-facts')).toContainText('starts after 10');
  const n3 = page.getByTestId('progress-n3');
  await expect(n3).toHaveAttribute('data-state', 'snapshot');
  await expect(n3).toHaveAttribute('data-pending-snapshot', '10');
  await expect(n3).toContainText('Snapshot ≤10');
  await page.getByTestId('inspector').screenshot({ path: `${SHOTS}/node-inspector-1280.png` });

  // Step, one event at a time (the leader's heartbeats to n3 fly too), until it arrives: n3 installs it,
  // its log now starts after 10 too, and it answers with InstallSnapshotResponse.
  const clock = page.getByTestId('sim-time');
  for (let i = 0; i < 20 && (await install.count()) > 0; i++) {
    const at = Number(await clock.getAttribute('data-event'));
    await page.getByTestId('step').click();
    await expect(clock).toHaveAttribute('data-event', String(at + 1));
  }
  await expect(install).toHaveCount(0);
  await expect(page.getByTestId('snapshot-n3')).toHaveAttribute('data-index', '10');
  await expect(page.locator('[data-testid="message"][data-type="InstallSnapshotResponse"]')).toHaveCount(1);
  await expect(page.getByTestId('events')).toContainText('n3');
  expect(errors).toEqual([]);
});

test('the Snapshots menu writes snapshot=<n> on the cluster line, and Snapshot now sends snapshot <node>', async ({ page }) => {
  const errors = await open(page);
  await page.getByTestId('setup-clients').selectOption('1');
  await page.getByTestId('setup-snapshot').selectOption('5');
  await expect(page.getByTestId('script')).toContainText('clients=1 snapshot=5');
  await runScript(page, ['cluster nodes=3 seed=4 clients=1', 'run 1s', 'client c1 put x 1', 'client c1 append x 2', 'run 1s'].join('\n'));
  await expect(page.getByTestId('setup-snapshot')).toHaveValue('off');
  await expect(page.getByTestId('snapshot-n2')).toHaveCount(0);
  await page.getByTestId('node-n2').click();
  await expect(page.getByTestId('snapshot-facts')).toHaveText('snapshot: none');
  await page.getByTestId('action-snapshot').click();
  await expect(page.getByTestId('script')).toContainText('snapshot n2');
  await expect(page.getByTestId('snapshot-n2')).toHaveAttribute('data-index', '3');
  await expect(page.getByTestId('snapshot-facts')).toContainText('up to index 3');
  await expect(page.getByTestId('events')).toContainText('n2');
  expect(errors).toEqual([]);
});

test('seeking back to before a compaction shows the full log again', async ({ page }) => {
  const errors = await open(page);
  await runScript(page, ['cluster nodes=3 seed=4 clients=1', 'run 1s', 'client c1 put x 1', 'client c1 append x 2', 'run 1s', 'snapshot n1', 'run 100ms'].join('\n'));
  await expect(page.getByTestId('snapshot-n1')).toHaveAttribute('data-index', '3');
  await expect(page.getByTestId('entry-n1-1')).toHaveCount(0);
  // Step back, one event at a time, until before the snapshot was taken.
  for (let i = 0; i < 40 && (await page.getByTestId('snapshot-n1').count()) > 0; i++) await page.getByTestId('step-back').click();
  await expect(page.getByTestId('snapshot-n1')).toHaveCount(0);
  await expect(page.getByTestId('entry-n1-1')).toHaveAttribute('data-text', 'no-op');
  await expect(page.getByTestId('entry-n1-3')).toHaveAttribute('data-text', 'c1#2 append x 2');
  await expect(page.getByTestId('log-row-n1')).toHaveAttribute('data-start', '0');
  expect(errors).toEqual([]);
});

test('a snapshot without the session table: the Safety panel names Snapshot integrity and blames snapshot-no-sessions', async ({ page }) => {
  const errors = await open(page, '?scenario=unsafe-snapshot-no-sessions');
  await expect(page.getByTestId('invariant-SnapshotIntegrity')).toHaveAttribute('data-ok', 'false');
  const why = page.getByTestId('safety-explanation');
  await expect(why).toContainText('unsafe=snapshot-no-sessions');
  await expect(why).toContainText('the session table');
  await expect(page.getByTestId('unsafe-snapshot-no-sessions')).toBeChecked();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId('safety').screenshot({ path: `${SHOTS}/safety-1280.png` });
  expect(errors).toEqual([]);
});
