/**
 * The exports of a run with membership changes and a leadership transfer (§6,
 * thesis §3.10): the JSON trace holds the new records and local causes and still
 * meets its schema; the ShiViz lines say what was asked of the leader, what a
 * TimeoutNow and a transfer's RequestVote are, and explain the records.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportRun } from '../export/exportRun.ts';
import { validate } from './jsonSchema.ts';

const root = join(import.meta.dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'engine', 'export', 'trace.schema.json'), 'utf8'));

const SCRIPT = ['cluster nodes=5 members=n1,n2,n3 seed=2 checkquorum=on', 'campaign n1', 'stabilize', 'add n4', 'run 300ms', 'transfer n2', 'run 300ms', 'expect leader n2'].join('\n');

describe('exports of a membership change and a transfer', () => {
  const { trace, shiviz, failure } = exportRun(SCRIPT);

  it('the run went as scripted', () => {
    expect(failure).toBeNull();
  });

  it('the JSON trace holds the new records, causes and members=, and meets its schema', () => {
    const run = trace.runs[0];
    expect(run.config.members).toEqual(['n1', 'n2', 'n3']);
    const types = new Set(run.records.map((r) => r.type));
    for (const t of ['changeStarted', 'configAppended', 'configAdopted', 'learnerCaughtUp', 'changeDone', 'transferStarted', 'timeoutNowSent', 'timeoutNowReceived'] as const) expect(types.has(t), t).toBe(true);
    const causes = new Set(run.nodeEvents.flatMap((e) => (e.kind === 'local' ? [e.cause] : [])));
    expect(causes.has('change')).toBe(true);
    expect(causes.has('transfer')).toBe(true);
    expect(run.nodeEvents.some((e) => e.kind === 'send' && e.message.type === 'TimeoutNow')).toBe(true);
    expect(validate(JSON.parse(JSON.stringify(trace)), schema)).toEqual([]);
  });

  it('the ShiViz lines explain what was asked, say what TimeoutNow and a transfer vote are, and why', () => {
    // A command's line is the explanation of what it caused.
    expect(shiviz).toMatch(/^\[\d+ms #\d+\] n1 took on "add n4"/m);
    expect(shiviz).toMatch(/^\[\d+ms #\d+\] n1 began handing its leadership to n2/m);
    expect(shiviz).toMatch(/^\[\d+ms #\d+\] n1 sent TimeoutNow m\d+ to n2: term 1, campaign now \(leadership transfer\)\. Delivered/m);
    expect(shiviz).toMatch(/^\[\d+ms #\d+\] n2 sent RequestVote m\d+ to n\d: term 2, last log entry \d+ \(term 1\), a leadership transfer\./m);
    expect(shiviz).toContain('n2 was told by its leader n1 to campaign now (TimeoutNow, term 1)');
  });
});
