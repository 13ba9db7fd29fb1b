/**
 * A run in a URL fragment: `#v1.<data>`, where `<data>` is the JSON
 * `{ "script": ..., "cursor": { "time": ..., "event": ... } }` compressed with
 * lz-string's `compressToEncodedURIComponent`.
 *
 * The version comes first and outside the compressed part, so a page can turn
 * down a link from a newer format before decompressing anything, and every
 * format this page ever wrote stays readable: v1 is read the same way for as
 * long as it exists. The cursor is the moment the page showed: the end of the
 * script, or an earlier moment of it. The page opens the replay there (the
 * rest of the script stays, to be played on), and checks the replay reaches it.
 *
 * Decoding never throws. Whatever the fragment holds (truncated, damaged,
 * forged, huge), it returns a run or a typed error, with the work bounded by
 * the caps below.
 */
import { compressToEncodedURIComponent } from './lzString.ts';
import { inflate } from './boundedInflate.ts';
import type { Cursor } from '../worker/protocol.ts';

export const SHARE_VERSION = 1;
/** The longest script a link carries (1 MB of script text). */
export const MAX_SCRIPT_CHARS = 1_000_000;
/** A longer fragment is refused before anything is decompressed. Browsers keep URLs up to about 2 MB. */
export const MAX_FRAGMENT_CHARS = 2_000_000;
/** The most the compressed part may expand to: the script, JSON-escaped, and its envelope. */
const MAX_PAYLOAD_CHARS = 2 * MAX_SCRIPT_CHARS + 1_000;

export type { Cursor };

export interface SharedRun {
  readonly script: string;
  readonly cursor: Cursor;
}

export type ShareError =
  /** Not of the form `v<version>.<data>`. */
  | { readonly kind: 'not-a-link' }
  /** Made by a newer raftviz, in a format this page does not know. */
  | { readonly kind: 'future-version'; readonly version: number }
  /** Over a cap: the fragment itself, or what it expands to. */
  | { readonly kind: 'too-large'; readonly what: 'link' | 'script' }
  /** Of the right form, but the data does not decode to a run: cut off, altered, or forged. */
  | { readonly kind: 'damaged'; readonly detail: string };

export type Decoded = { readonly ok: true; readonly run: SharedRun } | { readonly ok: false; readonly error: ShareError };
export type Encoded = { readonly ok: true; readonly fragment: string } | { readonly ok: false; readonly error: ShareError };

/** The fragment (without `#`) for a run. */
export function encodeShare(run: SharedRun): Encoded {
  if (run.script.length > MAX_SCRIPT_CHARS) return { ok: false, error: { kind: 'too-large', what: 'script' } };
  const payload = JSON.stringify({ script: run.script, cursor: { time: run.cursor.time, event: run.cursor.event } });
  const fragment = `v${SHARE_VERSION}.${compressToEncodedURIComponent(payload)}`;
  if (fragment.length > MAX_FRAGMENT_CHARS) return { ok: false, error: { kind: 'too-large', what: 'link' } };
  return { ok: true, fragment };
}

/** A URL fragment, with or without its `#`. */
export function decodeShare(hash: string): Decoded {
  const fail = (error: ShareError): Decoded => ({ ok: false, error });
  let fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  // Checked before anything else, so nothing below ever sees a huge input.
  if (fragment.length > MAX_FRAGMENT_CHARS) return fail({ kind: 'too-large', what: 'link' });
  // A link pasted through a chat or a mail client may come back percent-encoded.
  if (fragment.includes('%')) {
    try {
      fragment = decodeURIComponent(fragment);
    } catch {
      return fail({ kind: 'damaged', detail: 'bad percent-encoding' });
    }
  }
  const head = /^v(0|[1-9]\d{0,8})\./.exec(fragment);
  if (head === null) return fail({ kind: 'not-a-link' });
  const version = Number(head[1]);
  if (version > SHARE_VERSION) return fail({ kind: 'future-version', version });
  if (version !== SHARE_VERSION) return fail({ kind: 'not-a-link' });
  // lz-string reads a space as the `+` a form decoder turned it into.
  const data = fragment.slice(head[0].length).replace(/ /g, '+');
  const inflated = inflate(data, MAX_PAYLOAD_CHARS);
  if (!inflated.ok) {
    if (inflated.reason === 'too-large') return fail({ kind: 'too-large', what: 'script' });
    return fail({ kind: 'damaged', detail: DAMAGE[inflated.reason] });
  }
  return readPayload(inflated.text);
}

const DAMAGE = { 'bad-character': 'a character that cannot be in a link', truncated: 'it ends too early', invalid: 'the data is not valid' } as const;

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;

/** The decompressed JSON, checked field by field: a forged payload gets no further than this. */
function readPayload(text: string): Decoded {
  const damaged = (detail: string): Decoded => ({ ok: false, error: { kind: 'damaged', detail } });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return damaged('the data is not valid');
  }
  if (typeof value !== 'object' || value === null) return damaged('no run in it');
  const { script, cursor } = value as { script?: unknown; cursor?: unknown };
  if (typeof script !== 'string') return damaged('no script in it');
  if (script.length > MAX_SCRIPT_CHARS) return { ok: false, error: { kind: 'too-large', what: 'script' } };
  if (typeof cursor !== 'object' || cursor === null) return damaged('no cursor in it');
  const { time, event } = cursor as { time?: unknown; event?: unknown };
  if (!isCount(time) || !isCount(event)) return damaged('a bad cursor');
  return { ok: true, run: { script, cursor: { time, event } } };
}

/** The reason a link could not be opened, as the end of the sentence "This link could not be opened: ...". */
export function describeShareError(e: ShareError): string {
  switch (e.kind) {
    case 'not-a-link':
      return `it is not a raftviz link (those end in #v${SHARE_VERSION}. and a run)`;
    case 'future-version':
      return `it was made by a newer raftviz (link format v${e.version}; this page reads up to v${SHARE_VERSION})`;
    case 'too-large':
      return e.what === 'link'
        ? `it is longer than ${MAX_FRAGMENT_CHARS.toLocaleString('en')} characters`
        : `its script is longer than ${MAX_SCRIPT_CHARS.toLocaleString('en')} characters`;
    case 'damaged':
      return `it is damaged or incomplete (${e.detail}); was it cut off when it was copied?`;
  }
}
