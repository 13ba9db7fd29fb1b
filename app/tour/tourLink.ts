/** Deep links into tours: `?tour=<name>&step=<n>`, n counted from 1 as the tour panel shows it. */

/** The query string for step `step` (0-based) of tour `name`. */
export const tourSearch = (name: string, step: number): string => `?tour=${encodeURIComponent(name)}&step=${step + 1}`;

/**
 * The 0-based step a `step=` value names, for a tour of `count` steps. Missing
 * means the first; anything that is not a step of the tour is reported as such.
 */
export function readStep(value: string | null, count: number): { step: number; ok: boolean } {
  if (value === null || value === '') return { step: 0, ok: true };
  if (!/^\d{1,4}$/.test(value)) return { step: 0, ok: false };
  const n = Number(value);
  if (n < 1) return { step: 0, ok: false };
  if (n > count) return { step: count - 1, ok: false };
  return { step: n - 1, ok: true };
}

/** The address bar names what is on screen, so copying it gives a deep link; nothing is added to history. */
export function showInAddressBar(search: string): void {
  const url = `${window.location.pathname}${search}`;
  if (`${window.location.pathname}${window.location.search}${window.location.hash}` !== url) window.history.replaceState(null, '', url);
}
