/**
 * A word of the user's (a script's word, a name from an address) inside a
 * sentence: quoted, and cut short if it is long, since a message is a sentence,
 * not a copy of its input. A long word is quoted by its start and its length,
 * so a message stays short whatever it quotes (and the page that shows it keeps
 * its width).
 */

/** Longer words are cut to their first SHOWN_START characters. */
export const MAX_QUOTED = 40;
const SHOWN_START = 30;

/** `"crash"`, or `"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…" (15,000 characters)`. `open`/`close`: the quote marks. */
export function quoteWord(word: string, open = '"', close = '"'): string {
  if (word.length <= MAX_QUOTED) return `${open}${word}${close}`;
  return `${open}${word.slice(0, SHOWN_START)}…${close} (${word.length.toLocaleString('en')} characters)`;
}
