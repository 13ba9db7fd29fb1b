/**
 * The safety lab: the safety panel, the rule switches, PreVote and probing made
 * visible. The key flow is the issue's: load Figure 8, switch commit-old-terms
 * on, press Play, and see which committed entry was lost and why.
 */
import { expect, test, type Page } from '@playwright/test';
import { open, openPlaying, pause } from './helpers.ts';

const INVARIANTS = ['ElectionSafety', 'LeaderAppendOnly', 'LogMatching', 'LeaderCompleteness', 'StateMachineSafety', 'CommitWithinLog'];

/** A `?scenario=` page, once its script has run and the page is paused. */
async function openScenario(page: Page, name: string): Promise<string[]> {
  const errors = await open(page, `?scenario=${name}`);
  await expect(page.getByTestId('loading')).toHaveCount(0);
  await expect(page.getByTestId('play-pause')).toHaveAttribute('data-playing', 'false');
  return errors;
}

const firstLine = (page: Page) => page.getByTestId('script').locator('[data-line="1"]');

test('the default cluster: every safety property holds, and the panel names each one', async ({ page }) => {
  const errors = await openPlaying(page);
  const safety = page.getByTestId('safety');
  await expect(safety).toHaveAttribute('data-ok', 'true');
  for (const name of INVARIANTS) await expect(page.getByTestId(`invariant-${name}`)).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('invariant-StateMachineSafety')).toContainText('§5.4.3');
  await expect(page.getByTestId('invariant-ElectionSafety')).toContainText('at most one leader per term');
  await expect(page.locator('[data-violation="true"]')).toHaveCount(0);
  await expect(page.getByTestId('unsafe-badge')).toHaveCount(0);
  // Off by default: Raft as the paper specifies it.
  for (const id of ['option-prevote', 'option-checkquorum', 'unsafe-commit-old-terms', 'unsafe-vote-any-log', 'unsafe-no-truncate']) {
    await expect(page.getByTestId(id)).not.toBeChecked();
  }
  await expect(page.getByTestId('option-probe')).toHaveValue('fast');
  await expect(page.getByTestId('apply-rules')).toBeDisabled();
  expect(errors).toEqual([]);
});

test('Figure 8 with Raft’s rules: the old-term entry is overwritten, and nothing committed is lost', async ({ page }) => {
  const errors = await openScenario(page, 'figure8');
  await expect(page.getByTestId('safety')).toHaveAttribute('data-ok', 'true');
  for (const name of INVARIANTS) await expect(page.getByTestId(`invariant-${name}`)).toHaveAttribute('data-ok', 'true');
  expect(errors).toEqual([]);
});

test('the learner flow: Figure 8, switch commit-old-terms on, play, and see which committed entry was lost and why', async ({ page }) => {
  const errors = await openScenario(page, 'figure8');
  const eventsBefore = await page.getByTestId('sim-time').getAttribute('data-event');

  await page.getByTestId('unsafe-commit-old-terms').check();
  await expect(page.getByTestId('apply-rules')).toBeEnabled();
  await page.getByTestId('apply-rules').click();

  // The same run's script, with the rule switched off, opened at its start, paused.
  await expect(firstLine(page)).toContainText('unsafe=commit-old-terms');
  await expect(firstLine(page)).toContainText('noop=off');
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-event', '0');
  await expect(page.getByTestId('time-travel')).toHaveAttribute('data-live', 'false');
  await expect(page.getByTestId('unsafe-badge')).toContainText('UNSAFE: commit-old-terms');
  await expect(page.getByTestId('unsafe-commit-old-terms')).toBeChecked();
  await expect(page.getByTestId('safety')).toHaveAttribute('data-ok', 'true');

  await page.getByTestId('speed').fill('1');
  await page.getByTestId('play-pause').click();

  // Playing stops at the event that broke safety: n5 is elected without the committed entry at index 2.
  const safety = page.getByTestId('safety');
  await expect(safety).toHaveAttribute('data-ok', 'false');
  await expect(page.getByTestId('play-pause')).toHaveAttribute('data-playing', 'false');
  await expect(page.getByTestId('invariant-LeaderCompleteness')).toHaveAttribute('data-ok', 'false');
  await expect(page.getByTestId('node-n5')).toHaveAttribute('data-violation', 'true');
  await expect(page.getByTestId('entry-n5-2')).toHaveAttribute('data-violation', 'true');
  await expect(page.getByTestId('node-n1')).toHaveAttribute('data-violation', 'false');
  const explanation = page.getByTestId('safety-explanation');
  await expect(explanation).toContainText('§5.4.2');
  await expect(explanation).toContainText('commit-old-terms');
  await expect(explanation).toContainText('"b" (term 2) at index 2');
  const at = Number(await page.getByTestId('sim-time').getAttribute('data-event'));
  expect(at).toBeLessThan(Number(eventsBefore));
  await expect(page.getByTestId('invariant-LeaderCompleteness')).toContainText(`violated at event #${at}`);

  // Play on: it stops again where n5 commits its own entry where "b" was committed.
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('invariant-StateMachineSafety')).toHaveAttribute('data-ok', 'false');
  await expect(page.getByTestId('play-pause')).toHaveAttribute('data-playing', 'false');
  await expect(page.locator('[data-testid^="entry-"][data-testid$="-2"][data-violation="true"]')).toHaveCount(1);
  await expect(page.getByTestId('entry-n5-2')).toHaveAttribute('data-violation', 'true');
  await expect(explanation).toContainText('State Machine Safety');
  await expect(explanation).toContainText('"b" (term 2) was already committed');
  await expect(page.getByTestId('unsafe-badge')).toBeVisible();

  // Undo brings back the run as it was, with Raft's rules.
  await page.keyboard.press('Control+z');
  await expect(firstLine(page)).not.toContainText('unsafe');
  await expect(page.getByTestId('unsafe-badge')).toHaveCount(0);
  await expect(page.getByTestId('safety')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('unsafe-commit-old-terms')).not.toBeChecked();
  expect(errors).toEqual([]);
});

test('ticking PreVote and re-running puts prevote=on in the script; a pre-candidate is labelled so', async ({ page }) => {
  const errors = await openPlaying(page);
  await pause(page);
  await page.getByTestId('option-prevote').check();
  await page.getByTestId('apply-rules').click();
  await expect(firstLine(page)).toContainText('prevote=on');
  await expect(firstLine(page)).toHaveText(/^cluster nodes=5 prevote=on\s*$/);
  await expect(page.getByTestId('option-prevote')).toBeChecked();
  await expect(page.getByTestId('apply-rules')).toBeDisabled();

  // Campaigning now makes n1 a pre-candidate: drawn as a candidate, labelled "pre-candidate", its requests dashed.
  await page.getByTestId('node-n1').click();
  await page.getByTestId('action-campaign').click();
  const n1 = page.getByTestId('node-n1');
  await expect(n1).toHaveAttribute('data-role', 'candidate');
  await expect(n1).toHaveAttribute('data-pre', 'true');
  await expect(n1).toContainText('pre-candidate');
  await expect(page.locator('[data-testid="message"][data-type="RequestVote"][data-pre="true"]')).toHaveCount(4);
  expect(errors).toEqual([]);
});

test('probing: Figure 7 costs n7 one rejection with fast probing, seven with naive probing', async ({ page }) => {
  const errors = await openScenario(page, 'figure7.txt');
  const n7 = page.getByTestId('probes-n7');
  await expect(n7).toHaveAttribute('data-rejections', '1');
  await expect(n7).toHaveAttribute('data-round-trips', '2');
  await expect(n7).toHaveAttribute('title', /1 AppendEntries rejected, 2 round trips to find where the logs agree \(§5\.3\)/);
  await expect(page.getByTestId('probes-n4')).toHaveAttribute('data-rejections', '0');

  await openScenario(page, 'figure7-naive');
  await expect(page.getByTestId('probes-n7')).toHaveAttribute('data-rejections', '7');
  await expect(page.getByTestId('probes-n3')).toHaveAttribute('data-rejections', '6');
  expect(errors).toEqual([]);
});

test('Space ticks a focused rule switch instead of playing', async ({ page }) => {
  await open(page, '?scenario=figure8');
  const playing = await page.getByTestId('play-pause').getAttribute('data-playing');
  const box = page.getByTestId('unsafe-commit-old-terms');
  await box.focus();
  await page.keyboard.press(' ');
  await expect(box).toBeChecked();
  await expect(page.getByTestId('play-pause')).toHaveAttribute('data-playing', playing!);
});
