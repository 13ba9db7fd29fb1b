/** How far a load is, in words, for the loading indicator. Pure, so the wording is tested without a page. */
import type { LoadProgress } from '../worker/protocol.ts';

const count = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Simulated time, rounded to what a reader takes in at a glance: `850 ms`, `12.5 s`, `7 min 30 s`, `3 h 5 min`, `24 h`. */
export function simulatedTime(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(Math.floor(ms / 100) / 10).toFixed(1)} s`;
  const s = Math.floor(ms / 1_000);
  if (s < 3_600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  const minutes = Math.floor((s % 3_600) / 60);
  return minutes === 0 ? `${Math.floor(s / 3_600)} h` : `${Math.floor(s / 3_600)} h ${minutes} min`;
}

/** `event 120,000 of 1,100,000`, `7 min 30 s of 24 h simulated`, `command 3 of 12`. */
export function progressText(p: LoadProgress): string {
  switch (p.unit) {
    case 'events':
      return `event ${count(p.done)} of ${count(p.total)}`;
    case 'ms':
      return `${simulatedTime(p.done)} of ${simulatedTime(p.total)} simulated`;
    case 'commands':
      return `command ${count(p.done)} of ${count(p.total)}`;
  }
}

/** Done, as a whole percentage (0 to 100). */
export const percentDone = (p: LoadProgress): number => (p.total <= 0 ? 0 : Math.min(100, Math.floor((p.done / p.total) * 100)));
