/** The command-line runner, as the end-to-end tests call it: the reference the page must agree with. */
import { spawnSync } from 'node:child_process';
import { expect, type Page } from '@playwright/test';

export interface CliReport {
  time: number;
  nodes: {
    id: string;
    role: string;
    term: number;
    commitIndex: number;
    /** The entries after the node's snapshot: the first is at index logStart + 1 (§7). */
    log: { term: number }[];
    logStart: number;
    snapshot: { index: number; term: number } | null;
  }[];
  inFlight: unknown[];
  stats: { events: number };
}

/** Run a script (a file path, or the text itself on stdin) with `--json`. Exit code 1 (a failed expect) still reports. */
export function runCli(source: { file: string } | { text: string }): { report: CliReport; exitCode: number; stderr: string } {
  const args = ['engine/cli/scenarioCli.ts', 'file' in source ? source.file : '-', '--json'];
  const r = spawnSync('node_modules/.bin/tsx', args, { input: 'text' in source ? source.text : undefined, encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`scenario CLI exited ${r.status}: ${r.stderr}`);
  return { report: JSON.parse(r.stdout) as CliReport, exitCode: r.status, stderr: r.stderr };
}

/** Every node's role and term, snapshot, and every log cell's term and committed flag, as the page shows them, equal the CLI's. */
export async function expectPageMatches(page: Page, cli: CliReport): Promise<void> {
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', String(cli.time));
  await expect(page.locator('[data-testid^="node-"][data-role]')).toHaveCount(cli.nodes.length);
  for (const n of cli.nodes) {
    const node = page.getByTestId(`node-${n.id}`);
    await expect(node).toHaveAttribute('data-role', n.role);
    await expect(node).toHaveAttribute('data-term', String(n.term));
    const cells = await page.locator(`[data-testid^="entry-${n.id}-"]`).evaluateAll((els) =>
      els.map((e) => ({ term: Number((e as HTMLElement).dataset.term), committed: (e as HTMLElement).dataset.committed === 'true' })),
    );
    expect(cells, `${n.id}'s log`).toEqual(n.log.map((e, i) => ({ term: e.term, committed: n.logStart + i < n.commitIndex })));
    const snapshot = page.getByTestId(`snapshot-${n.id}`);
    if (n.snapshot === null) await expect(snapshot, `${n.id} has no snapshot`).toHaveCount(0);
    else {
      await expect(snapshot, `${n.id}'s snapshot`).toHaveAttribute('data-index', String(n.snapshot.index));
      await expect(snapshot, `${n.id}'s snapshot`).toHaveAttribute('data-term', String(n.snapshot.term));
    }
  }
}
