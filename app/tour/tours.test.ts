import { describe, expect, it } from 'vitest';
import { nextTour, toTour } from './tours.ts';
import { TOURS } from '../content/content.ts';
import { untilEnd } from './stepEnd.ts';

describe('the bundled tours', () => {
  it('are six, numbered in order, with a title and steps each', () => {
    expect(TOURS.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const t of TOURS) {
      expect(t.title, t.name).not.toBe(t.name);
      expect(t.steps.length, t.name).toBeGreaterThan(1);
    }
    expect(nextTour(TOURS[0], TOURS)).toBe(TOURS[1]);
    expect(nextTour(TOURS[5], TOURS)).toBeNull();
  });

  it('a file that is not a valid tour is left out rather than breaking the page', () => {
    expect(toTour('/public/tours/07-broken.txt', 'cluster nodes=3\ncampaign n9')).toBeNull();
    expect(toTour('/public/tours/no-number.txt', 'cluster nodes=3\nsay "x"')).toBeNull();
    expect(toTour('/public/tours/07-fine.txt', 'cluster nodes=3\nsay "x"')).toMatchObject({ name: 'fine', number: 7 });
  });
});

describe('playing a tour step', () => {
  it('stops exactly at the end of the recorded run', () => {
    expect(untilEnd(16, 100, 200)).toEqual({ ms: 16, last: false });
    expect(untilEnd(16, 190, 200)).toEqual({ ms: 10, last: true });
    expect(untilEnd(16, 184, 200)).toEqual({ ms: 16, last: true });
    // At the end's time already (an event there), nothing is left to play.
    expect(untilEnd(16, 200, 200)).toEqual({ ms: 0, last: true });
  });
});
