/**
 * The Export menu: each file is what its tool expects. The scenario replays in
 * the CLI; the pictures are SVG and PNG with their legends; the ShiViz log
 * parses with ShiViz's default regular expression; the JSON trace has its
 * version and every event.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { open } from './helpers.ts';

/** Choose an Export entry and read the file it downloads. */
async function exported(page: Page, id: string): Promise<{ name: string; body: Buffer }> {
  await page.getByTestId('export-menu').locator('summary').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(id).click()]);
  return { name: file.suggestedFilename(), body: await readFile((await file.path())!) };
}

test.beforeEach(async ({ page }) => {
  await open(page, '?scenario=figure7.txt');
  await expect(page.getByTestId('node-n1')).toHaveAttribute('data-role', 'leader');
});

test('the scenario, as the Script panel saves it', async ({ page }) => {
  const { name, body } = await exported(page, 'export-txt');
  expect(name).toMatch(/\.txt$/);
  const text = body.toString('utf8');
  expect(text).toContain('preset figure7');
  expect(text).toContain((await page.getByTestId('script').textContent())!.split('\n')[0]);
});

test('pictures of the cluster and the logs, with their legends, as SVG and PNG', async ({ page }) => {
  const cluster = await exported(page, 'export-cluster-svg');
  const svg = cluster.body.toString('utf8');
  expect(cluster.name).toMatch(/^raftviz-cluster-event-\d+\.svg$/);
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svg).toContain('Colour = term');
  expect(svg).toContain('>n7<');
  // A picture, not a page: no handlers or test hooks come along.
  expect(svg).not.toMatch(/\son[a-z]+=|data-testid|tabindex/);
  const logs = (await exported(page, 'export-logs-svg')).body.toString('utf8');
  expect(logs).toContain('Solid = committed');
  expect(logs.match(/<rect /g)!.length).toBeGreaterThan(7 * 11);
  for (const id of ['export-cluster-png', 'export-logs-png']) {
    const png = await exported(page, id);
    expect(png.name).toMatch(/\.png$/);
    expect(png.body.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.body.length).toBeGreaterThan(5_000);
  }
  // The SVG opens as an image in the browser itself.
  const size = await page.evaluate(async (text) => {
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  }, svg);
  expect(size[0]).toBeGreaterThan(300);
});

test('a ShiViz log that its default parser reads, and a versioned JSON trace', async ({ page }) => {
  const log = (await exported(page, 'export-shiviz')).body.toString('utf8');
  const lines = log.split('\n');
  // The file's first line is ShiViz's default parser expression.
  expect(lines[0]).toBe('(?<host>\\S*) (?<clock>{.*})\\n(?<event>.*)');
  const parser = /(?<host>\S*) (?<clock>{.*})\n(?<event>.*)/g;
  const events = [...lines.slice(2).join('\n').matchAll(parser)];
  expect(events.length).toBeGreaterThan(50);
  const hosts = new Set(events.map((m) => m.groups!.host));
  expect([...hosts].sort()).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7']);
  for (const m of events) expect(JSON.parse(m.groups!.clock)[m.groups!.host]).toBeGreaterThan(0);
  const trace = JSON.parse((await exported(page, 'export-trace')).body.toString('utf8'));
  expect(trace.version).toBe(1);
  expect(trace.runs[0].nodes).toHaveLength(7);
  const last = Number(await page.getByTestId('sim-time').getAttribute('data-event'));
  expect(Math.max(...trace.runs[0].records.map((r: { event: number }) => r.event))).toBe(last);
});
