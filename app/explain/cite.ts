/** A citation of rules as the explanations write it, e.g. `(§5.3, §5.4.2)`: each section once, in the order given. */
import { RULES, type RuleId } from '../../engine/explain/rules.ts';

export const cite = (...rules: readonly RuleId[]): string => `(${[...new Set(rules.map((id) => RULES[id].section))].join(', ')})`;
