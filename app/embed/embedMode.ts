/**
 * `?embed=1`: raftviz inside a slide or a course page's iframe. The page shows
 * the cluster, the logs and the playback controls, nothing else, and keeps to
 * itself: no offer to restore a run, no tour offer, and nothing saved over the
 * visitor's own run. Read once: the address does not change it later.
 */
export const isEmbedded = (search: string): boolean => new URLSearchParams(search).get('embed') === '1';

/** An immutable constant, read once from the address; main.tsx hands it to the session (SessionOptions.embedded). */
export const EMBEDDED = typeof window !== 'undefined' && isEmbedded(window.location.search);

/** The same address without `embed=1`: the full app, for the "Open in raftviz" link. */
export function fullAppUrl(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('embed');
  return url.toString();
}
