/**
 * The Script panel as an editor: problems shown by line and column while typing,
 * Run replaces the simulation with the script, .txt files open and save, and a
 * draft survives a reload without being run.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectPageMatches, runCli } from './cli.ts';
import { open, openPlaying } from './helpers.ts';
import { keptDraft } from './kept.ts';
import { pageState, type PageState } from './pageState.ts';

const THREE_NODES = '# three nodes\ncluster nodes=3 seed=2\nrun 1s';

/** A run that will not change on its own: a library scenario opens paused, at its end. */
async function openPausedRun(page: Page): Promise<string[]> {
  const errors = await open(page, '?scenario=leader-crash');
  await expect(page.getByTestId('play-pause')).toHaveAttribute('data-playing', 'false');
  await expect(page.getByTestId('script')).toContainText('crash');
  return errors;
}

/** What the page shows of the simulation, without the script (not on the page while editing). */
async function simState(page: Page): Promise<Omit<PageState, 'script'>> {
  const { script: _script, ...rest } = await pageState(page);
  return rest;
}

const editor = (page: Page) => page.getByTestId('script-editor');
const problems = (page: Page) => page.getByTestId('script-error');

test('the live script has one element per line', async ({ page }) => {
  await openPausedRun(page);
  const script = page.getByTestId('script');
  const lines = (await script.textContent())!.split('\n');
  await expect(script.locator('[data-line]')).toHaveCount(lines.length);
  await expect(script.locator('[data-line="2"]')).toHaveText(`${lines[1]}\n`);
});

test('a typo is named by line and column and changes nothing; fixed, Run shows what the script makes', async ({ page }) => {
  const errors = await openPausedRun(page);
  const before = await simState(page);
  const recorded = (await page.getByTestId('script').textContent())!;

  await page.getByTestId('script-edit').click();
  await expect(editor(page)).toHaveValue(recorded);
  await editor(page).fill('cluster nodes=3 seed=2\nrn 1s');
  await expect(problems(page)).toContainText('line 2, column 1: unknown command "rn" (did you mean "run"?)');
  await expect(page.locator('[data-testid="script-error-line"]')).toHaveAttribute('data-line', '2');
  await expect(editor(page)).toHaveAttribute('aria-invalid', 'true');

  // Run is refused: the simulation is as it was.
  await page.getByTestId('script-run').click();
  await expect(problems(page)).toContainText('line 2, column 1');
  await expect(editor(page)).toBeVisible();
  await expect(page.getByTestId('notice')).toHaveCount(0);
  expect(await simState(page)).toEqual(before);

  await editor(page).fill(THREE_NODES);
  await expect(problems(page)).toHaveCount(0);
  await page.getByTestId('script-run').click();
  await expect(editor(page)).toHaveCount(0);
  await expect(page.locator('[data-testid^="node-"][data-role]')).toHaveCount(3);
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '1000');
  await expectPageMatches(page, runCli({ text: THREE_NODES }).report);
  await expect(page.getByTestId('script')).toHaveText('cluster nodes=3 seed=2\nrun 1s');
  await expect(page.getByTestId('play-pause')).toHaveAttribute('data-playing', 'false');
  await expect(page.getByTestId('script-ran')).toContainText('Your script ran to its end: 1000 ms');

  // Editing again starts from the text as written, comments and all, while it is still what is on screen.
  await page.getByTestId('script-edit').click();
  await expect(editor(page)).toHaveValue(THREE_NODES);
  await page.getByTestId('script-cancel').click();
  await page.getByTestId('step').click();
  await expect(page.getByTestId('script-ran')).toHaveCount(0);
  await page.getByTestId('script-edit').click();
  await expect(editor(page)).toHaveValue('cluster nodes=3 seed=2\nrun 1s\nstep');
  expect(errors).toEqual([]);
});

test('a failed expect is shown at its line, and the editor stays open', async ({ page }) => {
  await openPausedRun(page);
  await page.getByTestId('script-edit').click();
  await editor(page).fill('cluster nodes=3 seed=2\nrun 1s\n\nexpect leader none');
  // Ctrl+Enter runs, as the Run button says.
  await editor(page).press('Control+Enter');
  await expect(problems(page)).toContainText('line 4, column 1: this check did not hold: expected none');
  await expect(editor(page)).toBeVisible();
  await expect(page.locator('[data-testid="script-error-line"]')).toHaveAttribute('data-line', '4');
  // The run went as far as the check.
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '1000');
  // Changing the text withdraws a problem that was about the text as it was.
  await editor(page).press('End');
  await editor(page).pressSequentially(' ');
  await expect(problems(page)).toHaveCount(0);
});

test('Save downloads a file the command-line runner replays to what the page shows', async ({ page }) => {
  await openPausedRun(page);
  const dir = mkdtempSync(join(tmpdir(), 'raftviz-save-'));

  // While editing, Save keeps the draft, even one that does not parse.
  await page.getByTestId('script-edit').click();
  await editor(page).fill('cluster nodes=3\ncrsh n1');
  let [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('script-save').click()]);
  expect(download.suggestedFilename()).toBe('raftviz-scenario.txt');
  await download.saveAs(join(dir, 'draft.txt'));
  expect(readFileSync(join(dir, 'draft.txt'), 'utf8')).toMatch(/^# A raftviz scenario\..*\ncluster nodes=3\ncrsh n1\n$/);

  await editor(page).fill('cluster nodes=5 seed=7\nrun 800ms\npropose leader v1\nrun 300ms\ncrash n2\nrun 700ms');
  await page.getByTestId('script-run').click();
  await expect(editor(page)).toHaveCount(0);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('script')).toHaveText(/step$/);

  [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('script-save').click()]);
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const text = readFileSync(file, 'utf8');
  expect(text.split('\n')[0]).toMatch(/^# /);
  expect(text).toContain(`${await page.getByTestId('script').textContent()}\n`);
  const { report, exitCode, stderr } = runCli({ file });
  expect(exitCode, stderr).toBe(0);
  await expectPageMatches(page, report);
});

test('Open .txt runs the file', async ({ page }) => {
  await openPausedRun(page);
  const text = '# three nodes, one request\r\ncluster nodes=3 seed=2\r\nrun 1s\r\npropose leader v1\r\nrun 200ms\r\nexpect safe\r\n';
  await page.getByTestId('script-file').setInputFiles({ name: 'three.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '1200');
  await expect(editor(page)).toHaveCount(0);
  await expect(problems(page)).toHaveCount(0);
  await expectPageMatches(page, runCli({ text }).report);
});

test('an over-size or malformed file says what is wrong, and the app stays usable', async ({ page }) => {
  await openPausedRun(page);
  const before = await simState(page);
  const recorded = (await page.getByTestId('script').textContent())!;

  const big = Buffer.alloc(1_000_001, 'run 1s\n');
  await page.getByTestId('script-file').setInputFiles({ name: 'huge.txt', mimeType: 'text/plain', buffer: big });
  await expect(problems(page)).toContainText('“huge.txt” is 1,000,001 bytes; a script file can be at most 1,000,000 bytes');
  await expect(editor(page)).toHaveCount(0);
  await expect(page.getByTestId('script')).toHaveText(recorded);
  expect(await simState(page)).toEqual(before);

  const bad = 'cluster nodes=3\nrun 1s\nexpect leeder n1\n';
  await page.getByTestId('script-file').setInputFiles({ name: 'bad.txt', mimeType: 'text/plain', buffer: Buffer.from(bad) });
  await expect(problems(page)).toContainText('line 3, column 8: unknown expectation "leeder" (did you mean "leader"?)');
  await expect(editor(page)).toHaveValue(bad);
  expect(await simState(page)).toEqual(before);

  // Fixed in place, it runs; and the controls still work.
  await editor(page).fill(bad.replace('leeder n1', 'safe'));
  await page.getByTestId('script-run').click();
  await expect(editor(page)).toHaveCount(0);
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '1000');
  await page.getByTestId('step').click();
  await expect(page.getByTestId('script')).toHaveText(/run 1s\nstep$/);
});

test('a reload mid-edit offers the draft back, without running it', async ({ page }) => {
  await openPlaying(page);
  await page.getByTestId('script-edit').click();
  const draft = 'cluster nodes=3 seed=4\n# not run yet\nrun 2s';
  await editor(page).fill(draft);
  await expect.poll(() => keptDraft(page)).toBe(draft);

  await page.reload();
  await expect(page.getByTestId('node-n1')).toBeVisible();
  await expect(editor(page)).toHaveValue(draft);
  await expect(page.getByTestId('script-restored')).toContainText('has not run');
  // The page opened its default five-node cluster; the draft's three nodes did not replace it.
  await expect(page.getByTestId('node-n5')).toBeVisible();

  // Cancel is not the end of it: the draft can be brought back.
  await page.getByTestId('script-cancel').click();
  await expect(page.getByTestId('script')).toBeVisible();
  await expect.poll(() => keptDraft(page)).toBeUndefined();
  await page.getByTestId('script-reopen-draft').click();
  await expect(editor(page)).toHaveValue(draft);
});
