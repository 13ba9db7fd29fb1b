/**
 * Accessibility: axe-core (WCAG 2.0/2.1 A and AA rules) on the main screens and
 * a tour finds nothing serious or critical.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { open, openPlaying, pause, play, waitForLeader } from './helpers.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Run axe on the page as it stands; print every violation, and fail on the serious and critical ones. */
async function audit(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  for (const v of violations) {
    console.log(`[${screen}] ${v.impact} ${v.id} (${v.nodes.length}): ${v.help}`);
    for (const n of v.nodes.slice(0, 6)) console.log(`    ${n.target.join(' ')}  ${n.failureSummary?.replace(/\n/g, ' | ') ?? ''}`);
  }
  const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(severe.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), screen).toEqual([]);
}

test('the default screen, once a leader is elected', async ({ page }) => {
  await openPlaying(page);
  await waitForLeader(page);
  await pause(page);
  await audit(page, 'default');
});

test('Figure 7 with a node selected', async ({ page }) => {
  await open(page, '?scenario=figure7');
  await page.getByTestId('node-n1').click();
  await expect(page.getByTestId('action-crash')).toBeVisible();
  await audit(page, 'figure7-inspector');
});

test('the Figure 7 repair at its end (probing costs shown), and a message inspected', async ({ page }) => {
  await open(page, '?scenario=figure7.txt');
  await expect(page.getByTestId('probes-n7')).toBeVisible();
  await page.getByTestId('node-n2').click();
  await page.getByTestId('action-campaign').click();
  const message = page.getByTestId('message').first();
  await message.click();
  await expect(page.getByTestId('message-inspector')).toBeVisible();
  await audit(page, 'figure7-repaired-message');
});

test('the script editor', async ({ page }) => {
  await openPlaying(page);
  await page.getByTestId('script-edit').click();
  await expect(page.getByTestId('script-editor')).toBeVisible();
  await audit(page, 'script-editor');
});

test('a safety violation', async ({ page }) => {
  await open(page, '?scenario=unsafe-commit-old-terms');
  await expect(page.getByTestId('safety')).toHaveAttribute('data-ok', 'false');
  await expect(page.getByTestId('safety-explanation')).toBeVisible();
  await audit(page, 'violation');
});

test('a tour step with a hover explanation open', async ({ page }) => {
  await open(page, '?tour=election&step=2');
  await expect(page.getByTestId('tour')).toHaveAttribute('data-step', '2');
  await page.getByTestId('node-n1').hover();
  await expect(page.getByTestId('why-tooltip')).toBeVisible();
  await audit(page, 'tour');
});

test('the Library, Tours and Export menus, open', async ({ page }) => {
  await openPlaying(page);
  await pause(page);
  await page.getByTestId('library').locator('summary').click();
  await expect(page.getByTestId('library-figure8')).toBeVisible();
  await audit(page, 'library-menu');
  await page.getByTestId('tour-menu').locator('summary').click();
  await expect(page.getByTestId('tour-start-election')).toBeVisible();
  await audit(page, 'tour-menu');
  await page.locator('summary', { hasText: 'Export' }).click();
  await expect(page.locator('.dropdown[open] .dropdown-list')).toBeVisible();
  await audit(page, 'export-menu');
});

test('the embedded view (?embed=1)', async ({ page }) => {
  await openPlaying(page, '?embed=1');
  await waitForLeader(page);
  await audit(page, 'embed');
});

test('the keyboard shortcuts dialog', async ({ page }) => {
  await openPlaying(page);
  await pause(page);
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcut-help')).toBeVisible();
  await audit(page, 'shortcut-help');
});

test('a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openPlaying(page);
  await waitForLeader(page);
  await pause(page);
  await audit(page, 'phone');
});

test('a tour on a phone, its caption docked at the bottom', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, '?tour=figure7&step=3');
  await expect(page.getByTestId('tour')).toHaveAttribute('data-step', '3');
  await audit(page, 'phone-tour');
});

/* ------------------------------------------------------------------ keyboard */

/** What has focus, as a test id, or its role and name when it has none. */
const focusedName = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (el === null || el === document.body) return 'body';
    return el.getAttribute('data-testid') ?? `${el.tagName.toLowerCase()}[${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? ''}]`;
  });

/** Press Tab until the element with this test id has focus (keyboard only, no programmatic focus). */
async function tabTo(page: Page, testId: string, key = 'Tab'): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press(key);
    if ((await focusedName(page)) === testId) return;
  }
  throw new Error(`${key} never reached ${testId}`);
}

/**
 * How many pixels around the focused element change when it loses focus: its
 * focus indicator. Both pictures are taken of the same box (the element and 8
 * px around it) and compared in the page, counting pixels whose colour moved
 * clearly (more than 64 in some channel).
 */
async function focusIndicatorPixels(page: Page): Promise<{ changed: number; perimeter: number }> {
  const box = await page.evaluate(() => {
    const r = document.activeElement!.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  });
  const view = page.viewportSize()!;
  const x = Math.max(0, Math.floor(box.x - 8));
  const y = Math.max(0, Math.floor(box.y - 8));
  const clip = { x, y, width: Math.min(view.width, Math.ceil(box.x + box.width + 8)) - x, height: Math.min(view.height, Math.ceil(box.y + box.height + 8)) - y };
  const focused = (await page.screenshot({ clip })).toString('base64');
  await page.evaluate(() => (document.activeElement as HTMLElement | SVGElement).blur());
  const blurred = (await page.screenshot({ clip })).toString('base64');
  const changed = await page.evaluate(async ([a, b]) => {
    const pixels = async (png: string): Promise<Uint8ClampedArray> => {
      const img = new Image();
      img.src = `data:image/png;base64,${png}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const g = canvas.getContext('2d')!;
      g.drawImage(img, 0, 0);
      return g.getImageData(0, 0, img.width, img.height).data;
    };
    const [p, q] = await Promise.all([pixels(a), pixels(b)]);
    let n = 0;
    for (let i = 0; i < p.length; i += 4) {
      if (Math.max(Math.abs(p[i] - q[i]), Math.abs(p[i + 1] - q[i + 1]), Math.abs(p[i + 2] - q[i + 2])) > 64) n++;
    }
    return n;
  }, [focused, blurred] as const);
  return { changed, perimeter: 2 * (Math.min(box.width, clip.width) + Math.min(box.height, clip.height)) };
}

/**
 * Tab from the top of the page until the focus comes round again, measuring
 * each control's focus indicator on the way: the controls reached, in order,
 * and those whose indicator is fainter than a 1-pixel ring all around them.
 */
async function tabThrough(page: Page): Promise<{ reached: string[]; faint: string[] }> {
  // The hover explanation shows on focus too; hidden here, so only the ring itself is measured.
  // (Through the CSSOM: the page's Content Security Policy refuses an added style sheet.)
  await page.evaluate(() => document.getElementById('why-tooltip')!.style.setProperty('display', 'none', 'important'));
  // Start from the top: a click on the title (which takes no focus) moves where Tab starts.
  await page.getByRole('heading', { name: 'raftviz' }).click();
  const reached: string[] = [];
  const faint: string[] = [];
  for (let i = 0; i < 250; i++) {
    await page.keyboard.press('Tab');
    // Back at the start (or out of the page): every control has been reached.
    const first = await page.evaluate(() => {
      const el = document.activeElement;
      if (el === null || el === document.body || el.hasAttribute('data-tab-seen')) return false;
      el.setAttribute('data-tab-seen', '');
      return true;
    });
    if (!first) break;
    const name = await focusedName(page);
    reached.push(name);
    const { changed, perimeter } = await focusIndicatorPixels(page);
    if (changed < perimeter) faint.push(`${name}: ${changed} px changed, perimeter ${perimeter}`);
    // Give the focus back where it was, as the keyboard left it.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await focusedName(page), `focus back on ${name}`).toBe(name);
  }
  console.log(`Tab order (${reached.length}): ${reached.join(' · ')}`);
  return { reached, faint };
}

test('Tab reaches every control from the top of the page, and each shows a focus ring', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, '?scenario=figure7.txt');
  const { reached, faint } = await tabThrough(page);
  expect(faint).toEqual([]);
  const wanted = ['play-pause', 'step', 'reset', 'speed', 'node-count', 'seed', 'summary[Tours ▾]', 'summary[Library ▾]', 'share', 'scrubber'];
  wanted.push('link-n1-n2', 'node-n1', 'node-n7', 'script-edit', 'script', 'events');
  for (const id of wanted) expect(reached, id).toContain(id);
  // One entry of each row (its last), the arrow keys reach the others.
  for (const id of ['n1', 'n7']) expect(reached.filter((r) => r.startsWith(`entry-${id}-`)), id).toHaveLength(1);
});

test('in a tour, Tab reaches the tour panel and the first-visit offer, each with a focus ring', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, '?tour=election&step=2');
  await expect(page.getByTestId('tour')).toHaveAttribute('data-step', '2');
  await pause(page);
  const inTour = await tabThrough(page);
  expect(inTour.faint).toEqual([]);
  for (const id of ['play-pause', 'tour-leave', 'tour-back', 'tour-next', 'button[Step 1]', 'button[Step 3]']) expect(inTour.reached, id).toContain(id);

  await openPlaying(page);
  await expect(page.getByTestId('welcome')).toBeVisible();
  await pause(page);
  const welcome = await tabThrough(page);
  expect(welcome.faint).toEqual([]);
  for (const id of ['welcome-start', 'welcome-dismiss']) expect(welcome.reached, id).toContain(id);
});

test('the main actions by keyboard alone: play, step, crash a node from its inspector, cut a link', async ({ page }) => {
  await openPlaying(page);
  const playPause = page.getByTestId('play-pause');
  await tabTo(page, 'play-pause');
  const playing = await playPause.getAttribute('data-playing');
  await page.keyboard.press('Enter');
  await expect(playPause).not.toHaveAttribute('data-playing', playing!);
  await pause(page);

  await tabTo(page, 'step');
  const before = Number(await page.getByTestId('sim-time').getAttribute('data-event'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-event', String(before + 1));

  // A node: Enter opens its inspector, which takes the focus; its actions are the next Tab away.
  await tabTo(page, 'node-n2');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('inspector')).toBeFocused();
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-node', 'n2');
  await tabTo(page, 'action-crash');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('node-n2')).toHaveAttribute('data-role', 'down');
  // Escape closes the inspector and gives the focus back to the node.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('inspector')).toHaveCount(0);
  await expect(page.getByTestId('node-n2')).toBeFocused();

  // The links are one Tab stop; the arrow keys move between them without stepping the simulation.
  await page.keyboard.press('Shift+Tab');
  await tabTo(page, 'link-n1-n2', 'Shift+Tab');
  const events = await page.getByTestId('sim-time').getAttribute('data-event');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('link-n1-n3')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('link-n1-n3')).toHaveAttribute('data-cut', 'true');
  // The cut is one event; had the arrow stepped the simulation too, there would be two.
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-event', String(Number(events) + 1));
  // Tab leaves the links (for the messages in flight, or the nodes); coming back lands on the link last used.
  await page.keyboard.press('Tab');
  expect(await focusedName(page)).toMatch(/^(message|node-n1)$/);
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('link-n1-n3')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('link-n1-n3')).toHaveAttribute('data-cut', 'false');
});

test('by keyboard: the messages in flight are one Tab stop; Enter inspects one, Escape comes back', async ({ page }) => {
  await open(page, '?scenario=figure7');
  await page.getByTestId('node-n1').click();
  await page.getByTestId('action-campaign').click();
  await expect(page.getByTestId('message')).toHaveCount(6);
  await page.getByTestId('node-n1').click(); // the focus starts in the cluster
  await tabTo(page, 'message', 'Shift+Tab');
  const first = await page.evaluate(() => document.activeElement!.getAttribute('data-id'));
  await page.keyboard.press('ArrowRight');
  const second = await page.evaluate(() => document.activeElement!.getAttribute('data-id'));
  expect(second).not.toBe(first);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('message-inspector')).toBeFocused();
  await expect(page.getByTestId('message-inspector')).toHaveAccessibleName(`Message m${second}`);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('message-inspector')).toHaveCount(0);
  await expect(page.locator(`[data-testid="message"][data-id="${second}"]`)).toBeFocused();
});

test('by keyboard: open a library scenario, and go to the next step of a tour', async ({ page }) => {
  await openPlaying(page);
  await pause(page);
  await tabTo(page, 'summary[Library ▾]');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('library')).toHaveAttribute('open');
  await tabTo(page, 'library-leader-crash');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('library')).not.toHaveAttribute('open');
  await expect(page.getByTestId('script')).toContainText('cluster nodes=5 seed=7');

  await open(page, '?tour=election&step=1');
  await expect(page.getByTestId('tour')).toHaveAttribute('data-step', '1');
  await tabTo(page, 'tour-next');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tour')).toHaveAttribute('data-step', '2');
});

test('single-character shortcuts can be switched off (WCAG 2.1.4), and the choice is kept', async ({ page }) => {
  await openPlaying(page);
  await pause(page);
  await page.keyboard.press('?');
  const help = page.getByTestId('shortcut-help');
  await expect(help).toBeVisible();
  await expect(page.getByTestId('letter-keys')).toBeChecked();
  await page.getByTestId('letter-keys').uncheck();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // c, r, ? do nothing now; Space still plays and pauses.
  for (const key of ['c', 'r', 't', 'a', '?']) await page.keyboard.press(key);
  await expect(help).toBeHidden();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('play-pause')).toHaveAttribute('data-playing', 'true');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('play-pause')).toHaveAttribute('data-playing', 'false');
  expect(await page.getByTestId('script').textContent()).not.toMatch(/propose|crash|timers/);

  // The list still opens from the page, and the choice outlives a reload.
  await page.reload();
  await expect(page.getByTestId('node-n1')).toBeVisible();
  await page.keyboard.press('?');
  await expect(help).toBeHidden();
  await page.getByTestId('open-shortcuts').click();
  await expect(help).toBeVisible();
  await expect(page.getByTestId('letter-keys')).not.toBeChecked();
  await page.getByTestId('letter-keys').check();
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
});

/* ------------------------------------------------------------ names in words */

test('nodes, log rows and log entries are named in words: role, term, log length, commit', async ({ page }) => {
  // Figure 7 repaired: n1 leads term 8, and every log holds the same 11 entries, all committed.
  await open(page, '?scenario=figure7.txt');
  await expect(page.getByTestId('node-n3')).toHaveAccessibleName('n3, follower, term 8, 11 entries, commit 11');
  await expect(page.getByTestId('node-n1')).toHaveAccessibleName('n1, leader, term 8, 11 entries, commit 11');
  await expect(page.getByRole('rowheader', { name: "n3, follower, 11 entries, commit 11, leader's matchIndex 11, nextIndex 12" })).toBeVisible();
  await expect(page.getByTestId('entry-n3-4')).toHaveAccessibleName(/^n3 index 4: term 4, value "\S+", committed$/);
  await expect(page.getByTestId('entry-n3-11')).toHaveAccessibleName('n3 index 11: term 8, leader no-op, committed');

  // Before the repair: n1 campaigns, and what it shows is named as it changes.
  await open(page, '?scenario=figure7');
  await page.getByTestId('node-n1').click();
  await page.getByTestId('action-campaign').click();
  await expect(page.getByTestId('node-n1')).toHaveAccessibleName('n1, candidate, 1 of 4 votes, term 8, 10 entries, commit 8');
  await page.getByTestId('action-crash').click();
  await expect(page.getByTestId('node-n1')).toHaveAccessibleName('n1, crashed, term 8, 10 entries');
  // An entry not yet committed says so.
  await expect(page.getByTestId('entry-n1-10')).toHaveAccessibleName(/^n1 index 10: term 6, .*, not committed yet$/);
});

/* -------------------------------------------------------------- live region */

const announcer = (page: Page) => page.getByTestId('cluster-announcer');

test('the live region says who leads, who crashed, and which links are cut', async ({ page }) => {
  await openPlaying(page);
  await expect(announcer(page)).toHaveAttribute('role', 'status');
  await expect(announcer(page)).toHaveAttribute('aria-live', 'polite');
  const leader = await waitForLeader(page);
  await expect(announcer(page)).toHaveText(new RegExp(`${leader.id} is (now )?leader of term ${leader.term}\\.`));
  await pause(page);

  await page.getByTestId(`node-${leader.id}`).click();
  await page.getByTestId('action-crash').click();
  await expect(announcer(page)).toHaveText(`${leader.id} crashed. No leader.`);
  await page.getByTestId('action-restart').click();
  await expect(announcer(page)).toHaveText(`${leader.id} restarted.`);

  await page.getByTestId('link-n1-n2').click();
  await expect(announcer(page)).toHaveText('Link n1–n2 cut.');
  // Cut n1 off from everyone: a partition, named by its sides.
  for (const other of ['n3', 'n4', 'n5']) await page.getByTestId(`link-n1-${other}`).click();
  await expect(announcer(page)).toHaveText('The network is split: n1 | n2, n3, n4 and n5.');
  await page.getByTestId('heal-all').click();
  await expect(announcer(page)).toHaveText('The network is whole again.');
});

/**
 * A run with a crash or a restart every 5 s of simulated time (0.5 s of wall
 * time at 10×), and 15 s between a node's crash and its restart, so no second
 * of wall time holds changes that undo each other.
 */
const CHURN = [
  'cluster nodes=5 seed=3',
  'run 1s',
  ...['crash n5', 'crash n4', 'crash n3', 'restart n5', 'restart n4', 'restart n3'].flatMap((line) => [line, 'run 5s']),
].join('\n');

test('at 10× the live region speaks at most once a second, and ends on where things stand', async ({ page }) => {
  test.setTimeout(60_000);
  await openPlaying(page);
  await pause(page);
  // The first words (the cluster as it opened) are said; what follows is the replay.
  await expect(announcer(page)).not.toHaveText('');
  await page.getByTestId('script-edit').click();
  await page.getByTestId('script-editor').fill(CHURN);
  await page.getByTestId('script-run').click();
  await expect(page.getByTestId('script-editor')).toHaveCount(0);
  // Replay it from its start at 10×: 31 s of simulated time in about 3 s.
  await page.getByTestId('scrubber').fill('0');
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-event', '0');
  // The seek is announced once its window closes. Play only after that: a window still open
  // when the replayed election ends would compare n2-leads with n2-leads and rightly say nothing.
  await expect(announcer(page)).toContainText('No leader.');
  await page.getByTestId('speed').fill('1');
  // Every announcement from here on, with the wall time it was made.
  await page.evaluate(() => {
    const w = window as unknown as { __said: { at: number; text: string }[] };
    w.__said = [];
    const region = document.querySelector('[data-testid="cluster-announcer"]')!;
    new MutationObserver(() => {
      if (region.textContent !== '') w.__said.push({ at: performance.now(), text: region.textContent! });
    }).observe(region, { childList: true, subtree: true, characterData: true });
  });
  await play(page);
  await expect(page.getByTestId('time-travel')).toHaveAttribute('data-live', 'true', { timeout: 20_000 });
  await page.waitForTimeout(1500);
  const said = await page.evaluate(() => (window as unknown as { __said: { at: number; text: string }[] }).__said);
  console.log(said.map((s) => `${Math.round(s.at)} ms: ${s.text}`).join('\n'));
  // It spoke during the churn, but never twice within a second: changes in between are said together.
  expect(said.length).toBeGreaterThanOrEqual(3);
  for (let i = 1; i < said.length; i++) expect(said[i].at - said[i - 1].at).toBeGreaterThanOrEqual(950);
  // The last word on the leader is the leader on screen.
  const { id, term } = await waitForLeader(page);
  const lastOnLeader = said.map((s) => s.text).filter((t) => /leader/.test(t)).at(-1);
  expect(lastOnLeader).toMatch(new RegExp(`${id} is (now )?leader of term ${term}\\.`));
});

/* ------------------------------------------------- not by colour alone; motion */

/** A computed style property of the element with this test id, or of a part of it. */
const styleOf = (page: Page, testId: string, part: string, property: string): Promise<string> =>
  page.getByTestId(testId).evaluate((el, [p, prop]) => {
    const target = p === '' ? el : el.querySelector(p)!;
    return getComputedStyle(target).getPropertyValue(prop);
  }, [part, property] as const);

test('colour is never the only sign: roles by shape and word, terms as numbers, commitment by pattern', async ({ page }) => {
  // Figure 7 before the repair, with n1 campaigning, n2 crashed and a link cut: every role and state at once.
  await open(page, '?scenario=figure7');
  await page.getByTestId('node-n1').click();
  await page.getByTestId('action-campaign').click();
  await page.getByTestId('node-n2').click();
  await page.getByTestId('action-crash').click();
  await page.getByTestId('link-n3-n4').click();
  const node = (id: string) => page.getByTestId(`node-${id}`);
  await expect(node('n1')).toHaveAttribute('data-role', 'candidate');
  await expect(node('n2')).toHaveAttribute('data-role', 'down');

  // Roles: a word under each node, and a shape: a dashed ring for a candidate, a cross for a crashed node.
  await expect(node('n1').locator('.role-label')).toContainText('candidate');
  expect(await styleOf(page, 'node-n1', '.node-body', 'stroke-dasharray')).not.toBe('none');
  await expect(node('n2').locator('.role-label')).toHaveText('crashed');
  await expect(node('n2').locator('.down-cross')).toHaveCount(1);
  await expect(node('n3').locator('.role-label')).toHaveText('follower');
  expect(await styleOf(page, 'node-n3', '.node-body', 'stroke-dasharray')).toBe('none');
  // A cut link is dashed and crossed, not only red.
  expect(await styleOf(page, 'link-n3-n4', '.link-line', 'stroke-dasharray')).not.toBe('none');
  await expect(page.getByTestId('link-n3-n4').locator('.cut-mark')).toHaveCount(1);

  // Terms as numbers: on every node, every log entry, every message in flight.
  for (const id of ['n1', 'n3', 'n7']) await expect(node(id).locator('.node-term')).toHaveText(`term ${await node(id).getAttribute('data-term')}`);
  for (const cell of await page.locator('[data-testid^="entry-n7-"]').all()) await expect(cell).toHaveText((await cell.getAttribute('data-term'))!);
  const votes = page.locator('[data-testid="message"][data-type="RequestVote"]');
  await expect(votes.first()).toBeVisible();
  for (const m of await votes.all()) await expect(m.locator('.msg-term')).toHaveText('8');

  // Committed and not committed differ in pattern and edge, not only in shade.
  await expect(page.getByTestId('entry-n1-8')).toHaveAttribute('data-committed', 'true');
  await expect(page.getByTestId('entry-n1-10')).toHaveAttribute('data-committed', 'false');
  expect(await styleOf(page, 'entry-n1-8', '', 'border-top-style')).toBe('solid');
  expect(await styleOf(page, 'entry-n1-10', '', 'border-top-style')).toBe('dashed');
  expect(await styleOf(page, 'entry-n1-8', '', 'background-image')).toBe('none');
  expect(await styleOf(page, 'entry-n1-10', '', 'background-image')).toContain('repeating-linear-gradient');

  // The leader: a crown and the word.
  await open(page, '?scenario=figure7.txt');
  await expect(node('n1').locator('.crown')).toHaveCount(1);
  await expect(node('n1').locator('.role-label')).toHaveText('LEADER');
  await expect(page.locator('.cluster-svg .crown')).toHaveCount(1);
});

/** Whether every element of the page has its CSS transitions switched off and its animations at zero length. */
const motionOff = (page: Page): Promise<{ transitions: boolean; animations: boolean }> =>
  page.evaluate(() => {
    const all = [...document.querySelectorAll('*')].map((el) => getComputedStyle(el));
    return {
      transitions: all.every((s) => s.transitionProperty === 'none'),
      animations: all.every((s) => s.animationDuration.split(',').every((d) => d.trim() === '0s')),
    };
  });

test('reduced motion: with the system asking for less motion, no CSS transition or animation runs', async ({ page }) => {
  await openPlaying(page);
  expect((await motionOff(page)).transitions).toBe(false);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
  expect(await motionOff(page)).toEqual({ transitions: true, animations: true });
  expect(await page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length)).toBe(0);
});

test('with reduced motion asked for, the default page opens paused', async ({ browser }) => {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.getByTestId('node-n1')).toBeVisible();
  await expect(page.getByTestId('play-pause')).toHaveAttribute('data-playing', 'false');
  await page.waitForTimeout(500);
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-event', '0');
  await context.close();
});
