import { describe, expect, it } from 'vitest';
import { createNode, step, type Input } from '../raft/node.ts';
import { entryAt, logEntries, logOf } from '../raft/log.ts';
import { at as atTime, nodeContext, type StepContext } from '../raft/context.ts';
import type { LogEntry, NodeState, RaftMessage, RaftOptions } from '../types.ts';
import { emptyMachine } from '../kv/stateMachine.ts';
import { DEFAULT_CONFIG } from '../config.ts';
import { deepFreeze, votersOf } from './helpers.ts';

/**
 * A step context at time `now` (ms), with the default minimum election timeout,
 * in a cluster of n1 .. n(peers + 1), all voters.
 */
const at = (peers: string[], options: RaftOptions = DEFAULT_CONFIG.raft, now = 0): StepContext =>
  atTime(nodeContext(peers, votersOf(peers.length + 1), options, DEFAULT_CONFIG.election.min), now);
const ctx3: StepContext = at(['n2', 'n3']);
const peersOf = (id: string, n: number): string[] => Array.from({ length: n }, (_, i) => `n${i + 1}`).filter((x) => x !== id);
const entries = (...ts: number[]): LogEntry[] => ts.map((term, i) => ({ term, kind: 'raw' as const, value: `x${i + 1}.${term}` }));

function node(id: string, term: number, log: LogEntry[], votedFor: string | null = null, commitIndex = 0): NodeState {
  return createNode(id, { currentTerm: term, votedFor, log: logOf(log), snapshot: null, config: null }, commitIndex);
}

/** Step with a deep-frozen input, proving the step does not mutate what it is given. */
function stepFrozen(n: NodeState, input: Input, ctx: StepContext = ctx3) {
  return step(deepFreeze(n), deepFreeze(input), ctx);
}

const msg = (m: RaftMessage): Input => ({ kind: 'message', message: m });

describe('elections (§5.2, §5.4.1)', () => {
  it('a timeout makes a follower a candidate of the next term that votes for itself and asks every peer', () => {
    const r = stepFrozen(node('n1', 3, entries(1, 3)), { kind: 'electionTimeout', forced: false });
    expect(r.node.volatile?.role).toBe('candidate');
    expect(r.node.persistent).toMatchObject({ currentTerm: 4, votedFor: 'n1' });
    expect(r.outbox).toEqual([
      { type: 'RequestVote', from: 'n1', to: 'n2', term: 4, lastLogIndex: 2, lastLogTerm: 3, preVote: false, transfer: false },
      { type: 'RequestVote', from: 'n1', to: 'n3', term: 4, lastLogIndex: 2, lastLogTerm: 3, preVote: false, transfer: false },
    ]);
    expect(r.election).toBe('reset');
  });

  it('grants one vote per term, first come first served', () => {
    const rv = (from: string): Input => msg({ type: 'RequestVote', from, to: 'n1', term: 2, lastLogIndex: 0, lastLogTerm: 0, preVote: false, transfer: false });
    const a = stepFrozen(node('n1', 1, []), rv('n2'));
    expect(a.outbox[0]).toMatchObject({ type: 'RequestVoteResponse', granted: true, term: 2 });
    expect(a.node.persistent.votedFor).toBe('n2');
    expect(a.election).toBe('reset');
    const b = stepFrozen(a.node, rv('n3'));
    expect(b.outbox[0]).toMatchObject({ granted: false });
    expect(b.records).toContainEqual(expect.objectContaining({ type: 'voteRefused', why: { kind: 'already-voted', votedFor: 'n2' } }));
    // Asking again (a retransmission) gets the same vote.
    expect(stepFrozen(a.node, rv('n2')).outbox[0]).toMatchObject({ granted: true });
  });

  it('refuses a candidate whose log is less up-to-date, but still adopts its term', () => {
    const voter = node('n7', 7, entries(1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3));
    const ok = stepFrozen(voter, msg({ type: 'RequestVote', from: 'n1', to: 'n7', term: 8, lastLogIndex: 10, lastLogTerm: 6, preVote: false, transfer: false }));
    expect(ok.outbox[0]).toMatchObject({ granted: true });
    const behind = node('n5', 7, entries(1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7));
    const no = stepFrozen(behind, msg({ type: 'RequestVote', from: 'n1', to: 'n5', term: 8, lastLogIndex: 10, lastLogTerm: 6, preVote: false, transfer: false }));
    expect(no.outbox[0]).toMatchObject({ granted: false, term: 8 });
    expect(no.node.persistent).toMatchObject({ currentTerm: 8, votedFor: null });
    expect(no.records).toContainEqual(expect.objectContaining({
      type: 'voteRefused',
      why: { kind: 'log-behind', mine: { lastIndex: 12, lastTerm: 7 }, theirs: { lastIndex: 10, lastTerm: 6 } },
    }));
  });

  it('a candidate with a majority becomes leader, appends a no-op of its term and sends AppendEntries at once', () => {
    const c = stepFrozen(node('n1', 1, entries(1)), { kind: 'electionTimeout', forced: false }).node;
    const r = stepFrozen(c, msg({ type: 'RequestVoteResponse', from: 'n2', to: 'n1', term: 2, granted: true, preVote: false }));
    expect(r.node.volatile?.role).toBe('leader');
    expect(logEntries(r.node.persistent.log).map((e) => e.term)).toEqual([1, 2]);
    expect(entryAt(r.node.persistent.log, 2)!.kind).toBe('noop');
    expect(r.outbox.map((m) => [m.type, m.to])).toEqual([['AppendEntries', 'n2'], ['AppendEntries', 'n3']]);
    expect(r.outbox[0]).toMatchObject({ prevLogIndex: 1, prevLogTerm: 1, entries: [{ term: 2, kind: 'noop' as const }] });
    expect(r.heartbeat).toBe('reset');
    expect(r.election).toBe('stop');
  });

  it('a single-node cluster elects itself and commits its no-op without any message', () => {
    const r = step(node('n1', 0, []), { kind: 'electionTimeout', forced: true }, at([]));
    expect(r.node.volatile).toMatchObject({ role: 'leader', commitIndex: 1 });
    expect(r.outbox).toHaveLength(0);
  });

  it('steps down on any message of a higher term (§5.1)', () => {
    const c = stepFrozen(node('n1', 1, []), { kind: 'electionTimeout', forced: false }).node;
    const r = stepFrozen(c, msg({ type: 'RequestVoteResponse', from: 'n3', to: 'n1', term: 5, granted: false, preVote: false }));
    expect(r.node.volatile?.role).toBe('follower');
    expect(r.node.persistent).toMatchObject({ currentTerm: 5, votedFor: null });
  });
});

describe('AppendEntries on a follower (§5.3)', () => {
  const ae = (prevLogIndex: number, prevLogTerm: number, es: LogEntry[], leaderCommit = 0, term = 8): Input =>
    msg({ type: 'AppendEntries', from: 'n1', to: 'n3', term, prevLogIndex, prevLogTerm, entries: es, leaderCommit, round: 0 });

  it('rejects a missing prevLogIndex with a hint at its last index', () => {
    const r = stepFrozen(node('n3', 8, entries(1, 1, 1, 4)), ae(10, 6, []));
    expect(r.outbox[0]).toMatchObject({ success: false, rejectedIndex: 10, hintIndex: 4, hintTerm: 4 });
    expect(r.records).toContainEqual(expect.objectContaining({ type: 'appendRejected', why: { kind: 'missing-entry', lastIndex: 4 } }));
    expect(r.election).toBe('reset');
  });

  it('rejects a term mismatch with a hint that skips the whole conflicting term', () => {
    const r = stepFrozen(node('n5', 8, entries(1, 1, 1, 4, 4, 5, 5, 6, 7, 7, 7, 7)), ae(10, 6, []));
    expect(r.outbox[0]).toMatchObject({ success: false, hintIndex: 8, hintTerm: 6 });
  });

  it('deletes conflicting entries, appends, and commits no further than the entries it verified', () => {
    const f = node('n4', 8, entries(1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6), null, 8);
    const r = stepFrozen(f, ae(10, 6, [{ term: 8, kind: 'noop' as const }], 11));
    expect(logEntries(r.node.persistent.log).map((e) => e.term)).toEqual([1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 8]);
    expect(r.node.volatile?.commitIndex).toBe(11);
    expect(r.outbox[0]).toMatchObject({ success: true, matchIndex: 11 });
    expect(r.records).toContainEqual(expect.objectContaining({ type: 'truncated', from: 11, removed: 1 }));
    // A heartbeat at an earlier point says nothing about the entries after it: commit stops there.
    const g = stepFrozen(node('n4', 8, entries(1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6)), ae(9, 6, [], 11));
    expect(g.node.volatile?.commitIndex).toBe(9);
  });

  it('refuses AppendEntries from a stale term and tells the sender its term', () => {
    const r = stepFrozen(node('n3', 9, []), ae(0, 0, [], 0, 8));
    expect(r.outbox[0]).toMatchObject({ type: 'AppendEntriesResponse', success: false, term: 9 });
    expect(r.node.persistent.currentTerm).toBe(9);
  });

  it('a candidate that hears from the leader of its term becomes its follower', () => {
    const c = stepFrozen(node('n3', 7, []), { kind: 'electionTimeout', forced: false }).node;
    const r = stepFrozen(c, ae(0, 0, []));
    expect(r.node.volatile).toMatchObject({ role: 'follower', leader: 'n1' });
  });
});

describe('the leader (§5.3, §5.4.2)', () => {
  function leaderOf(size: number, log: LogEntry[], term: number, noop = false): NodeState {
    const ctx: StepContext = at(peersOf('n1', size), { ...DEFAULT_CONFIG.raft, noop });
    let n = node('n1', term - 1, log);
    n = step(n, { kind: 'electionTimeout', forced: true }, ctx).node;
    for (const p of ctx.peers) n = step(n, msg({ type: 'RequestVoteResponse', from: p, to: 'n1', term, granted: true, preVote: false }), ctx).node;
    return n;
  }
  const ok = (from: string, term: number, matchIndex: number): Input =>
    msg({ type: 'AppendEntriesResponse', from, to: 'n1', term, success: true, matchIndex, rejectedIndex: 0, hintIndex: 0, hintTerm: 0, round: 0 });

  it('does not commit an entry of an earlier term by counting replicas (Figure 8)', () => {
    const ctx: StepContext = at(peersOf('n1', 5), { ...DEFAULT_CONFIG.raft, noop: false });
    let n = leaderOf(5, entries(1, 2), 4);
    const r1 = step(n, ok('n2', 4, 2), ctx);
    const r2 = step(r1.node, ok('n3', 4, 2), ctx);
    expect(r2.node.volatile?.commitIndex).toBe(0);
    expect(r2.records).toContainEqual(expect.objectContaining({ type: 'commitDeferred', index: 2, entryTerm: 2, currentTerm: 4, replicas: 3 }));
    // Once an entry of its own term is on a majority, everything before it commits too.
    n = step(r2.node, { kind: 'propose', value: 'v' }, ctx).node;
    n = step(n, ok('n2', 4, 3), ctx).node;
    n = step(n, ok('n3', 4, 3), ctx).node;
    expect(n.volatile?.commitIndex).toBe(3);
  });

  it('fast probing jumps by the hint; naive probing steps back one index', () => {
    const log = entries(1, 1, 1, 4, 4, 5, 5, 6, 6, 6);
    const reject: Input = msg({
      type: 'AppendEntriesResponse', from: 'n3', to: 'n1', term: 8, success: false, matchIndex: 0, rejectedIndex: 10, hintIndex: 4, hintTerm: 4, round: 0,
    });
    for (const [probe, next] of [['fast', 5], ['naive', 10]] as const) {
      const ctx: StepContext = at(peersOf('n1', 7), { ...DEFAULT_CONFIG.raft, noop: true, probe });
      const l = leaderOf(7, log, 8, true);
      const r = step(l, reject, ctx);
      expect(r.node.volatile?.role === 'leader' && r.node.volatile.progress.n3.next).toBe(next);
      expect(r.outbox).toEqual([expect.objectContaining({ type: 'AppendEntries', to: 'n3', prevLogIndex: next - 1 })]);
    }
  });

  it('ignores a rejection that answers an older probe', () => {
    const ctx: StepContext = at(peersOf('n1', 3), DEFAULT_CONFIG.raft);
    const l = leaderOf(3, entries(1, 1, 1), 2, true);
    const stale: Input = msg({
      type: 'AppendEntriesResponse', from: 'n2', to: 'n1', term: 2, success: false, matchIndex: 0, rejectedIndex: 1, hintIndex: 0, hintTerm: 0, round: 0,
    });
    const r = step(l, stale, ctx);
    expect(r.outbox).toHaveLength(0);
    expect(r.records).toEqual([expect.objectContaining({ type: 'staleResponse' })]);
  });

  it('a follower refuses client requests and names the leader it knows', () => {
    const f: NodeState = { ...node('n2', 3, []), volatile: { role: 'follower', commitIndex: 0, leader: 'n1', leaderHeardAt: 0, restartedAt: null, machine: emptyMachine() } };
    const r = stepFrozen(f, { kind: 'propose', value: 'x' });
    expect(r.node).toBe(f);
    expect(r.records).toEqual([{ type: 'proposalRefused', node: 'n2', value: 'x', why: 'not-leader', leader: 'n1' }]);
  });

  it('a crashed node ignores every input', () => {
    const down: NodeState = { ...node('n1', 3, []), volatile: null };
    const r = step(down, { kind: 'electionTimeout', forced: true }, ctx3);
    expect(r.node).toBe(down);
    expect(r.outbox).toHaveLength(0);
  });
});
