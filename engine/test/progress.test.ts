import { describe, expect, it } from 'vitest';
import { acknowledged, heardFrom, initialProgress, refused, sending, snapshotDone, snapshotSent, unheard, withPeer } from '../raft/progress.ts';

describe("a leader's progress for one follower", () => {
  it('starts just past the leader\'s log, having matched nothing (§5.3)', () => {
    expect(initialProgress(11)).toEqual({ next: 11, match: 0, inflight: false, rejections: 0, state: 'probe', pendingSnapshot: 0, active: false, acked: -1, sent: -1 });
  });

  it('a refusal moves next back, counts the rejection and marks the probe; an acknowledgement ends it', () => {
    const probed = refused(sending(initialProgress(11), 20), 5);
    expect(probed).toEqual({ next: 5, match: 0, inflight: false, rejections: 1, state: 'probe', pendingSnapshot: 0, active: false, acked: -1, sent: 20 });
    const settled = acknowledged(probed, 10);
    expect(settled).toEqual({ next: 11, match: 10, inflight: false, rejections: 1, state: 'replicate', pendingSnapshot: 0, active: false, acked: -1, sent: 20 });
    // A late acknowledgement of less never moves next back.
    expect(acknowledged({ ...settled, next: 14 }, 10).next).toBe(14);
  });

  it('Snapshot state waits for the snapshot, then probes from just past it (etcd tracker/progress.go)', () => {
    const waiting = snapshotSent(initialProgress(11), 40, 30);
    expect(waiting).toMatchObject({ state: 'snapshot', pendingSnapshot: 40, inflight: true, sent: 30 });
    const done = snapshotDone(waiting, 40);
    expect(done).toMatchObject({ state: 'probe', pendingSnapshot: 0, next: 41, match: 40, inflight: false });
  });

  it('returns the same object when nothing changes', () => {
    const p = sending(initialProgress(3), 7);
    expect(sending(p, 7)).toBe(p);
    // A later request is recorded: only its answer continues the pipeline.
    expect(sending(p, 9).sent).toBe(9);
    const a = heardFrom(p, 5);
    expect(a.active).toBe(true);
    expect(a.acked).toBe(5);
    expect(heardFrom(a, 5)).toBe(a);
    expect(heardFrom(a, 4)).toBe(a);
    expect(heardFrom(a, 6).acked).toBe(6);
    expect(unheard(a)).toEqual({ ...p, acked: 5 });
    expect(unheard(p)).toBe(p);
  });

  it('a table update replaces one follower and keeps the others (the very same objects)', () => {
    const table = { n2: initialProgress(2), n3: initialProgress(2) };
    const next = withPeer(table, 'n3', sending(table.n3, 4));
    expect(next).toEqual({ n2: table.n2, n3: { ...table.n3, inflight: true, sent: 4 } });
    expect(next.n2).toBe(table.n2);
    expect(Object.keys(next)).toEqual(['n2', 'n3']);
    expect(table.n3.inflight).toBe(false);
  });
});
