/**
 * Nothing injected, nothing fetched: the built site runs under a strict
 * Content-Security-Policy without violating it; once loaded it makes no network
 * request at all and works offline; and markup or script smuggled into a link's
 * scenario shows as text and runs nothing.
 */
import { expect, test, type Page } from '@playwright/test';
import { encodeShare } from '../app/share/shareCodec.ts';
import { open, play, pause } from './helpers.ts';

/** Record every Content-Security-Policy violation the page reports. */
async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}
const cspViolations = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

/** The page has everything it loads at startup: the cluster, the library and tours, the Explain panel. */
async function loaded(page: Page, query = ''): Promise<string[]> {
  const errors = await open(page, query);
  await expect(page.getByTestId('explain')).not.toContainText('Loading');
  await page.getByTestId('library').locator('summary').click();
  await expect(page.getByTestId('library-figure8')).toBeVisible();
  await page.keyboard.press('Escape');
  return errors;
}

test('the built page carries a strict Content-Security-Policy and breaks none of it', async ({ page }) => {
  await watchCsp(page);
  const errors = await loaded(page, '?tour=figure8&step=2');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("connect-src 'none'");
  expect(csp).not.toContain('unsafe');
  // Hover explanations, the script editor and a violation shown all run under it.
  await page.getByTestId('node-n1').hover();
  await expect(page.getByTestId('why-tooltip')).toBeVisible();
  await page.getByTestId('script-edit').click();
  await page.getByTestId('script-cancel').click();
  await page.goto('./?scenario=unsafe-commit-old-terms');
  await expect(page.getByTestId('safety')).toHaveAttribute('data-ok', 'false');
  expect(await cspViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('after load the app makes no network request at all, and works offline', async ({ page, context }) => {
  await loaded(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await context.setOffline(true);
  // Play, open a library scenario, take a tour step, hover, edit and run a script, make a share link.
  await play(page);
  await expect.poll(async () => Number(await page.getByTestId('sim-time').getAttribute('data-event'))).toBeGreaterThan(20);
  await pause(page);
  await page.getByTestId('library').locator('summary').click();
  await page.getByTestId('library-figure7').click();
  await expect(page.getByTestId('node-n7')).toBeVisible();
  await page.getByTestId('tour-menu').locator('summary').click();
  await page.getByTestId('tour-start-election').click();
  await expect(page.getByTestId('tour')).toHaveAttribute('data-checks', 'ok');
  await page.getByTestId('tour-next').click();
  await expect(page.getByTestId('tour')).toHaveAttribute('data-step', '2');
  await page.getByTestId('node-n2').hover();
  await expect(page.getByTestId('why-tooltip')).toBeVisible();
  await page.getByTestId('tour-leave').click();
  await page.getByTestId('script-edit').click();
  await page.getByTestId('script-editor').fill('cluster nodes=3 seed=2\ncampaign n1\nstabilize');
  await page.getByTestId('script-run').click();
  await expect(page.getByTestId('node-n1')).toHaveAttribute('data-role', 'leader');
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-url')).toHaveValue(/#v1\./);
  expect(requests).toEqual([]);
});

/** Markup, script and absurd lengths, as a link's author could write them into values and comments. */
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '"><script>window.__pwned=2</script>',
  'javascript:window.__pwned=3',
  '<a href="javascript:window.__pwned=4">click</a>',
  'x'.repeat(1000),
];

function hostileLink(): string {
  const script = [
    `# <img src=x onerror="window.__pwned=5"> ${'long '.repeat(200)}`,
    'cluster nodes=3 seed=2',
    'campaign n1',
    'stabilize',
    ...PAYLOADS.map((p) => `propose leader "${p.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`),
    'stabilize',
    'run 100ms',
  ].join('\n');
  const encoded = encodeShare({ script, cursor: { time: 0, event: 0 } });
  if (!encoded.ok) throw new Error(encoded.error.kind);
  return `#${encoded.fragment}`;
}

for (const viewport of [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test(`script and markup in a link show as text, run nothing and do not break the layout (${viewport.name})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await watchCsp(page);
    const errors = await open(page, hostileLink());
    // The notice says the link's moment is not where it replays to; then go to the end of the run.
    await page.getByTestId('back-to-live').click().catch(() => {});
    await expect(page.getByTestId('entry-n1-6')).toBeVisible();
    // The values appear as text where the page shows them: the script, the events, a hovered entry.
    // (The script writes a value with quotes in it quoted, its quotes escaped.)
    await expect(page.getByTestId('script')).toContainText('propose leader "<img src=x onerror=\\"window.__pwned=1\\">"');
    await expect(page.getByTestId('script')).toContainText('<script>window.__pwned=2</script>');
    await page.getByTestId('entry-n1-2').hover();
    await expect(page.getByTestId('why-tooltip')).toContainText('value "<img src=x onerror=');
    await page.getByTestId('entry-n1-6').hover();
    await expect(page.getByTestId('why-tooltip')).toContainText('xxxxxxxx');
    await expect(page.locator('.event-list')).toContainText('<script>window.__pwned=2</script>');
    // Nothing ran and nothing became markup.
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toBe(0);
    await expect(page.locator('img[src="x"], script:not([src]):not([type]), a[href^="javascript:"]')).toHaveCount(0);
    // The longest value wraps instead of widening the page.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    expect(await cspViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
}
