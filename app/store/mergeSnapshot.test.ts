import { describe, expect, it } from 'vitest';
import { SimHost } from '../worker/simHost.ts';
import type { FromWorker } from '../worker/protocol.ts';
import type { Snapshot } from '../worker/viewModel.ts';
import { emptySimData, mergeSnapshot, type SimData } from './mergeSnapshot.ts';

const snap = (replies: FromWorker[]): Snapshot => {
  const r = replies.find((x) => x.kind === 'snapshot');
  if (r?.kind !== 'snapshot') throw new Error('no snapshot');
  return r.snapshot;
};

describe('mergeSnapshot', () => {
  it('keeps unchanged parts by reference, so their views do not re-render', () => {
    const host = new SimHost();
    let data: SimData = mergeSnapshot(emptySimData, snap(host.handle({ kind: 'command', text: 'preset figure7' })));
    const before = data;
    data = mergeSnapshot(data, snap(host.handle({ kind: 'command', text: 'cut n2 n3' })));
    expect(data.logs).not.toBe(before.logs); // a new record, but...
    for (const id of data.ids) expect(data.logs[id]).toBe(before.logs[id]); // ...every log is the same array
    expect(data.nodes.n1).toBe(before.nodes.n1);
    expect(data.ids).toBe(before.ids);
    expect(data.config).toBe(before.config);
    expect([...data.cuts]).toEqual(['n2-n3']);
  });

  it('replaces everything on a reset and keeps only the last events', () => {
    const host = new SimHost();
    let data = mergeSnapshot(emptySimData, snap(host.handle({ kind: 'command', text: 'cluster nodes=3' })));
    for (let i = 0; i < 30; i++) data = mergeSnapshot(data, snap(host.handle({ kind: 'tick', ms: 100 })));
    expect(data.events.filter((e) => !e.routine).length).toBeLessThanOrEqual(200);
    expect(data.events.filter((e) => e.routine).length).toBeLessThanOrEqual(200);
    expect(data.events.length).toBeGreaterThan(50);
    data = mergeSnapshot(data, snap(host.handle({ kind: 'command', text: 'preset figure7' })));
    expect(data.ids).toHaveLength(7);
    expect(data.events).toHaveLength(0);
    expect(data.logs.n7.entries.map((e) => e.term).join(' ')).toBe('1 1 1 2 2 2 3 3 3 3 3');
    expect(Object.keys(data.history)).toHaveLength(7);
  });

  it('a full snapshot on request rebuilds the same state from nothing', () => {
    const host = new SimHost();
    let data = mergeSnapshot(emptySimData, snap(host.handle({ kind: 'command', text: 'preset figure7\ncampaign n1' })));
    for (let i = 0; i < 10; i++) data = mergeSnapshot(data, snap(host.handle({ kind: 'tick', ms: 10 })));
    const full = snap(host.handle({ kind: 'snapshot' }));
    expect(full.reset).toBe(true);
    const fresh = mergeSnapshot(emptySimData, full);
    for (const id of data.ids) expect(fresh.logs[id]).toEqual(data.logs[id]);
    expect(fresh.history).toEqual(data.history);
    expect(fresh.events.map((e) => e.seq)).toEqual(data.events.map((e) => e.seq));
  });
});
