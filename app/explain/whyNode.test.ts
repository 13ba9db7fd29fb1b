import { describe, expect, it } from 'vitest';
import { whyWorld } from '../testing/whyWorld.ts';
import { whyNode } from './whyNode.ts';

const eleven = [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 8];
const progress = (match: number, next = match + 1) => ({ next, match, inflight: false, rejections: 0, state: 'replicate' as const, pendingSnapshot: 0 });

describe('whyNode', () => {
  it('a follower: its term, vote, leader, log, and the election it will start (§5.2)', () => {
    const w = whyWorld({ logs: { n1: eleven, n3: eleven }, nodes: { n3: { term: 8, votedFor: 'n1', commitIndex: 11, leader: 'n1' } } });
    const text = whyNode(w, 'n3')!;
    expect(text).toContain('n3 is a follower in term 8. It voted for n1 in this term.');
    expect(text).toContain('It follows n1, whose AppendEntries reset its election timer.');
    expect(text).toContain('Its log has 11 entries, 11 committed.');
    expect(text).toContain('It will start an election if it hears nothing from a leader before its timer runs out (§5.2).');
  });

  it('a follower with PreVote on asks for pre-votes first (thesis §9.6)', () => {
    const w = whyWorld({ logs: { n1: [1], n2: [1] }, raft: { prevote: true } });
    expect(whyNode(w, 'n2')).toContain('it asks for pre-votes, then starts an election (§5.2, thesis §9.6)');
    expect(whyNode(w, 'n2')).toContain('It has not voted in this term.');
  });

  it('a leader: heartbeats, and why its commit index stops at an old-term entry on a majority (§5.4.2)', () => {
    // Figure 8 (c): n1 leads term 4 and index 2 (term 2) is on n1, n2, n3.
    const w = whyWorld({
      logs: { n1: [1, 2], n2: [1, 2], n3: [1, 2], n4: [1], n5: [1, 3] },
      nodes: { n1: { role: 'leader', term: 4, commitIndex: 1, progress: { n2: progress(2), n3: progress(2), n4: progress(1), n5: progress(0, 2) } } },
      leader: 'n1',
    });
    const text = whyNode(w, 'n1')!;
    expect(text).toContain('n1 is the leader of term 4. It sends heartbeats every 50 ms');
    expect(text).toContain('committed up to index 1');
    expect(text).toContain('Index 2 is on a majority but is from term 2: it waits until an entry of term 4 reaches a majority');
    expect(text).toContain('(§5.4.2)');
    expect(text).toContain('It is still sending entries to n4, n5');
  });

  it('a leader whose every entry is on a majority has them all committed', () => {
    const w = whyWorld({
      logs: { n1: [1, 1], n2: [1, 1], n3: [1, 1] },
      nodes: { n1: { role: 'leader', term: 1, commitIndex: 2, progress: { n2: progress(2), n3: progress(2) } } },
      leader: 'n1',
      raft: { checkquorum: true },
    });
    const text = whyNode(w, 'n1')!;
    expect(text).toContain('A majority stores every entry, so all are committed (§5.3).');
    expect(text).not.toContain('still sending');
    expect(text).toContain('(thesis §6.2)');
  });

  it('a candidate: votes so far of those it needs, and what ends its election', () => {
    const w = whyWorld({
      logs: { n1: [1], n2: [1], n3: [1], n4: [1], n5: [1] },
      nodes: { n1: { role: 'candidate', term: 2, votedFor: 'n1', votes: { n1: true, n2: true, n3: false } } },
    });
    const text = whyNode(w, 'n1')!;
    expect(text).toContain('n1 is a candidate in term 2: it voted for itself and has 2 of the 3 votes it needs (1 refused) (§5.2).');
    expect(text).toContain('a split vote');
  });

  it('a pre-candidate asks about the next term without raising its own', () => {
    const w = whyWorld({ logs: { n1: [1], n2: [1], n3: [1] }, nodes: { n1: { role: 'candidate', pre: true, term: 1, votes: { n1: true } } } });
    expect(whyNode(w, 'n1')).toContain('n1 is a pre-candidate: still in term 1, it asks whether a majority would vote for it in term 2');
    expect(whyNode(w, 'n1')).toContain('It has 1 of the 2 pre-votes it needs.');
  });

  it('a crashed node: what it kept (Figure 2) and what it lost', () => {
    const w = whyWorld({ logs: { n1: [1, 1, 5], n2: [1] }, nodes: { n1: { role: 'down', up: false, term: 5, votedFor: 'n2' } } });
    const text = whyNode(w, 'n1')!;
    expect(text).toContain('n1 is down. It kept its persistent state: term 5, its vote for n2, and its log of 3 entries (Figure 2).');
    expect(text).toContain('It lost its role, its commit index and its timers');
  });

  it('says when the node is involved in a safety violation, and nothing for an unknown node', () => {
    const violation = { invariant: 'ElectionSafety' as const, event: 3, time: 30, detail: '', nodes: ['n2'], index: null };
    const w = whyWorld({ logs: { n1: [1], n2: [1] }, violations: [violation] });
    expect(whyNode(w, 'n2')).toContain('involved in a safety violation');
    expect(whyNode(w, 'n1')).not.toContain('violation');
    expect(whyNode(w, 'n9')).toBeNull();
  });
});
