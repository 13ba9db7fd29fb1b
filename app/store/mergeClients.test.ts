import { describe, expect, it } from 'vitest';
import { SimHost } from '../worker/simHost.ts';
import type { FromWorker } from '../worker/protocol.ts';
import type { Snapshot } from '../worker/viewModel.ts';
import { emptySimData, mergeSnapshot } from './mergeSnapshot.ts';

const snapshotOf = (replies: FromWorker[]): Snapshot => {
  const r = replies.find((x) => x.kind === 'snapshot');
  if (r?.kind !== 'snapshot') throw new Error(`no snapshot in ${JSON.stringify(replies)}`);
  return r.snapshot;
};

const SETUP = ['cluster nodes=3 clients=2 seed=3', 'campaign n1', 'stabilize'].join('\n');

describe('clients and state machines on the page', () => {
  it('is folded into the page state, keeping unchanged objects', () => {
    const host = new SimHost();
    let page = mergeSnapshot(emptySimData, snapshotOf(host.handle({ kind: 'command', text: SETUP })));
    page = mergeSnapshot(page, snapshotOf(host.handle({ kind: 'command', text: 'client c1 put x 7\nrun 400ms' })));
    expect(page.machines.n3?.data).toEqual({ x: '7' });
    expect(page.clientIds).toEqual(['c1', 'c2']);
    const before = page;
    page = mergeSnapshot(page, snapshotOf(host.handle({ kind: 'command', text: 'cut n1 n2' })));
    expect(page.machines).toBe(before.machines);
    expect(page.clients).toBe(before.clients);
    page = mergeSnapshot(page, snapshotOf(host.handle({ kind: 'command', text: 'client c2 get x' })));
    expect(page.clients.c2.pending?.op).toEqual({ kind: 'get', key: 'x' });
    expect(page.clients.c1).toBe(before.clients.c1);
  });
});
