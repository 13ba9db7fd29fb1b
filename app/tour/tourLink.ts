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

/**
 * The address that names `search` (a query such as `?tour=…&step=2`, or '' for
 * none) at `pathname`. An embedded view keeps its `embed=1` first, whatever the
 * query: it is what keeps a reload, or a copied address, in the embedded view.
 */
export function addressFor(pathname: string, search: string, embedded: boolean): string {
  if (!embedded) return `${pathname}${search}`;
  const params = new URLSearchParams(search);
  params.delete('embed');
  const rest = params.toString();
  return `${pathname}?embed=1${rest === '' ? '' : `&${rest}`}`;
}

/**
 * The address bar names what is on screen, so copying it gives a deep link;
 * nothing is added to history. `embedded`: the session's embedded view (addressFor).
 */
export function showInAddressBar(search: string, embedded: boolean): void {
  const url = addressFor(window.location.pathname, search, embedded);
  if (`${window.location.pathname}${window.location.search}${window.location.hash}` !== url) window.history.replaceState(null, '', url);
}
