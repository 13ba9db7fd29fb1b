import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../engine/config.ts';
import { INVARIANTS } from '../../engine/events.ts';
import type { RaftOptions, UnsafeRule } from '../../engine/types.ts';
import type { ViolationView } from '../worker/viewModel.ts';
import { explainViolations } from './explain.ts';
import { INVARIANT_INFO } from './invariantInfo.ts';

const raft = (...unsafe: UnsafeRule[]): RaftOptions => ({ ...DEFAULT_CONFIG.raft, unsafe });

const lostCommit: ViolationView = {
  invariant: 'StateMachineSafety',
  event: 131,
  time: 473,
  detail: 'n3 removed the committed entry "b" (term 2) at index 2, replacing it with "c" (term 3). A committed entry must never change (§5.4).',
  nodes: ['n3'],
  index: 2,
};
const leaderWithout: ViolationView = {
  invariant: 'LeaderCompleteness',
  event: 121,
  time: 434,
  detail: 'n5 became leader of term 5 without the committed entry "b" (term 2) at index 2.',
  nodes: ['n5'],
  index: 2,
};
const mismatch: ViolationView = { invariant: 'LogMatching', event: 40, time: 100, detail: 'n2 holds …', nodes: ['n2'], index: 3 };
const twoLeaders: ViolationView = { invariant: 'ElectionSafety', event: 9, time: 30, detail: 'n1 and n2 …', nodes: ['n1', 'n2'], index: null };

describe('explainViolations', () => {
  it('blames commit-old-terms and cites §5.4.2 for a lost committed entry (Figure 8)', () => {
    const e = explainViolations([leaderWithout, lostCommit], raft('commit-old-terms'));
    expect(e.broken.map((b) => b.title)).toEqual(['Leader Completeness', 'State Machine Safety']);
    expect(e.broken[1].detail).toBe(lostCommit.detail);
    expect(e.broken[1].consequence).toContain('index 2');
    expect(e.causes).toHaveLength(1);
    expect(e.causes[0].rules).toEqual(['commit-old-terms']);
    expect(e.causes[0].section).toBe('§5.4.2');
    expect(e.causes[0].text).toContain('unsafe=commit-old-terms');
    expect(e.causes[0].text).toContain('§5.4.2');
  });

  it('blames vote-any-log and cites the election restriction (§5.4.1)', () => {
    const e = explainViolations([leaderWithout], raft('vote-any-log'));
    expect(e.causes.map((c) => c.rules)).toEqual([['vote-any-log']]);
    expect(e.causes[0].section).toBe('§5.4.1');
    expect(e.causes[0].text).toContain('up-to-date');
  });

  it('blames no-truncate for Log Matching and cites AppendEntries rule 3', () => {
    const e = explainViolations([mismatch, lostCommit], raft('no-truncate'));
    expect(e.causes.map((c) => c.rules)).toEqual([['no-truncate']]);
    expect(e.causes[0].ruleName).toContain('AppendEntries rule 3');
  });

  it('names every switch that can explain it, most direct first, once each', () => {
    const e = explainViolations([leaderWithout, lostCommit], raft('no-truncate', 'vote-any-log', 'commit-old-terms'));
    expect(e.causes.map((c) => c.rules[0])).toEqual(['commit-old-terms', 'vote-any-log', 'no-truncate']);
  });

  it('ignores switches that cannot explain it', () => {
    const e = explainViolations([mismatch], raft('commit-old-terms', 'no-truncate'));
    expect(e.causes.map((c) => c.rules)).toEqual([['no-truncate']]);
  });

  it('with no rule switched off, says it is a bug', () => {
    const e = explainViolations([lostCommit], raft());
    expect(e.causes).toHaveLength(1);
    expect(e.causes[0].rules).toEqual([]);
    expect(e.causes[0].text).toContain('bug');
  });

  it('with switches off that do not explain it, names them all', () => {
    const e = explainViolations([twoLeaders], raft('vote-any-log'));
    expect(e.causes[0].rules).toEqual(['vote-any-log']);
    expect(e.causes[0].text).toContain('unsafe=vote-any-log');
  });

  it('has nothing to say when everything holds', () => {
    expect(explainViolations([], raft('commit-old-terms'))).toEqual({ broken: [], causes: [] });
  });
});

describe('INVARIANT_INFO', () => {
  it('describes every invariant the engine checks, with a paper section', () => {
    for (const name of INVARIANTS) {
      const info = INVARIANT_INFO[name];
      expect(info.title.length).toBeGreaterThan(0);
      expect(info.meaning.length).toBeGreaterThan(0);
      expect(info.section).toMatch(/^(§5\.\d(\.\d)?|§7|§8|Figure 2)$/);
    }
  });
});
