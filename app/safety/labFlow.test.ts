import { LIBRARY } from '../content/content.ts';
/**
 * The safety lab's key flow, in the worker without a page: Figure 8's recorded
 * script, re-run with commit-old-terms, replays the same schedule and breaks
 * Leader Completeness, then State Machine Safety, at index 2; the explanation
 * names the switch and §5.4.2, and playing would stop at the first one.
 */
import { describe, expect, it } from 'vitest';
import { SimHost } from '../worker/simHost.ts';
import type { FromWorker } from '../worker/protocol.ts';
import type { Snapshot } from '../worker/viewModel.ts';
import { applyScriptDelta } from '../worker/recording.ts';
import { explainViolations } from './explain.ts';
import { ruleChoiceOf, scriptWithRules } from './ruleChoice.ts';
import { findScenario } from '../library/library.ts';

const snapshotOf = (replies: FromWorker[]): Snapshot => {
  const r = replies.find((x) => x.kind === 'snapshot');
  if (r?.kind !== 'snapshot') throw new Error('no snapshot');
  return r.snapshot;
};

describe('re-running Figure 8 with commit-old-terms', () => {
  const host = new SimHost();
  const opened = snapshotOf(host.handle({ kind: 'load', text: findScenario('figure8', LIBRARY)!.text }));
  const script = applyScriptDelta([], opened.script!);
  const choice = { ...ruleChoiceOf(opened.config.raft), unsafe: ['commit-old-terms' as const] };
  const rerun = scriptWithRules(script, choice, opened.config);
  const start = snapshotOf(host.handle({ kind: 'load', text: rerun.join('\n'), cursor: { time: 0, event: 0 } }));
  const end = snapshotOf(host.handle({ kind: 'seek', position: Number.MAX_SAFE_INTEGER }));

  it('keeps the schedule, changes only the cluster line, and opens at its start', () => {
    expect(opened.violationCount).toBe(0);
    expect(rerun.slice(1)).toEqual(script.slice(1));
    expect(rerun[0]).toBe(`${script[0]} unsafe=commit-old-terms`);
    expect(start.event).toBe(0);
    expect(start.violationCount).toBe(0);
    expect(start.timeline.live).toBe(false);
    expect(start.config.raft.unsafe).toEqual(['commit-old-terms']);
  });

  it('breaks Leader Completeness on n5, then State Machine Safety when n5 commits its own entry at index 2', () => {
    expect(end.violations.map((v) => [v.invariant, v.nodes, v.index])).toEqual([
      ['LeaderCompleteness', ['n5'], 2],
      ['StateMachineSafety', ['n5'], 2],
    ]);
    const why = explainViolations(end.violations, end.config.raft);
    expect(why.causes.map((c) => [c.rules, c.section])).toEqual([[['commit-old-terms'], '§5.4.2']]);
  });

  it('playing from the start stops at the first violation, which the state there shows', () => {
    host.handle({ kind: 'seek', position: 0 });
    const replies = host.handle({ kind: 'tick', ms: end.time, stop: { violation: true } });
    const first = end.violations[0];
    expect(replies[0]).toEqual({ kind: 'stopped', reason: { kind: 'violation', invariant: 'LeaderCompleteness', event: first.event, time: first.time } });
    const there = snapshotOf(replies);
    expect(there.event).toBe(first.event);
    expect(there.violations.map((v) => v.invariant)).toEqual(['LeaderCompleteness']);
  });

  it('undo brings back the run with Raft’s rules', () => {
    const back = snapshotOf(host.handle({ kind: 'undo' }));
    expect(back.config.raft.unsafe).toEqual([]);
    expect(back.violationCount).toBe(0);
  });
});
