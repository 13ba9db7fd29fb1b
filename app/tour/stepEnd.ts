/** During a tour, playing in the past stops at the end of the recorded run: the step's end, where the next caption belongs. */

/**
 * A tick of `ms` that stops at the end of the recorded run: `last` when it
 * reaches it. `shown` is the clock on screen, `head` the run's end.
 */
export function untilEnd(ms: number, shown: number, head: number): { ms: number; last: boolean } {
  const left = head - shown;
  return ms >= left ? { ms: Math.max(0, left), last: true } : { ms, last: false };
}
