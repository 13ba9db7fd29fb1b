/**
 * The shape of an explanation, and the one way the explainers write a line, so
 * every line reads alike: what happened and why, then what happens next, then
 * the citation. For example:
 *
 *   n3 rejected AppendEntries from n1: it has no entry at index 10 (its log ends at 4). n1 will try an earlier index (§5.3).
 */
import type { RecordBody, RecordType } from '../events.ts';
import { RULES, type RuleId } from './rules.ts';

export interface Explanation {
  /** The whole line: what happened and why, what happens next (if told), and the rule's citation. */
  readonly text: string;
  /** The rule that decided it; null only for a record no rule governs (none so far). */
  readonly rule: RuleId | null;
  /** What happens next, alone (it is also the last sentence of `text`), for a view that sets it apart. */
  readonly next?: string;
}

/** The record of one kind. */
export type RecordOf<K extends RecordType> = Extract<RecordBody, { readonly type: K }>;

interface Options {
  readonly next?: string;
  /** A citation richer than the rule's section; it must contain that section. */
  readonly cite?: string;
}

/**
 * An explanation citing `rule`. `what` is a clause without a final stop; `next`
 * a sentence without one.
 */
export function because(rule: RuleId, what: string, { next, cite = RULES[rule].section }: Options = {}): Explanation {
  const text = next === undefined ? `${what} (${cite}).` : `${what}. ${next} (${cite}).`;
  return next === undefined ? { text, rule } : { text, rule, next };
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A client's value as the text shows it: quoted, so an empty or odd value is still visible. */
export const quoted = (value: string): string => JSON.stringify(value);
