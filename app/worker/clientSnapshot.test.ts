import { describe, expect, it } from 'vitest';
import { SimHost } from './simHost.ts';
import type { FromWorker } from './protocol.ts';
import type { Snapshot } from './viewModel.ts';

const snapshotOf = (replies: FromWorker[]): Snapshot => {
  const r = replies.find((x) => x.kind === 'snapshot');
  if (r?.kind !== 'snapshot') throw new Error(`no snapshot in ${JSON.stringify(replies)}`);
  return r.snapshot;
};

const SETUP = ['cluster nodes=3 clients=2 seed=3', 'campaign n1', 'stabilize'].join('\n');

describe('clients and state machines in the snapshot', () => {
  it('shows a client waiting on its request, then answered', () => {
    const host = new SimHost();
    snapshotOf(host.handle({ kind: 'command', text: SETUP }));
    const asked = snapshotOf(host.handle({ kind: 'command', text: 'client c1 append x a' }));
    expect(asked.clientIds).toEqual(['c1', 'c2']);
    const c1 = asked.clients.find((c) => c.id === 'c1')!;
    expect(c1.pending).toEqual({ serial: 1, op: { kind: 'append', key: 'x', value: 'a' }, target: 'n1', attempts: 1 });
    expect(c1.timer).not.toBeNull();
    expect(asked.clients.find((c) => c.id === 'c2')!.pending).toBeNull();

    const queued = snapshotOf(host.handle({ kind: 'command', text: 'client c1 put y 1' }));
    expect(queued.clients.find((c) => c.id === 'c1')!.queued).toBe(1);

    const done = snapshotOf(host.handle({ kind: 'command', text: 'run 400ms' }));
    const after = done.clients.find((c) => c.id === 'c1')!;
    expect(after).toMatchObject({ pending: null, queued: 0, leaderGuess: 'n1', timer: null });
  });

  it('sends a state machine only when it changed, and whole after a reset', () => {
    const host = new SimHost();
    const first = snapshotOf(host.handle({ kind: 'command', text: SETUP }));
    // A new cluster sends every machine.
    expect(first.machines.map((m) => m.node)).toEqual(['n1', 'n2', 'n3']);
    const done = snapshotOf(host.handle({ kind: 'command', text: 'client c1 put x 7\nrun 400ms' }));
    const n1 = done.machines.find((m) => m.node === 'n1')!.machine!;
    expect(n1.data).toEqual({ x: '7' });
    expect(n1.sessions).toEqual({ c1: { serial: 1, result: '' } });
    expect(n1.lastApplied).toBeGreaterThan(0);
    // Nothing applied since: the machines do not travel again.
    const quiet = snapshotOf(host.handle({ kind: 'command', text: 'cut n1 c2' }));
    expect(quiet.machines).toEqual([]);
    expect(quiet.cuts).toEqual(['n1-c2']);
    // A crashed node has no machine (it is volatile).
    const crashed = snapshotOf(host.handle({ kind: 'command', text: 'crash n2' }));
    expect(crashed.machines).toEqual([{ node: 'n2', machine: null }]);
    const full = snapshotOf(host.handle({ kind: 'snapshot' }));
    expect(full.machines.map((m) => m.node)).toEqual(['n1', 'n2', 'n3']);
  });
});
