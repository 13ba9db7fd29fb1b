/** The page's History exports: the worker replays the recorded run and writes the very files the runner and exportRun give. */
import { describe, expect, it } from 'vitest';
import { SimHost } from '../worker/simHost.ts';
import { exportRun } from '../../engine/export/exportRun.ts';
import { EXPORT_FILES } from './exportFiles.ts';

const SCRIPT = 'cluster nodes=3 clients=2 seed=2 unsafe=stale-reads\ncampaign n1\nstabilize\nclient c1 put x 1\nrun 200ms\npartition n1,c1 | n2,n3,c2\nrun 400ms\nclient c2 put x 2\nrun 300ms\nclient c1 get x\nrun 200ms';

function exported(host: SimHost, format: 'history-edn' | 'history-json'): string {
  const [reply] = host.handle({ kind: 'export', format });
  if (reply?.kind !== 'exported') throw new Error(`no export: ${reply?.kind}`);
  expect(reply.format).toBe(format);
  return reply.text;
}

describe('History (EDN) and History (JSON)', () => {
  it('the worker writes the run\'s client history as exportRun does, with the verdict in the JSON', () => {
    const host = new SimHost(Infinity);
    host.handle({ kind: 'command', text: SCRIPT });
    const files = exportRun(SCRIPT);
    const edn = exported(host, 'history-edn');
    expect(edn).toBe(files.historyEdn);
    expect(edn.trimEnd().split('\n')).toHaveLength(6);
    const json = JSON.parse(exported(host, 'history-json'));
    expect(json).toEqual(JSON.parse(JSON.stringify(files.history)));
    expect(json.history.map((o: { client: string; op: string }) => `${o.client} ${o.op}`)).toEqual(['c1 put', 'c2 put', 'c1 get']);
    expect(json.linearizable).toBe(false);
    expect(json.linearizability.ops).toEqual([1, 2]);
  });

  it('each is downloaded under its own name', () => {
    expect(EXPORT_FILES['history-edn'].name).toMatch(/\.edn$/);
    expect(EXPORT_FILES['history-json'].name).toMatch(/\.json$/);
    expect(new Set(Object.values(EXPORT_FILES).map((f) => f.name)).size).toBe(Object.keys(EXPORT_FILES).length);
  });
});
