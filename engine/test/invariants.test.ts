import { describe, expect, it } from 'vitest';
import { emptyMachine } from '../kv/stateMachine.ts';
import { checkNodeChange, emptyChecker, type CheckerState } from '../check/invariants.ts';
import { createNode } from '../raft/node.ts';
import { logEntries, logOf } from '../raft/log.ts';
import type { LogEntry, NodeState, VolatileState } from '../types.ts';

// Each test builds a bad transition by hand: a checker that never fires proves nothing.

const e = (term: number, value: string | null = `v${term}`): LogEntry => (value === null ? { term, kind: 'noop' } : { term, kind: 'raw', value });
function mk(id: string, term: number, log: LogEntry[], v: Partial<VolatileState> & { role?: string } = {}): NodeState {
  const base = createNode(id, { currentTerm: term, votedFor: null, log: logOf(log), snapshot: null, config: null });
  const role = v.role ?? 'follower';
  const volatile = role === 'leader'
    ? { role: 'leader' as const, commitIndex: v.commitIndex ?? 0, leader: id, machine: emptyMachine(), progress: {}, reads: [], change: null, transfer: null, leaseRevoked: false }
    : { role: 'follower' as const, commitIndex: v.commitIndex ?? 0, leader: null, leaderHeardAt: null, restartedAt: null, machine: emptyMachine() };
  return { ...base, volatile };
}
const obs = (nodes: NodeState[], event = 1) => ({ event, time: 0, nodes: Object.fromEntries(nodes.map((n) => [n.id, n])) });
function observe(c: CheckerState, before: NodeState, after: NodeState, others: NodeState[] = []) {
  return checkNodeChange(c, before, after, obs([after, ...others]));
}

describe('invariant checker', () => {
  it('Election Safety: two leaders in one term', () => {
    const c = emptyChecker();
    expect(observe(c, mk('n1', 2, []), mk('n1', 2, [], { role: 'leader' }))).toEqual([]);
    const v = observe(c, mk('n2', 2, []), mk('n2', 2, [], { role: 'leader' }));
    expect(v.map((x) => x.invariant)).toEqual(['ElectionSafety']);
    expect(v[0].nodes).toEqual(['n1', 'n2']);
  });

  it('Leader Append-Only: a leader removes its own entries', () => {
    const log = [e(1), e(2)];
    const v = observe(emptyChecker(), mk('n1', 2, log, { role: 'leader' }), mk('n1', 2, [log[0]], { role: 'leader' }));
    expect(v.map((x) => x.invariant)).toContain('LeaderAppendOnly');
  });

  it('Log Matching: the same index and term with different contents', () => {
    const c = emptyChecker();
    expect(observe(c, mk('n1', 1, []), mk('n1', 1, [e(1, 'a')]))).toEqual([]);
    expect(observe(c, mk('n2', 1, []), mk('n2', 1, [e(1, 'a')]))).toEqual([]);
    const v = observe(c, mk('n3', 1, []), mk('n3', 1, [e(1, 'b')]));
    expect(v.map((x) => x.invariant)).toEqual(['LogMatching']);
    expect(v[0].index).toBe(1);
    // The same entry (index 2, term 3) after entries of different terms also breaks it.
    const c2 = emptyChecker();
    const x = e(3, 'x');
    expect(observe(c2, mk('n4', 3, []), mk('n4', 3, [e(1, 'a'), x]))).toEqual([]);
    const w = observe(c2, mk('n5', 3, []), mk('n5', 3, [e(2, 'b'), x]));
    expect(w.map((v) => v.invariant)).toContain('LogMatching');
  });

  it('State Machine Safety: a node loses an entry it committed, even after a crash lost its commitIndex', () => {
    const c = emptyChecker();
    const a = e(2, 'a');
    observe(c, mk('n1', 2, [a]), mk('n1', 2, [a], { commitIndex: 1 }));
    expect(logEntries(c.committed)).toEqual([a]);
    // n1 crashes (commitIndex gone) and, restarted, lets its entry be replaced.
    const v = observe(c, mk('n1', 3, [a]), mk('n1', 3, [e(3, 'b')]));
    expect(v.map((x) => x.invariant)).toEqual(['StateMachineSafety']);
  });

  it('a copy another node committed may be overwritten on a node that never committed it', () => {
    const c = emptyChecker();
    const a = e(2, 'a');
    observe(c, mk('n1', 2, [a]), mk('n1', 2, [a], { commitIndex: 1 }));
    // n2 held a copy but never committed it; a stale leader replaces it. Raft allows this:
    // the majority that committed "a" keeps it (engine/test/scenarios/stale-leader-*).
    expect(observe(c, mk('n2', 3, [a]), mk('n2', 3, [e(3, 'b')]))).toEqual([]);
    // Committing the other entry there is the violation.
    const v = observe(c, mk('n2', 3, [e(3, 'b')]), mk('n2', 3, [e(3, 'b')], { commitIndex: 1 }));
    expect(v.map((x) => x.invariant)).toEqual(['StateMachineSafety']);
  });

  it('State Machine Safety: two nodes commit different entries at one index', () => {
    const c = emptyChecker();
    observe(c, mk('n1', 2, [e(2, 'a')]), mk('n1', 2, [e(2, 'a')], { commitIndex: 1 }));
    const v = observe(c, mk('n2', 3, [e(3, 'b')]), mk('n2', 3, [e(3, 'b')], { commitIndex: 1 }));
    expect(v.map((x) => x.invariant)).toContain('StateMachineSafety');
  });

  it('Leader Completeness: a leader elected without a committed entry', () => {
    const c = emptyChecker();
    observe(c, mk('n1', 2, [e(2, 'a')]), mk('n1', 2, [e(2, 'a')], { commitIndex: 1 }));
    const v = observe(c, mk('n5', 3, [e(1, 'q')]), mk('n5', 3, [e(1, 'q')], { role: 'leader' }));
    expect(v.map((x) => x.invariant)).toEqual(['LeaderCompleteness']);
  });

  it('Leader Completeness: an entry committed that the leader of a later term lacks', () => {
    const c = emptyChecker();
    const later = mk('n5', 4, [], { role: 'leader' });
    const v = observe(c, mk('n1', 2, [e(2)]), mk('n1', 2, [e(2)], { commitIndex: 1 }), [later]);
    expect(v.map((x) => x.invariant)).toEqual(['LeaderCompleteness']);
  });

  it('commitIndex past the end of the log', () => {
    const v = observe(emptyChecker(), mk('n1', 1, [e(1)]), mk('n1', 1, [e(1)], { commitIndex: 3 }));
    expect(v.map((x) => x.invariant)).toEqual(['CommitWithinLog']);
  });

  it('reports one fault once, not at every later event', () => {
    const c = emptyChecker();
    observe(c, mk('n1', 2, []), mk('n1', 2, [], { role: 'leader' }));
    expect(observe(c, mk('n2', 2, []), mk('n2', 2, [], { role: 'leader' }))).toHaveLength(1);
    expect(observe(c, mk('n2', 2, []), mk('n2', 2, [], { role: 'leader' }))).toHaveLength(0);
  });

  it('stays quiet on legal changes: appends, commits and a follower truncating uncommitted entries', () => {
    const c = emptyChecker();
    const a = e(1, 'a');
    expect(observe(c, mk('n1', 1, []), mk('n1', 1, [a], { role: 'leader' }))).toEqual([]);
    expect(observe(c, mk('n1', 1, [a], { role: 'leader' }), mk('n1', 1, [a], { role: 'leader', commitIndex: 1 }))).toEqual([]);
    expect(observe(c, mk('n2', 1, [a, e(1, 'b')]), mk('n2', 2, [a, e(2, 'c')]))).toEqual([]);
  });
});
