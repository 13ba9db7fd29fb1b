/**
 * What the pointer or the keyboard focus is on, as far as the hover explanations
 * care: a node, a log entry, a message in flight, or a rule chip. Elements say
 * what they are with a `data-why` attribute (whyAttr), so one listener on the
 * document can find them (useWhyTarget) without a handler on every log cell.
 */
import type { NodeId } from '../../engine/types.ts';
import { isRuleId, type RuleId } from '../../engine/explain/ruleIds.ts';

export type WhyTarget =
  | { readonly kind: 'node'; readonly id: NodeId }
  | { readonly kind: 'entry'; readonly node: NodeId; readonly index: number }
  /** The block at the start of a node's log row that stands for its snapshot (§7). */
  | { readonly kind: 'snapshot'; readonly node: NodeId }
  | { readonly kind: 'message'; readonly id: number }
  | { readonly kind: 'rule'; readonly id: RuleId };

/** The `data-why` value for a target: `node:n1`, `entry:n1:5`, `snapshot:n1`, `message:12`, `rule:backoff`. */
export function whyAttr(t: WhyTarget): string {
  switch (t.kind) {
    case 'node':
      return `node:${t.id}`;
    case 'entry':
      return `entry:${t.node}:${t.index}`;
    case 'snapshot':
      return `snapshot:${t.node}`;
    case 'message':
      return `message:${t.id}`;
    case 'rule':
      return `rule:${t.id}`;
  }
}

const POSITIVE = /^[1-9]\d*$/;

/** The target a `data-why` value names, or null if it names none. */
export function parseWhy(attr: string | null | undefined): WhyTarget | null {
  if (attr == null) return null;
  const [kind, a, b, ...rest] = attr.split(':');
  if (rest.length > 0 || a === undefined || a === '') return null;
  switch (kind) {
    case 'node':
      return b === undefined ? { kind, id: a } : null;
    case 'entry':
      return b !== undefined && POSITIVE.test(b) ? { kind, node: a, index: Number(b) } : null;
    case 'snapshot':
      return b === undefined ? { kind, node: a } : null;
    case 'message':
      return b === undefined && /^\d+$/.test(a) ? { kind, id: Number(a) } : null;
    case 'rule':
      return b === undefined && isRuleId(a) ? { kind, id: a } : null;
    default:
      return null;
  }
}

export const sameTarget = (a: WhyTarget | null, b: WhyTarget | null): boolean =>
  a === b || (a !== null && b !== null && whyAttr(a) === whyAttr(b));

/** The id of the one floating explanation; every explained element names it in aria-describedby. */
export const WHY_TOOLTIP_ID = 'why-tooltip';

/** What clicking the item does, shown under its explanation. */
export function clickHint(t: WhyTarget): string | null {
  switch (t.kind) {
    case 'node':
      return 'Click for details and actions.';
    case 'message':
      return 'Click to inspect or drop it.';
    case 'entry':
    case 'snapshot':
    case 'rule':
      return null;
  }
}
