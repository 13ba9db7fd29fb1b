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
  /** Called instead of `then` when the load was given up: it took too long, the user cancelled it, or the worker failed on it. */
  readonly failed?: (why: LoadFailure) => void;
  /** The caller shows what went wrong itself (the script editor, at the line): no notice at the top of the page. */
  readonly reportsOwnProblems?: boolean;
  /**
   * The page opened it from its address. As its first opening (nothing on
   * screen yet), a Play or Pause the user pressed before it came leaves
   * playing as the user chose.
   */
  readonly byPage?: boolean;
}

/** Why a load was given up. */
export type LoadFailure =
  /** Still running after `seconds` (the session's watchdog). */
  | { readonly kind: 'timeout'; readonly seconds: number }
  | { readonly kind: 'cancelled' }
  /** It never ended: the page was closed or reloaded while it ran (see restoreSavedRun). */
  | { readonly kind: 'unfinished' }
  /** The worker failed while it ran. */
  | { readonly kind: 'error'; readonly message: string };

/** A request's label inside a sentence: `the link`, `your saved run`, `“Leader crash”`. */
export const labelInSentence = (label: string): string => label.replace(/^The /, 'the ').replace(/^Your /, 'your ').replace(/^This /, 'this ');

/** Why it failed, after `it …`: `took longer than 20 s to load`. */
export function describeLoadFailure(why: LoadFailure): string {
  switch (why.kind) {
    case 'timeout':
      return `took longer than ${why.seconds} s to load`;
    case 'cancelled':
      return 'was cancelled while it loaded';
    case 'unfinished':
      return 'did not finish loading';
    case 'error':
      return `made the simulation fail while it loaded (${why.message})`;
  }
}

/** What the page says once loads were given up; `onScreen`: a run was on screen before them, and is back. */
export function loadFailureNotice(label: string, why: LoadFailure, onScreen: boolean): Notice {
  const after = onScreen ? 'Back to where you were.' : 'Showing the default cluster instead.';
  if (why.kind === 'cancelled') return { tone: 'info', message: `Loading ${labelInSentence(label)} was cancelled. ${after}` };
  return { tone: 'error', message: `${label} ${describeLoadFailure(why)}, so it was stopped. ${after}` };
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
