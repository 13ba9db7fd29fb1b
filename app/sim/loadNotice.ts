/**
 * A whole script the page asks the worker to load, and what the page tells the
 * user about how the load went. Pure, so the wording is tested without a worker.
 */
import type { ExpectFailure } from '../../engine/scenario/run.ts';
import type { Cursor, LoadResult } from '../worker/protocol.ts';
import type { Notice } from '../store/uiSlice.ts';
import { joinSentences } from './sentence.ts';
import { SHOWING_DEFAULT } from './openingNotices.ts';

export interface ScriptRequest {
  readonly text: string;
  /** How messages name it, capitalized: `The link`, `“Leader crash”`, `Your saved run`. */
  readonly label: string;
  /** The moment the link was made at: the page opens there, and checks the replay reaches it. */
  readonly cursor?: Cursor;
  /** Open at the moment this line (1-based) was done instead of at the end: a tour step plays on from there. */
  readonly afterLine?: number;
  /** Called once the worker has answered. */
  readonly then?: (result: LoadResult) => void;
  /** The caller shows what went wrong itself (the script editor, at the line): no notice at the top of the page. */
  readonly reportsOwnProblems?: boolean;
  /**
   * The page opened it from its address. As its first opening (nothing on
   * screen yet), a Play or Pause the user pressed before it came leaves
   * playing as the user chose.
   */
  readonly byPage?: boolean;
}

export function expectNotice(label: string, f: ExpectFailure): Notice {
  return {
    tone: 'warning',
    message: `${label} stopped at line ${f.line}: this check did not hold (expected ${f.expected}, got ${f.actual}). The run stops there.`,
    code: f.command,
  };
}

/**
 * What to tell the user once a load is answered, or null when all went as
 * planned. `fallback`: the page shows the default cluster instead.
 */
export function loadNotice(req: ScriptRequest, result: LoadResult, fallback: boolean): Notice | null {
  if (!result.ok) {
    const { line, col, message } = result.error;
    return {
      tone: 'error',
      message: joinSentences(`${req.label} could not be opened: line ${line}, column ${col}: ${message}`, fallback && SHOWING_DEFAULT),
      ...(result.text ? { code: result.text } : {}),
    };
  }
  if (result.failure !== null) return expectNotice(req.label, result.failure);
  const c = req.cursor;
  if (c !== undefined && (c.event !== result.event || c.time !== result.time)) {
    return {
      tone: 'warning',
      message:
        `${req.label} was made at event #${c.event} (${c.time} ms), but here it replays to event #${result.event} (${result.time} ms). ` +
        'The simulator has changed since, so this may not be what its author saw.',
    };
  }
  return null;
}
