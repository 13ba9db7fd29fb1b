/**
 * Which stretch of simulated time the timeline shows. It starts at 0 and
 * stretches as time passes; once the history is longer than about thirty
 * seconds of watching at the current speed, it slides, keeping the recent past.
 */
export const MIN_SPAN_MS = 200;
const WATCH_WALL_MS = 30_000;

/** How much simulated time the window may hold at `speed`. */
export const windowSpan = (speed: number): number => Math.min(60_000, Math.max(500, speed * WATCH_WALL_MS));

export function timelineDomain(now: number, speed: number): [number, number] {
  const span = windowSpan(speed);
  return [Math.max(0, now - span), Math.max(now, MIN_SPAN_MS)];
}

/**
 * The timeline redraws when time has moved by about one pixel's worth, not on
 * every snapshot: the time it draws is rounded down to this step.
 */
export const timeStep = (speed: number): number => Math.max(1, Math.round(windowSpan(speed) / 500));

export function formatTick(ms: number, spanMs: number): string {
  return spanMs >= 3000 ? `${+(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}
