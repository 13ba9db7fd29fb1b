/**
 * Pictures of membership changes (§6) to look at, not compared: a cluster of
 * five with three members, joint consensus, and a learner catching up, on a
 * wide screen and a phone. They land in test-results/membership-shots/.
 */
import { expect, test, type Page } from '@playwright/test';
import { open } from './helpers.ts';

const SHOTS = 'test-results/membership-shots';

async function runScript(page: Page, text: string): Promise<void> {
  await page.getByTestId('script-edit').click();
  await page.getByTestId('script-editor').fill(text);
  await page.getByTestId('script-run').click();
  await expect(page.getByTestId('script-editor')).toHaveCount(0);
}

const THREE_OF_FIVE = ['cluster nodes=5 members=n1,n2,n3 seed=3', 'run 1s', 'propose leader x', 'run 100ms'];

const SCENES: Record<string, { script: string[]; select: string }> = {
  members: { script: THREE_OF_FIVE, select: 'n4' },
  joint: { script: [...THREE_OF_FIVE.slice(0, 2), 'change +n4,+n5,-n1,-n2', 'run 60ms', 'expect config n2 n1,n2,n3 -> n3,n4,n5'], select: 'n2' },
  learner: { script: [...THREE_OF_FIVE.slice(0, 2), ...'abcdef'.split('').map((v) => `propose leader ${v}`), 'run 300ms', 'add n4', 'run 12ms'], select: 'n2' },
};

const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };

for (const [scene, { script, select }] of Object.entries(SCENES)) {
  for (const [size, viewport] of Object.entries(SIZES)) {
    test(`picture: ${scene} on a ${size}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await open(page);
      await runScript(page, script.join('\n'));
      await page.getByTestId(`node-${select}`).click();
      // The node keeps the focus, and with it its hover explanation: Escape hides that, so the drawing shows.
      await page.mouse.move(1, 1);
      await page.keyboard.press('Escape');
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.locator('.cluster-panel').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/view-${scene}-${size}.png` });
      await page.locator('.cluster-panel').screenshot({ path: `${SHOTS}/view-${scene}-${size}-cluster.png` });
      await page.getByTestId('inspector').screenshot({ path: `${SHOTS}/view-${scene}-${size}-inspector.png` });
      await page.locator('.log-panel').screenshot({ path: `${SHOTS}/view-${scene}-${size}-logs.png` });
    });
  }
}
