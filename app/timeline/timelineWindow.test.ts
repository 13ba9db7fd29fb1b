import { describe, expect, it } from 'vitest';
import { formatTick, MIN_SPAN_MS, timelineDomain, timeStep, windowSpan } from './timelineWindow.ts';

describe('timelineDomain', () => {
  it('starts at zero and stretches while the history is short', () => {
    expect(timelineDomain(50, 0.1)).toEqual([0, MIN_SPAN_MS]);
    expect(timelineDomain(1000, 0.1)).toEqual([0, 1000]);
  });
  it('slides once the history is longer than the window', () => {
    expect(windowSpan(0.1)).toBe(3000);
    expect(timelineDomain(5000, 0.1)).toEqual([2000, 5000]);
  });
  it('redraws about every pixel', () => {
    expect(timeStep(0.1)).toBe(6);
    expect(timeStep(0.001)).toBe(1);
  });
  it('labels ticks in ms, or seconds for long windows', () => {
    expect(formatTick(250, 1000)).toBe('250 ms');
    expect(formatTick(2500, 3000)).toBe('2.5 s');
  });
});
