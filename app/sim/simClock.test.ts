import { describe, expect, it } from 'vitest';
import { SimClock } from './simClock.ts';

describe('SimClock', () => {
  it('stands still while paused', () => {
    const c = new SimClock();
    c.sync(50, 1000);
    expect(c.now(5000)).toBe(50);
  });
  it('extrapolates at the speed while playing, up to its lead', () => {
    const c = new SimClock(100);
    c.setRate(0.5, 0);
    c.sync(10, 0);
    expect(c.now(40)).toBe(30);
    expect(c.now(1000)).toBe(60);
  });
  it('does not jump back when a snapshot lags the estimate a little', () => {
    const c = new SimClock(100);
    c.setRate(1, 0);
    c.sync(0, 0);
    c.sync(10, 16); // estimate was 16
    expect(c.now(16)).toBe(16);
  });
  it('follows the worker back in time after a reset', () => {
    const c = new SimClock(100);
    c.setRate(1, 0);
    c.sync(500, 0);
    c.sync(0, 10);
    expect(c.now(10)).toBe(0);
  });
});

describe('SimClock at very low speed', () => {
  it('still glides between the 1 ms ticks', () => {
    const c = new SimClock(100);
    c.setRate(0.001, 0);
    c.sync(10, 0);
    expect(c.now(500)).toBeCloseTo(10.5);
    expect(c.now(5000)).toBeCloseTo(11.5);
  });
});

it('a pause goes back to the time the worker reported', () => {
  const c = new SimClock(100);
  c.setRate(1, 0);
  c.sync(20, 0);
  expect(c.now(10)).toBe(30);
  c.setRate(0, 10);
  expect(c.now(50)).toBe(20);
});
