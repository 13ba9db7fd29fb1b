/**
 * Notices are built from parts written apart: a reason from one module ("…was it
 * cut off when it was copied?"), what the page did from another ("Showing the
 * default cluster instead."). Joined here, each part ends in exactly one mark.
 */

/** Already ends a sentence: a full stop, question or exclamation mark, or an ellipsis, maybe inside closing quotes. */
const ENDED = /[.?!…]["”’']*$/;

/** `text` as a sentence: a full stop added unless it already ends in one (or in a question mark...). */
export function endSentence(text: string): string {
  const t = text.trimEnd();
  return t === '' || ENDED.test(t) ? t : `${t}.`;
}

/** The parts as sentences, in order, one space apart; null, false and empty parts are left out. */
export function joinSentences(...parts: (string | null | false | undefined)[]): string {
  return parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map(endSentence)
    .join(' ');
}
