import { describe, expect, it } from 'vitest';
import { nextTour, toTour } from './tours.ts';
import { TOURS } from '../content/content.ts';
import { stepEnd } from './stepEnd.ts';
import { scriptThrough } from '../../engine/scenario/tour.ts';
import { SimHost } from '../worker/simHost.ts';
import type { FromWorker } from '../worker/protocol.ts';
import type { Snapshot } from '../worker/viewModel.ts';

describe('the bundled tours', () => {
  it('are nine, numbered in order, with a title and steps each', () => {
    expect(TOURS.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const t of TOURS) {
      expect(t.title, t.name).not.toBe(t.name);
      expect(t.steps.length, t.name).toBeGreaterThan(1);
    }
    expect(nextTour(TOURS[0], TOURS)).toBe(TOURS[1]);
    expect(nextTour(TOURS[6], TOURS)).toBe(TOURS[7]);
    expect(nextTour(TOURS[7], TOURS)).toBe(TOURS[8]);
    expect(nextTour(TOURS[8], TOURS)).toBeNull();
  });

  it('a file that is not a valid tour is left out rather than breaking the page', () => {
    expect(toTour('/public/tours/07-broken.txt', 'cluster nodes=3\ncampaign n9')).toBeNull();
    expect(toTour('/public/tours/no-number.txt', 'cluster nodes=3\nsay "x"')).toBeNull();
    expect(toTour('/public/tours/07-fine.txt', 'cluster nodes=3\nsay "x"')).toMatchObject({ name: 'fine', number: 7 });
  });
});

describe('playing a tour step', () => {
  const snapshotOf = (replies: FromWorker[]): Snapshot => {
    const r = replies.find((x) => x.kind === 'snapshot');
    if (r?.kind !== 'snapshot') throw new Error('no snapshot');
    return r.snapshot;
  };

  it('stops exactly at the end of the recorded run, and does not run on past it', () => {
    const host = new SimHost();
    const tour = TOURS[0];
    const k = 1;
    // A step opens at the previous step's end, with its own run ahead (as tourActions.goToStep opens it).
    const opened = snapshotOf(host.handle({ kind: 'load', text: scriptThrough(tour.text, tour.steps, k), afterLine: tour.steps[k - 1].lastLine }));
    expect(opened.timeline.live).toBe(false);
    const end = stepEnd(opened.timeline);
    expect(end).toEqual({ event: opened.timeline.length, time: opened.timeline.headTime });
    let replies: FromWorker[] = [];
    for (let i = 0; i < 10_000 && !replies.some((r) => r.kind === 'stopped'); i++) {
      replies = host.handle({ kind: 'tick', ms: 37, stop: { violation: true, at: end } });
    }
    expect(replies[0]).toEqual({ kind: 'stopped', reason: { kind: 'moment', event: end.event, time: end.time } });
    const shown = snapshotOf(replies);
    expect([shown.event, shown.time, shown.timeline.live]).toEqual([end.event, end.time, true]);
    // Nothing was run past the step's end, so nothing was recorded.
    expect(shown.script).toBeNull();
  });
});
