import { describe, expect, it } from 'vitest';
import type { ViolationView } from '../worker/viewModel.ts';
import { violationMarks } from './violationMarks.ts';

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
