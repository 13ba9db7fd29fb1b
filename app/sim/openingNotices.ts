/**
 * What the page says when the address names something it cannot open: a link
 * it cannot read, a scenario or tour that does not exist. Pure, so the wording
 * is tested without a page. A name from the address is quoted by its start and
 * its length when long: it is the visitor's input, and a notice is a sentence
 * that must fit the page, not a copy of the address.
 */
import { quoteWord } from '../../engine/scenario/quoteWord.ts';
import { describeShareError, type ShareError } from '../share/shareCodec.ts';
import { joinSentences } from './sentence.ts';

export const SHOWING_DEFAULT = 'Showing the default cluster instead.';

/** A link (`#v1.…`) that could not be read. `fallback`: the page shows the default cluster instead (it had nothing on screen yet). */
export const badLinkMessage = (error: ShareError, fallback: boolean): string =>
  joinSentences(`This link could not be opened: ${describeShareError(error)}`, fallback && SHOWING_DEFAULT);

/** `?tour=` or `?scenario=` named nothing the page knows; it shows the default cluster instead. */
export const unknownNameMessage = (what: 'tour' | 'scenario', name: string): string =>
  joinSentences(`There is no ${what} named ${quoteWord(name, '“', '”')}`, SHOWING_DEFAULT);
