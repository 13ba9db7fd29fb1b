/**
 * A rule of Raft as a small chip: its section and short name. Its summary is the
 * chip's accessible description, and shows in the floating explanation when the
 * chip is hovered, focused or tapped (it is a button so keyboards reach it).
 */
import { memo, useId } from 'react';
import { RULES, type RuleId } from '../../engine/explain/rules.ts';
import { whyAttr } from './whyTarget.ts';

export const RuleChip = memo(function RuleChip({ rule }: { rule: RuleId }) {
  const summaryId = useId();
  const { section, title, summary } = RULES[rule];
  return (
    <>
      <button type="button" className="rule-chip" data-testid="rule-chip" data-why={whyAttr({ kind: 'rule', id: rule })} aria-describedby={summaryId}>
        <span className="rule-section">{section}</span> {title}
      </button>
      <span id={summaryId} hidden>
        {summary}
      </span>
    </>
  );
});
