import { describe, expect, it } from 'vitest';
import { percentDone, progressText, simulatedTime } from './loadProgressText.ts';

describe('the loading indicator’s words', () => {
  it('say how far a load is in its own unit', () => {
    expect(progressText({ unit: 'events', done: 123_456, total: 1_100_000 })).toBe('event 123,456 of 1,100,000');
    expect(progressText({ unit: 'ms', done: 450_000, total: 86_400_000 })).toBe('7 min 30 s of 24 h simulated');
    expect(progressText({ unit: 'commands', done: 3, total: 12 })).toBe('command 3 of 12');
  });
  it('round simulated time to what is read at a glance', () => {
    expect(simulatedTime(850)).toBe('850 ms');
    expect(simulatedTime(12_549)).toBe('12.5 s');
    expect(simulatedTime(3_725_000)).toBe('1 h 2 min');
    expect(simulatedTime(86_400_000)).toBe('24 h');
  });
  it('give a whole percentage, never past 100', () => {
    expect(percentDone({ unit: 'events', done: 1, total: 3 })).toBe(33);
    expect(percentDone({ unit: 'events', done: 5, total: 3 })).toBe(100);
    expect(percentDone({ unit: 'commands', done: 0, total: 0 })).toBe(0);
  });
});
