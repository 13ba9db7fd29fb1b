/** The default cluster: it loads, elects, survives a crash and a partition. */
import { expect, test } from '@playwright/test';
import { linkId, logCommitted, nodeIds, open, openPlaying, pause, play, settle, waitForLeader } from './helpers.ts';

test('loads with five nodes, paused; Play plays; no errors logged', async ({ page }) => {
  const errors = await open(page);
  await expect(page.locator('[data-testid^="node-"][data-role]')).toHaveCount(5);
  await expect(page.getByTestId('play-pause')).toHaveAttribute('data-playing', 'false');
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('play-pause')).toHaveAttribute('data-playing', 'true');
  await expect(page.locator('[data-testid^="link-"]')).toHaveCount(10);
  await waitForLeader(page);
  await expect(page.getByTestId('script')).toContainText('cluster nodes=5');
  expect(errors).toEqual([]);
});

test('playing elects a leader', async ({ page }) => {
  await openPlaying(page);
  const leader = await waitForLeader(page);
  expect(leader.term).toBeGreaterThanOrEqual(1);
  await expect(page.locator('[data-role="leader"]')).toHaveCount(1);
});

test('crashing the leader elects a new one at a higher term', async ({ page }) => {
  await openPlaying(page);
  const old = await waitForLeader(page);
  await page.getByTestId(`node-${old.id}`).click();
  await page.getByTestId('action-crash').click();
  await expect(page.getByTestId(`node-${old.id}`)).toHaveAttribute('data-role', 'down');
  const next = await waitForLeader(page, { above: old.term });
  expect(next.id).not.toBe(old.id);
  expect(next.term).toBeGreaterThan(old.term);
  await expect(page.getByTestId('script')).toContainText(`crash ${old.id}`);
});

test('a leader cut off from the majority cannot commit; the majority elects and commits', async ({ page }) => {
  await openPlaying(page);
  const old = await waitForLeader(page);
  await pause(page);
  const others = nodeIds(5).filter((id) => id !== old.id);
  for (const peer of others) {
    const link = page.getByTestId(linkId(old.id, peer));
    await link.click();
    await expect(link).toHaveAttribute('data-cut', 'true');
  }
  await play(page);
  const fresh = await waitForLeader(page, { above: old.term, among: others });

  // A request to the old leader: it still believes it leads, appends, and can never commit.
  const oldLength = await page.locator(`[data-testid^="entry-${old.id}-"]`).count();
  await page.getByTestId(`node-${old.id}`).click();
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-node', old.id);
  await page.getByTestId('action-propose').click();
  const stranded = page.getByTestId(`entry-${old.id}-${oldLength + 1}`);
  await expect(stranded).toHaveAttribute('data-committed', 'false');

  // A request to the new leader commits on the majority side.
  await page.getByTestId('propose-leader').click();
  await expect
    .poll(async () => {
      const flags = await Promise.all(others.map((id) => logCommitted(page, id)));
      return flags.every((f) => f.length >= 2 && f.every(Boolean));
    }, { timeout: 20_000 })
    .toBe(true);
  await expect(page.getByTestId(`node-${fresh.id}`)).toHaveAttribute('data-role', 'leader');

  // Still stranded, and the old leader still thinks it leads its older term.
  await expect(stranded).toHaveAttribute('data-committed', 'false');
  await expect(page.getByTestId(`node-${old.id}`)).toHaveAttribute('data-role', 'leader');
  await expect(page.getByTestId(`node-${old.id}`)).toHaveAttribute('data-term', String(old.term));

  // Heal all restores every link.
  await page.getByTestId('heal-all').click();
  await expect(page.locator('[data-testid^="link-"][data-cut="true"]')).toHaveCount(0);
});

test('keyboard: Space pauses and plays, → steps one event', async ({ page }) => {
  await openPlaying(page);
  await waitForLeader(page);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('play-pause')).toHaveAttribute('data-playing', 'false');
  await settle(page);
  const time = page.getByTestId('sim-time');
  const before = Number(await time.getAttribute('data-event'));
  await page.keyboard.press('ArrowRight');
  await expect(time).toHaveAttribute('data-event', String(before + 1));
  await page.keyboard.press('Space');
  await expect(page.getByTestId('play-pause')).toHaveAttribute('data-playing', 'true');
});
