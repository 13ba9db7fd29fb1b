import { describe, expect, it } from 'vitest';
import type { ViolationView } from '../worker/viewModel.ts';
import { violationMarks } from './violationMarks.ts';
import { violationStop, type SafetyMoment } from './violationStop.ts';

const v = (invariant: ViolationView['invariant'], event: number, nodes: string[], index: number | null): ViolationView => ({
  invariant,
  event,
  time: event,
  detail: '',
  nodes,
  index,
});

describe('violationMarks', () => {
  it('marks the nodes involved and, on each, the index involved', () => {
    const list = [v('LeaderCompleteness', 121, ['n5'], 2), v('StateMachineSafety', 131, ['n3'], 2), v('ElectionSafety', 140, ['n1', 'n2'], null)];
    const m = violationMarks(list);
    expect([...m.nodes].sort()).toEqual(['n1', 'n2', 'n3', 'n5']);
    expect(m.entries).toEqual({ n5: [2], n3: [2] });
    expect(violationMarks(list)).toBe(m);
  });

  it('marks nothing when nothing broke', () => {
    const m = violationMarks([]);
    expect(m.nodes.size).toBe(0);
    expect(m.entries).toEqual({});
  });
});

describe('violationStop', () => {
  const at = (event: number, playing: boolean, violations: ViolationView[]): SafetyMoment => ({
    playing,
    event,
    violationCount: violations.length,
    violations,
  });
  const lc = v('LeaderCompleteness', 121, ['n5'], 2);
  const sms = v('StateMachineSafety', 131, ['n3'], 2);

  it('pauses at the first new violation when the count rises while playing', () => {
    expect(violationStop(at(100, true, []), at(140, true, [lc, sms]))).toEqual({ kind: 'pause', at: 121 });
    expect(violationStop(at(125, true, [lc]), at(140, true, [lc, sms]))).toEqual({ kind: 'pause', at: 131 });
  });

  it('pauses where it is when the violation is the event shown', () => {
    expect(violationStop(at(120, true, []), at(121, true, [lc]))).toEqual({ kind: 'pause', at: null });
  });

  it('does nothing when paused, or when the count does not rise', () => {
    expect(violationStop(at(100, false, []), at(140, false, [lc]))).toEqual({ kind: 'none' });
    expect(violationStop(at(125, true, [lc]), at(126, true, [lc]))).toEqual({ kind: 'none' });
    expect(violationStop(at(140, true, [lc, sms]), at(0, true, []))).toEqual({ kind: 'none' });
  });
});
