import { describe, expect, it } from 'vitest';
import type { NodeView } from '../worker/viewModel.ts';
import { logWords, nodeName, roleWords } from './nodeWords.ts';

const node = (over: Partial<NodeView>): NodeView => ({
  id: 'n3',
  up: true,
  role: 'follower',
  term: 8,
  votedFor: null,
  commitIndex: 11,
  leader: null,
  logLength: 11,
  pre: false,
  leaderHeardAt: null,
  votes: null,
  progress: null,
  electionTimer: null,
  heartbeatTimer: null,
  change: null,
  transfer: null,
  ...over,
});

describe('nodeName', () => {
  it('names the role, term, log length and commit point', () => {
    expect(nodeName(node({}), 5, false)).toBe('n3, follower, term 8, 11 entries, commit 11');
    expect(nodeName(node({ role: 'leader', id: 'n1' }), 5, false)).toBe('n1, leader, term 8, 11 entries, commit 11');
  });

  it('a candidate: its votes, out of the majority it needs', () => {
    const candidate = node({ role: 'candidate', term: 9, votes: { n3: true, n1: true, n2: false } });
    expect(nodeName(candidate, 5, false)).toBe('n3, candidate, 2 of 3 votes, term 9, 11 entries, commit 11');
    expect(nodeName({ ...candidate, pre: true }, 7, false)).toBe('n3, pre-candidate, 2 of 4 pre-votes, term 9, 11 entries, commit 11');
  });

  it('a crashed node keeps its log but not its commit index; a violation is named', () => {
    expect(nodeName(node({ role: 'down', up: false, logLength: 1 }), 5, true)).toBe('n3, crashed, term 8, 1 entry, involved in a safety violation');
  });
});

describe('roleWords and logWords', () => {
  it('are what the view writes', () => {
    expect(roleWords(node({ role: 'leader' }), 5)).toEqual(['LEADER', null]);
    expect(logWords(true, 0, 0)).toBe('0 entries, commit 0');
  });
});

describe('roleWords in a configuration (§6)', () => {
  const joint = { voters: ['n3', 'n4', 'n5'], outgoing: ['n1', 'n2', 'n3'], learners: [] };
  it("counts a candidate's votes in its own configuration, not the cluster's size", () => {
    const c = node({ role: 'candidate', votes: { n1: true, n2: false } });
    expect(roleWords(c, { voters: ['n1', 'n2', 'n3'], outgoing: [], learners: [] })).toEqual(['candidate', '1 of 2 votes']);
  });

  it('counts per half while joint: granted of the half, ✓ once a majority of it', () => {
    const c = node({ id: 'n3', role: 'candidate', votes: { n3: true, n1: true, n4: false } });
    expect(roleWords(c, joint)).toEqual(['candidate', 'old 2/3 ✓ · new 1/3']);
  });

  it('says what a node is when it is not a plain voter', () => {
    expect(nodeName(node({}), 5, false, 'learner')).toBe('n3, follower, learner, term 8, 11 entries, commit 11');
    expect(nodeName(node({}), 5, false, 'none')).toBe('n3, follower, not a member, term 8, 11 entries, commit 11');
  });
});
