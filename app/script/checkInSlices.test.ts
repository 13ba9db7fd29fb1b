import { describe, expect, it } from 'vitest';
import { checkInSlices, SLICE_MS, type SliceClock } from './checkInSlices.ts';
import { checkScript, type ScriptProblem } from './scriptCheck.ts';

/** A clock the test turns: tasks wait in a queue, and each look at the time moves it on by `step` ms. */
function manualClock(step: number) {
  const queue: (() => void)[] = [];
  let time = 0;
  const clock: SliceClock = { later: (task) => void queue.push(task), now: () => (time += step) };
  return {
    clock,
    /** Run queued tasks until none is left; how many ran. */
    drain(): number {
      let n = 0;
      for (let task = queue.shift(); task !== undefined; task = queue.shift(), n++) task();
      return n;
    },
  };
}

const HUGE = Array.from({ length: 20_000 }, () => 'run 1ms').join('\n');

describe('checkInSlices', () => {
  it('finds exactly what checkScript finds', () => {
    for (const text of ['', 'cluster nodes=3\nrun 1s', 'cluster nodes=3\ncrash n7\ncampain n1', HUGE, `cluster nodes=3\n${HUGE}`]) {
      const { clock, drain } = manualClock(0);
      let found: ScriptProblem[] | null = null;
      checkInSlices(text, (p) => (found = p), clock);
      drain();
      expect(found).toEqual(checkScript(text));
    }
  });

  it('answers in a later task, never during the call', () => {
    const { clock, drain } = manualClock(0);
    let found: ScriptProblem[] | null = null;
    checkInSlices('cluster nodes=3', (p) => (found = p), clock);
    expect(found).toBeNull();
    drain();
    expect(found).toEqual([]);
  });

  it('gives the page back once a slice has taken its time, however long the script', () => {
    // Each look at the clock costs a whole slice: every task parses one batch of lines, then yields.
    const { clock, drain } = manualClock(SLICE_MS);
    let found: ScriptProblem[] | null = null;
    checkInSlices(HUGE, (p) => (found = p), clock);
    const tasks = drain();
    expect(tasks).toBeGreaterThan(20);
    expect(found).toHaveLength(20_000);
  });

  it('never answers once cancelled', () => {
    const { clock, drain } = manualClock(SLICE_MS);
    let answered = false;
    const cancel = checkInSlices(HUGE, () => (answered = true), clock);
    drain();
    expect(answered).toBe(true);

    const second = manualClock(SLICE_MS);
    answered = false;
    const stop = checkInSlices(HUGE, () => (answered = true), second.clock);
    stop();
    second.drain();
    expect(answered).toBe(false);
    cancel();
  });
});
