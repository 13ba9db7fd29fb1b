import { expect, test } from '@playwright/test';

// Where raftviz is served: your deployment, or `npm start` (http://127.0.0.1:5173/).
const RAFTVIZ = process.env.RAFTVIZ_URL ?? './';

test('Figure 7: n1 wins term 8 and repairs every follower', async ({ page }) => {
  await page.goto(`${RAFTVIZ}?scenario=figure7.txt`);
  await expect(page.getByTestId('node-n1')).toHaveAttribute('data-role', 'leader');
  await expect(page.getByTestId('node-n1')).toHaveAttribute('data-term', '8');
  await expect(page.getByTestId('entry-n7-11')).toHaveAttribute('data-committed', 'true');
  await expect(page.getByTestId('safety')).toHaveAttribute('data-ok', 'true');
});

test('my own scenario: a leader cut off in a minority cannot commit', async ({ page }) => {
  await page.goto(RAFTVIZ);
  await page.getByTestId('script-edit').click();
  await page.getByTestId('script-editor').fill(
    ['cluster nodes=5 seed=3', 'campaign n1', 'stabilize', 'partition n1,n2 | n3,n4,n5', 'propose n1 x', 'run 300ms'].join('\n'),
  );
  await page.getByTestId('script-run').click();
  await expect(page.getByTestId('entry-n1-2')).toHaveAttribute('data-committed', 'false');
  await expect(page.locator('[data-testid^="node-"][data-role="leader"]')).toHaveCount(2);
  await expect(page.getByTestId('safety')).toHaveAttribute('data-ok', 'true');
});
