import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../engine/config.ts';
import { parseScript } from '../../engine/scenario/parse.ts';
import type { ClusterConfig } from '../../engine/types.ts';
import { describeRules, ruleChoiceOf, sameRules, scriptWithRules, type RuleChoice } from './ruleChoice.ts';

const SAFE: RuleChoice = { prevote: false, checkquorum: false, probe: 'fast', unsafe: [] };
const figure8 = ['cluster nodes=5 election=5000-9000ms batch=1 noop=off', 'campaign n1', 'stabilize', 'propose n1 a', 'run 60ms'];

describe('scriptWithRules', () => {
  it('rewrites the cluster line and keeps its other options and every later line', () => {
    const out = scriptWithRules(figure8, { ...SAFE, unsafe: ['commit-old-terms'] }, DEFAULT_CONFIG);
    expect(out).toEqual([
      'cluster nodes=5 election=5000-9000ms batch=1 noop=off unsafe=commit-old-terms',
      ...figure8.slice(1),
    ]);
  });

  it('keeps the node count and seed', () => {
    const out = scriptWithRules(['cluster nodes=3 seed=42', 'run 1s'], { ...SAFE, prevote: true }, DEFAULT_CONFIG);
    expect(out).toEqual(['cluster nodes=3 seed=42 prevote=on', 'run 1s']);
  });

  it('turns rules off as well as on, in canonical order', () => {
    const lines = ['cluster nodes=5 probe=naive prevote=on unsafe=no-truncate,commit-old-terms', 'run 1s'];
    expect(scriptWithRules(lines, SAFE, DEFAULT_CONFIG)[0]).toBe('cluster nodes=5');
    const both: RuleChoice = { ...SAFE, unsafe: ['no-truncate', 'vote-any-log'] };
    expect(scriptWithRules(lines, both, DEFAULT_CONFIG)[0]).toBe('cluster nodes=5 unsafe=vote-any-log,no-truncate');
  });

  it('puts a cluster line before a leading preset that has none, with the options in force', () => {
    const current: ClusterConfig = { ...DEFAULT_CONFIG, nodes: 7 };
    const out = scriptWithRules(['preset figure7', 'campaign n1'], { ...SAFE, probe: 'naive' }, current);
    expect(out).toEqual(['cluster nodes=7 probe=naive', 'preset figure7', 'campaign n1']);
  });

  it('rewrites the cluster line that comes before a preset', () => {
    const out = scriptWithRules(['cluster nodes=7 noop=off', 'preset figure7'], { ...SAFE, checkquorum: true }, DEFAULT_CONFIG);
    expect(out).toEqual(['cluster nodes=7 noop=off checkquorum=on', 'preset figure7']);
  });

  it('skips leading comments and blank lines', () => {
    const out = scriptWithRules(['# a run', '', 'cluster nodes=5', 'run 1s'], { ...SAFE, prevote: true }, DEFAULT_CONFIG);
    expect(out).toEqual(['# a run', '', 'cluster nodes=5 prevote=on', 'run 1s']);
  });

  it('gives an empty script a cluster line', () => {
    expect(scriptWithRules([], { ...SAFE, prevote: true }, DEFAULT_CONFIG)).toEqual(['cluster nodes=5 prevote=on']);
  });

  it('produces a script that parses, with the chosen options', () => {
    const choice: RuleChoice = { prevote: true, checkquorum: true, probe: 'naive', unsafe: ['vote-any-log'] };
    const parsed = parseScript(scriptWithRules(figure8, choice, DEFAULT_CONFIG).join('\n'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const first = parsed.script.commands[0];
    expect(first.kind).toBe('cluster');
    if (first.kind !== 'cluster') return;
    expect(ruleChoiceOf(first.config.raft)).toEqual(choice);
    expect(first.config.raft.noop).toBe(false);
    expect(first.config.raft.batch).toBe(1);
  });
});

describe('sameRules', () => {
  it('ignores the order of the unsafe rules', () => {
    expect(sameRules({ ...SAFE, unsafe: ['no-truncate', 'vote-any-log'] }, { ...SAFE, unsafe: ['vote-any-log', 'no-truncate'] })).toBe(true);
    expect(sameRules(SAFE, { ...SAFE, unsafe: ['vote-any-log'] })).toBe(false);
    expect(sameRules(SAFE, { ...SAFE, probe: 'naive' })).toBe(false);
  });
});

describe('describeRules', () => {
  it('names the rules in force, and only those', () => {
    expect(describeRules({ ...SAFE, unsafe: ['commit-old-terms'] })).toBe('unsafe=commit-old-terms');
    expect(describeRules({ prevote: true, checkquorum: false, probe: 'naive', unsafe: ['no-truncate', 'vote-any-log'] })).toBe(
      'PreVote, naive probing and unsafe=vote-any-log,no-truncate',
    );
    expect(describeRules(SAFE)).toContain("Raft's own rules");
  });
});
