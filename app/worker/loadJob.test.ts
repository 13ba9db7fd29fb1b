import { describe, expect, it } from 'vitest';
import { parseScript } from '../../engine/scenario/parse.ts';
import { runScript } from '../../engine/scenario/run.ts';
import { SimHost } from './simHost.ts';
import type { FromWorker, LoadProgress } from './protocol.ts';
import type { Snapshot } from './viewModel.ts';

const SLICE = 2_000;
const LONG = 'cluster nodes=5 seed=3\npropose leader v1\nrun 90s\ncrash n2\nstep 9000\nrun 30s';

const kinds = (replies: readonly FromWorker[]): string[] => replies.map((r) => r.kind);
const snapshotOf = (replies: readonly FromWorker[]): Snapshot => {
  const r = [...replies].reverse().find((x) => x.kind === 'snapshot');
  if (r?.kind !== 'snapshot') throw new Error(`no snapshot in ${kinds(replies).join(', ')}`);
  return r.snapshot;
};

/** Call `work` until the load is done; returns the progress reported on the way and the last replies. */
function finish(host: SimHost, first: FromWorker[]): { progress: LoadProgress[]; last: FromWorker[] } {
  const progress: LoadProgress[] = [];
  let replies = first;
  for (;;) {
    for (const r of replies) if (r.kind === 'load-progress') progress.push(r.progress);
    if (!host.loading) return { progress, last: replies };
    replies = host.work();
  }
}

describe('a load in slices', () => {
  it('reports its progress between slices, and ends where the whole script run in one go ends, with the same script', () => {
    const host = new SimHost(SLICE);
    const first = host.handle({ kind: 'load', text: LONG });
    expect(kinds(first)).toEqual(['load-progress']);
    const { progress, last } = finish(host, first);
    expect(progress.length).toBeGreaterThan(10);
    // Without a cursor, progress is the simulated time of the script's `run` lines, and only goes up.
    expect(progress.every((p) => p.unit === 'ms' && p.total === 120_000)).toBe(true);
    for (let i = 1; i < progress.length; i++) expect(progress[i].done).toBeGreaterThanOrEqual(progress[i - 1].done);
    expect(kinds(last)).toEqual(['snapshot', 'loaded']);

    const parsed = parseScript(LONG);
    if (!parsed.ok) throw new Error('does not parse');
    const whole = runScript(parsed.script).session.cluster!;
    const loaded = last.find((r) => r.kind === 'loaded');
    expect(loaded?.kind === 'loaded' && loaded.result).toEqual({ ok: true, time: whole.time, event: whole.event, failure: null });
    expect(whole.event).toBeGreaterThan(10 * SLICE);
    // The cut `run`s and `step`s merge back: the recording is the script that was loaded.
    expect(snapshotOf(host.handle({ kind: 'snapshot' })).script!.lines).toEqual(['cluster nodes=5 seed=3', 'propose leader v1', 'run 90s', 'crash n2', 'step 9000', 'run 30s']);
  });

  it('counts events toward the cursor of a link, and opens there', () => {
    // The moment a link made at event 12,345 carries, from a host that loads in one slice.
    const whole = new SimHost(Infinity);
    whole.handle({ kind: 'load', text: LONG });
    const cursor = { event: 12_345, time: snapshotOf(whole.handle({ kind: 'seek', position: 12_345 })).time };
    const host = new SimHost(SLICE);
    const { progress, last } = finish(host, host.handle({ kind: 'load', text: LONG, cursor }));
    // A slice is about SLICE events: a `run` is cut where no other event is due at the same instant.
    expect(progress[0]).toMatchObject({ unit: 'events', total: 12_345 });
    expect(progress[0].done).toBeGreaterThan(SLICE * 0.9);
    expect(progress[0].done).toBeLessThan(SLICE * 1.1);
    expect(progress.every((p) => p.unit === 'events' && p.done <= 12_345)).toBe(true);
    expect(snapshotOf(last)).toMatchObject({ event: 12_345, time: cursor.time });
  });

  it('counts commands when the script has no `run`', () => {
    const host = new SimHost(SLICE);
    const first = host.handle({ kind: 'load', text: 'cluster nodes=5\nstep 5000\nstep 5000' });
    expect(first).toEqual([{ kind: 'load-progress', progress: { unit: 'commands', done: 1, total: 3 } }]);
  });

  it('answers what arrived meanwhile once it is done, in order', () => {
    const host = new SimHost(SLICE);
    const first = host.handle({ kind: 'load', text: LONG });
    expect(host.handle({ kind: 'command', text: 'crash n1' })).toEqual([]);
    expect(host.handle({ kind: 'export', format: 'trace' })).toEqual([]);
    const { last } = finish(host, first);
    expect(kinds(last)).toEqual(['snapshot', 'loaded', 'snapshot', 'exported']);
    expect(snapshotOf(last).script!.lines.at(-1)).toBe('crash n1');
  });

  it('a short load is answered at once, as before', () => {
    const host = new SimHost(SLICE);
    expect(kinds(host.handle({ kind: 'load', text: 'cluster nodes=3\nrun 1s' }))).toEqual(['snapshot', 'loaded']);
    expect(host.loading).toBe(false);
  });
});

describe('cancelling a load', () => {
  it('brings back the run on screen as it was (the moment shown, undo), and gives up the loads waiting too', () => {
    const host = new SimHost(SLICE);
    host.handle({ kind: 'command', text: 'cluster nodes=3' });
    host.handle({ kind: 'tick', ms: 2_000 });
    host.handle({ kind: 'command', text: 'crash n1' });
    host.handle({ kind: 'seek', position: 40 });
    const before = snapshotOf(host.handle({ kind: 'snapshot' }));
    expect(before.timeline.canUndo).toBe(false);

    expect(kinds(host.handle({ kind: 'load', text: LONG }))).toEqual(['load-progress']);
    host.work();
    expect(host.handle({ kind: 'load', text: 'cluster nodes=7' })).toEqual([]);
    expect(host.handle({ kind: 'step-forward' })).toEqual([]);
    const replies = host.handle({ kind: 'cancel-load' });
    expect(kinds(replies)).toEqual(['snapshot', 'load-cancelled', 'load-cancelled', 'snapshot']);
    expect(host.loading).toBe(false);

    const back = snapshotOf(replies.slice(0, 1));
    expect(back.event).toBe(40);
    expect(back.timeline).toEqual(before.timeline);
    expect(back.nodes).toEqual(before.nodes);
    const all = snapshotOf(host.handle({ kind: 'snapshot' }));
    expect(all.script!.lines).toEqual(['cluster nodes=3', 'run 2s', 'crash n1']);
    // The step that waited was answered after, in the run that came back.
    expect(all.event).toBe(41);
  });

  it('with nothing on screen before, leaves no run; with no load under way, does nothing', () => {
    const host = new SimHost(SLICE);
    host.handle({ kind: 'load', text: LONG });
    expect(kinds(host.handle({ kind: 'cancel-load' }))).toEqual(['load-cancelled']);
    expect(host.handle({ kind: 'snapshot' })).toEqual([]);
    expect(host.handle({ kind: 'cancel-load' })).toEqual([]);
    // The next run has nothing to undo to: the load given up left no trace.
    expect(snapshotOf(host.handle({ kind: 'command', text: 'cluster nodes=3' })).timeline.canUndo).toBe(false);
  });
});
