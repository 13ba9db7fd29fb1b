/**
 * A raftviz link that opens a run: `<base>#v1.<data>`, the format of the app's
 * Share button (app/share/shareCodec.ts): `<data>` is lz-string's
 * `compressToEncodedURIComponent` of `JSON.stringify({ script, cursor: { time, event } })`.
 *
 * The engine imports no packages, so the compressor is passed in: the CLI and the
 * tests load lz-string in Node and hand over its `compressToEncodedURIComponent`.
 */

export const LINK_VERSION = 1;
export const DEFAULT_BASE = 'http://localhost:5173/';

export interface LinkCursor {
  /** Simulated time, in ms, and event number of the moment the page opens at. */
  readonly time: number;
  readonly event: number;
}

export type Compress = (text: string) => string;

export function shareLink(base: string, script: string, cursor: LinkCursor, compress: Compress): string {
  const hash = base.indexOf('#');
  const page = hash >= 0 ? base.slice(0, hash) : base;
  const data = compress(JSON.stringify({ script, cursor: { time: cursor.time, event: cursor.event } }));
  return `${page}#v${LINK_VERSION}.${data}`;
}
