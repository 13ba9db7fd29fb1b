/**
 * The rules a learner can switch from the page, and how a run's script is
 * rewritten to use them: the same schedule (every command after the setup,
 * untouched) under other options. Pure, so the rewrite is tested without a worker.
 */
import { canonicalUnsafe, UNSAFE_RULES, type ClusterConfig, type ProbeMode, type RaftOptions, type UnsafeRule } from '../../engine/types.ts';
import { formatClusterOptions } from '../../engine/scenario/format.ts';
import { initialContext, parseLine } from '../../engine/scenario/parse.ts';

/** The options the rule switches set; the others (no-op, batch, timings) stay as the run had them. */
export interface RuleChoice {
  readonly prevote: boolean;
  readonly checkquorum: boolean;
  readonly probe: ProbeMode;
  readonly unsafe: readonly UnsafeRule[];
}

export const ruleChoiceOf = (raft: RaftOptions): RuleChoice => ({
  prevote: raft.prevote,
  checkquorum: raft.checkquorum,
  probe: raft.probe,
  unsafe: canonicalUnsafe(raft.unsafe),
});

export const sameRules = (a: RuleChoice, b: RuleChoice): boolean =>
  a.prevote === b.prevote &&
  a.checkquorum === b.checkquorum &&
  a.probe === b.probe &&
  UNSAFE_RULES.every((r) => a.unsafe.includes(r) === b.unsafe.includes(r));

/** The options with the choice applied; unsafe rules in their canonical order. */
export const withRules = (config: ClusterConfig, choice: RuleChoice): ClusterConfig => ({
  ...config,
  raft: {
    ...config.raft,
    prevote: choice.prevote,
    checkquorum: choice.checkquorum,
    probe: choice.probe,
    unsafe: canonicalUnsafe(choice.unsafe),
  },
});

const isCommand = (line: string): boolean => {
  const t = line.trim();
  return t !== '' && !t.startsWith('#');
};

/**
 * The script `lines` with its `cluster` line rewritten to the chosen rules,
 * keeping its other options (node count, seed, timings...). A script that
 * starts with a `preset` and no `cluster` line gets one before it, built from
 * `current` (the options in force), since a preset keeps the options of the
 * `cluster` line before it. An empty script becomes a lone `cluster` line.
 */
export function scriptWithRules(lines: readonly string[], choice: RuleChoice, current: ClusterConfig): string[] {
  const first = lines.findIndex(isCommand);
  const clusterLine = (config: ClusterConfig): string => `cluster ${formatClusterOptions(withRules(config, choice))}`;
  if (first === -1) return [...lines, clusterLine(current)];
  const parsed = parseLine(lines[first], first + 1, initialContext());
  if (parsed !== null && 'kind' in parsed && parsed.kind === 'cluster') {
    return [...lines.slice(0, first), clusterLine(parsed.config), ...lines.slice(first + 1)];
  }
  return [...lines.slice(0, first), clusterLine(current), ...lines.slice(first)];
}

/** The unsafe rules as the scenario language writes them, e.g. `unsafe=commit-old-terms`. */
export const unsafeFlag = (rules: readonly UnsafeRule[]): string => `unsafe=${rules.join(',')}`;

/** The rules in words, for a message: `PreVote, naive probing and unsafe=commit-old-terms`, or Raft's defaults. */
export function describeRules(choice: RuleChoice): string {
  const parts = [
    choice.prevote && 'PreVote',
    choice.checkquorum && 'CheckQuorum',
    choice.probe === 'naive' && 'naive probing',
    choice.unsafe.length > 0 && unsafeFlag(canonicalUnsafe(choice.unsafe)),
  ].filter((p): p is string => typeof p === 'string');
  if (parts.length === 0) return "Raft's own rules (no PreVote, no CheckQuorum, fast probing, nothing switched off)";
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
