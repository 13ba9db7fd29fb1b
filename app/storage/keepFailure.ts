/**
 * What the page says when the browser refused to keep the run or the draft:
 * why, and what the visitor can do before leaving. Pure, so the wording is
 * tested without a browser. The message stays on the page until a later write
 * succeeds (KeepWarning.tsx): a refused save is data at risk, not news.
 */
import { NOT_KEPT_HERE } from './keptData.ts';
import { joinSentences } from '../sim/sentence.ts';

/** Why a write was refused, in words, from what it rejected with. */
export function keepFailureReason(error: unknown): string {
  if (error instanceof Error && error.message === NOT_KEPT_HERE) return 'this browser does not let the page keep anything (private browsing, or site data turned off)';
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') return "the browser's storage for this site is full";
  if (name === 'InvalidStateError' || name === 'SecurityError') return 'this browser does not let the page keep anything (private browsing, or site data turned off)';
  const detail = error instanceof Error && error.message !== '' ? `: ${error.message}` : '';
  return `the browser refused it${detail}`;
}

/** The message for a run that could not be saved, `reason` from keepFailureReason. */
export const runNotKeptText = (reason: string): string =>
  joinSentences(
    `Your run could not be saved in this browser: ${reason}`,
    'It is on screen, but a reload or a closed tab would lose it: Save .txt, in the Script panel, keeps its script in a file. This message goes once the run is saved',
  );

export const draftNotKeptText = (reason: string): string =>
  joinSentences(`Your script draft could not be kept in this browser: ${reason}`, 'A reload or a closed tab would lose it: Save .txt writes it to a file');
