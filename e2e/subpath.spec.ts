/**
 * The static build works from any base path, as on GitHub Pages or a course
 * website: dist/ served under a sub-path by a plain file server, with nothing
 * else on the origin. (The webServer of playwright.config.ts has just built it.)
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { expect, test } from '@playwright/test';

const BASE = '/courses/distributed-systems/raftviz/';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.txt': 'text/plain' };

let server: Server;
let origin = '';

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(BASE)) {
      res.writeHead(404).end();
      return;
    }
    const rel = normalize(path.slice(BASE.length) || 'index.html');
    if (rel.startsWith('..')) {
      res.writeHead(403).end();
      return;
    }
    readFile(join('dist', rel)).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  origin = `http://127.0.0.1:${address.port}`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('the built site runs from a sub-path: cluster, worker, library and tours', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${origin}${BASE}?tour=election&step=2`);
  await expect(page.getByTestId('node-n5')).toBeVisible();
  await expect(page.getByTestId('tour')).toHaveAttribute('data-checks', 'ok');
  await page.getByTestId('tour-leave').click();
  await page.getByTestId('library').locator('summary').click();
  await page.getByTestId('library-figure7').click();
  await expect(page.getByTestId('node-n7')).toBeVisible();
  await expect(page.getByTestId('explain')).not.toContainText('Loading');
  expect(failed).toEqual([]);
  expect(errors).toEqual([]);
  expect(page.url().startsWith(`${origin}${BASE}`)).toBe(true);
});
