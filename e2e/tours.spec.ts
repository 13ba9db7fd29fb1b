/**
 * Every guided tour, walked to its end through the UI as a learner would: at
 * each step the caption is the tour's, the tour's own `expect` lines held in the
 * worker (`data-checks`), and the page shows what those lines claim.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { readTour, type TourStep } from '../engine/scenario/tour.ts';
import type { Expectation } from '../engine/scenario/ast.ts';
import { logTerms, open, openPlaying } from './helpers.ts';

const DIR = 'public/tours';
const tours = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((file) => {
    const text = readFileSync(`${DIR}/${file}`, 'utf8');
    const read = readTour(text);
    if (!read.ok) throw new Error(`${file}: ${JSON.stringify(read.errors)}`);
    return { file, name: file.replace(/^\d+-/, '').replace(/\.txt$/, ''), steps: read.steps };
  });

/** Check on the page what one `expect` line claims, through the test-id contract. */
async function checkOnPage(page: Page, e: Expectation, where: string): Promise<void> {
  const node = (id: string) => page.getByTestId(`node-${id}`);
  switch (e.what) {
    case 'leader': {
      const leaders = await page.locator('[data-testid^="node-"][data-role="leader"]').evaluateAll((els) =>
        els.map((el) => ({ id: (el as HTMLElement).dataset.testid!.slice(5), term: Number((el as HTMLElement).dataset.term) })),
      );
      const top = leaders.sort((a, b) => b.term - a.term)[0]?.id ?? null;
      expect(top, where).toBe(e.node);
      return;
    }
    case 'role':
      await expect(node(e.node), where).toHaveAttribute('data-role', e.role);
      return;
    case 'term':
      await expect(node(e.node), where).toHaveAttribute('data-term', String(e.value));
      return;
    case 'commit': {
      // Entries compacted into a snapshot are drawn as one block, not as cells; all of them are committed (§7).
      const block = page.getByTestId(`snapshot-${e.node}`);
      const up = (await node(e.node).getAttribute('data-role')) !== 'down';
      const compacted = up && (await block.count()) > 0 ? Number(await block.getAttribute('data-index')) : 0;
      await expect(page.locator(`[data-testid^="entry-${e.node}-"][data-committed="true"]`), where).toHaveCount(e.value - compacted);
      return;
    }
    case 'snapshot':
      if (e.at === null) await expect(page.getByTestId(`snapshot-${e.node}`), where).toHaveCount(0);
      else {
        await expect(page.getByTestId(`snapshot-${e.node}`), where).toHaveAttribute('data-index', String(e.at.index));
        await expect(page.getByTestId(`snapshot-${e.node}`), where).toHaveAttribute('data-term', String(e.at.term));
      }
      return;
    case 'log':
      expect(await logTerms(page, e.node), where).toBe(e.terms.join(' '));
      return;
    case 'rejections':
      await expect(page.getByTestId(`probes-${e.node}`), where).toHaveAttribute('data-rejections', String(e.value));
      return;
    case 'roundtrips':
      await expect(page.getByTestId(`probes-${e.node}`), where).toHaveAttribute('data-round-trips', String(e.value));
      return;
    case 'violation':
      // Linearizability is judged over the whole client history, which the worker checks (`data-checks`).
      if (e.invariant === 'Linearizability') return;
      await expect(page.getByTestId(`invariant-${e.invariant}`), where).toHaveAttribute('data-ok', 'false');
      return;
    case 'safe':
      await expect(page.getByTestId('safety'), where).toHaveAttribute('data-ok', 'true');
      return;
    case 'vote':
    case 'kv':
    case 'applied':
    case 'linearizable':
      // Votes, the state machines and the history's verdict are not checked through the
      // page's test ids here; the worker's check of this line is what `data-checks` reports.
      return;
  }
}

async function checkStep(page: Page, tourName: string, steps: readonly TourStep[], k: number): Promise<void> {
  const where = `${tourName} step ${k + 1}`;
  const panel = page.getByTestId('tour');
  await expect(panel, where).toHaveAttribute('data-step', String(k + 1));
  await expect(panel, where).toHaveAttribute('data-checks', 'ok');
  await expect(page.getByTestId('tour-caption'), where).toHaveText(steps[k].captions.join(''));
  // Watching the step is the learner's; the test goes straight to its end. The
  // step may end by itself at any moment, so the button is clicked only if it is there.
  await page.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="tour-finish-step"]')?.click());
  await expect(panel, where).toHaveAttribute('data-at-end', 'true');
  for (const c of steps[k].checks) if (c.kind === 'expect') await checkOnPage(page, c.check, `${where}, line ${c.line}`);
  await expect(page.getByTestId('notice'), where).toHaveCount(0);
}

test('there are nine tours, each with steps', () => {
  expect(tours.map((t) => t.name)).toEqual(['election', 'replication', 'figure7', 'figure8', 'partitions', 'crashes', 'clients', 'compaction', 'membership']);
  for (const t of tours) expect(t.steps.length, t.file).toBeGreaterThan(1);
});

for (const [i, t] of tours.entries()) {
  test(`tour ${i + 1} (${t.name}) can be walked to its end with Next, and every step holds what it claims`, async ({ page }) => {
    test.setTimeout(120_000);
    const errors = await open(page, `?tour=${t.name}`);
    for (let k = 0; k < t.steps.length; k++) {
      await checkStep(page, t.name, t.steps, k);
      // The address bar is the step's deep link.
      expect(new URL(page.url()).search).toBe(`?tour=${t.name}&step=${k + 1}`);
      if (k < t.steps.length - 1) await page.getByTestId('tour-next').click();
    }
    const next = page.getByTestId('tour-next');
    if (i < tours.length - 1) {
      await next.click();
      await expect(page.getByTestId('tour')).toHaveAttribute('data-tour', tours[i + 1].name);
      await expect(page.getByTestId('tour')).toHaveAttribute('data-step', '1');
    } else {
      await next.click();
      await expect(page.getByTestId('tour')).toHaveCount(0);
    }
    expect(errors).toEqual([]);
  });
}

test.describe('moving through a tour', () => {
  const election = () => tours.find((t) => t.name === 'election')!;

  test('a step plays from where the last one ended and stops at its own end, paused', async ({ page }) => {
    await open(page, '?tour=election&step=2');
    const panel = page.getByTestId('tour');
    await expect(panel).toHaveAttribute('data-checks', 'ok');
    await expect(panel).toHaveAttribute('data-at-end', 'true', { timeout: 20_000 });
    await expect(page.getByTestId('play-pause')).toHaveAttribute('data-playing', 'false');
    await expect(page.getByTestId('time-travel')).toHaveAttribute('data-live', 'true');
    await expect(page.getByTestId('tour-caption')).toHaveText(election().steps[1].captions.join(''));
  });

  test('Back shows the previous step at its end; a dot jumps to any step; Replay plays the step again', async ({ page }) => {
    const steps = election().steps;
    await open(page, '?tour=election&step=3');
    const panel = page.getByTestId('tour');
    await expect(panel).toHaveAttribute('data-checks', 'ok');
    await page.getByTestId('tour-back').click();
    await expect(panel).toHaveAttribute('data-step', '2');
    await expect(panel).toHaveAttribute('data-at-end', 'true');
    await expect(page.getByTestId('play-pause')).toHaveAttribute('data-playing', 'false');
    await expect(page.getByTestId('tour-caption')).toHaveText(steps[1].captions.join(''));
    expect(new URL(page.url()).search).toBe('?tour=election&step=2');
    await expect(page.getByTestId('tour-back')).toBeEnabled();

    await page.getByRole('button', { name: `Step ${steps.length}`, exact: true }).click();
    await expect(panel).toHaveAttribute('data-step', String(steps.length));
    await expect(panel).toHaveAttribute('data-checks', 'ok');
    await page.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="tour-finish-step"]')?.click());
    await expect(panel).toHaveAttribute('data-at-end', 'true');
    const end = await page.getByTestId('sim-time').getAttribute('data-event');

    await page.getByTestId('tour-replay').click();
    await expect(panel).toHaveAttribute('data-at-end', 'false');
    await expect(page.getByTestId('time-travel')).toHaveAttribute('data-live', 'false');
    await page.getByTestId('tour-finish-step').click();
    await expect(panel).toHaveAttribute('data-at-end', 'true');
    await expect(page.getByTestId('sim-time')).toHaveAttribute('data-event', end!);
  });

  test('Leave tour keeps the simulation as it stands; acting mid-tour is undone by Next', async ({ page }) => {
    await open(page, '?tour=election&step=2');
    const panel = page.getByTestId('tour');
    await expect(panel).toHaveAttribute('data-at-end', 'true', { timeout: 20_000 });
    // The learner acts: the tour says so, and Next goes back to the tour's own run.
    await page.getByTestId('node-n3').click();
    await page.getByTestId('action-crash').click();
    await expect(page.getByTestId('node-n3')).toHaveAttribute('data-role', 'down');
    await expect(page.getByTestId('tour-status')).toContainText('You have changed the run');
    await page.getByTestId('tour-next').click();
    await expect(panel).toHaveAttribute('data-step', '3');
    await expect(panel).toHaveAttribute('data-checks', 'ok');
    await expect(page.getByTestId('node-n3')).not.toHaveAttribute('data-role', 'down');

    await page.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="tour-finish-step"]')?.click());
    await expect(panel).toHaveAttribute('data-at-end', 'true');
    const before = await page.getByTestId('sim-time').getAttribute('data-event');
    await page.getByTestId('tour-leave').click();
    await expect(panel).toHaveCount(0);
    await expect(page.getByTestId('sim-time')).toHaveAttribute('data-event', before!);
    expect(new URL(page.url()).search).toBe('');
    // Free play from there.
    await page.getByTestId('step').click();
    await expect(page.getByTestId('sim-time')).toHaveAttribute('data-event', String(Number(before) + 1));
  });

  test('a first visit offers the tours once; a deep link to a missing step or tour says so', async ({ page }) => {
    await openPlaying(page);
    await page.getByTestId('welcome-start').click();
    await expect(page.getByTestId('tour')).toHaveAttribute('data-tour', 'election');
    await expect(page.getByTestId('tour')).toHaveAttribute('data-step', '1');
    await openPlaying(page);
    await expect(page.getByTestId('welcome')).toHaveCount(0);

    await open(page, '?tour=election&step=99');
    await expect(page.getByTestId('tour')).toHaveAttribute('data-step', String(election().steps.length));
    await expect(page.getByTestId('notice')).toContainText(`has steps 1 to ${election().steps.length}`);
    await open(page, '?tour=nope');
    await expect(page.getByTestId('notice')).toContainText('There is no tour named “nope”');
    await expect(page.getByTestId('tour')).toHaveCount(0);
  });

  test('the Tours menu starts any tour', async ({ page }) => {
    await openPlaying(page);
    await page.getByTestId('welcome-dismiss').click();
    await expect(page.getByTestId('welcome')).toHaveCount(0);
    await page.getByTestId('tour-menu').locator('summary').click();
    await page.getByTestId('tour-start-crashes').click();
    await expect(page.getByTestId('tour')).toHaveAttribute('data-tour', 'crashes');
    await expect(page.getByTestId('tour-progress')).toHaveText(/^Step 1 of \d+$/);
  });
});
