import { describe, expect, it } from 'vitest';
import { whyWorld } from '../testing/whyWorld.ts';
import { whyEntry } from './whyEntry.ts';

/** Five nodes: n1 leads term 3 and has index 5 ("v2") on n1 and n2 only. */
const fresh = whyWorld({
  logs: { n1: [1, 1, 2, 3, [3, 'v2']], n2: [1, 1, 2, 3, [3, 'v2']], n3: [1, 1, 2, 3], n4: [1, 1, 2, 3], n5: [1, 1, 2, 3] },
  nodes: { n1: { role: 'leader', term: 3, commitIndex: 4 }, n2: { term: 3, commitIndex: 3 } },
  leader: 'n1',
});

describe('whyEntry', () => {
  it('an entry on too few nodes is not committed: a majority must store it (§5.3)', () => {
    expect(whyEntry(fresh, 'n1', 5)).toBe('Index 5, term 3, value "v2", on n1, n2 (2 of 5 nodes). Not committed: a majority (3) must store it (§5.3).');
  });

  it('committed on the leader, and on a follower that learned it from leaderCommit', () => {
    expect(whyEntry(fresh, 'n1', 4)).toContain('Committed: n1 counted it on a majority');
    expect(whyEntry(fresh, 'n2', 3)).toContain('Committed: the leader told n2 so in leaderCommit (Figure 2)');
  });

  it('committed by the leader but not yet known to the follower', () => {
    expect(whyEntry(fresh, 'n2', 4)).toContain('Committed by leader n1; n2 learns so from leaderCommit in its next AppendEntries (Figure 2).');
  });

  it('the puzzling case: on a majority but from an older term than the leader, so not committed (§5.4.2)', () => {
    // Figure 8 (c).
    const w = whyWorld({
      logs: { n1: [1, 2], n2: [1, 2], n3: [1, 2], n4: [1], n5: [1, 3] },
      nodes: { n1: { role: 'leader', term: 4, commitIndex: 1 }, n2: { commitIndex: 1 }, n3: { commitIndex: 1 } },
      leader: 'n1',
    });
    for (const node of ['n1', 'n3']) {
      const text = whyEntry(w, node, 2)!;
      expect(text).toContain('on n1, n2, n3 (3 of 5 nodes)');
      expect(text).toContain('Not committed, although a majority stores it: it is from term 2, and leader n1 (term 4) commits by counting only entries of its own term.');
      expect(text).toMatch(/\(§5\.4\.2\)\.$/);
    }
  });

  it('an entry that conflicts with the leader will be deleted (§5.3)', () => {
    const w = whyWorld({ logs: { n1: [1, 4], n2: [1, 2], n3: [1, 4] }, nodes: { n1: { role: 'leader', term: 4, commitIndex: 1 } }, leader: 'n1' });
    expect(whyEntry(w, 'n2', 2)).toContain("Not committed, and it conflicts with n1's entry at index 2 (term 4): n2 will delete it, and every entry after it, when n1 repairs its log (§5.3).");
  });

  it("an extra entry past the end of the leader's log may be overwritten (§5.3)", () => {
    const w = whyWorld({ logs: { n1: [1, 6], n2: [1, 6, 6], n3: [1, 6] }, nodes: { n1: { role: 'leader', term: 8, commitIndex: 2 } }, leader: 'n1' });
    expect(whyEntry(w, 'n2', 3)).toContain("Not committed, and n1's log ends at 2: this extra entry will be overwritten if n1 sends a different one for index 3 (§5.3).");
  });

  it('with no leader, an entry on a majority is not known to be committed', () => {
    const w = whyWorld({ logs: { n1: [1, 6], n2: [1, 6], n3: [1] }, nodes: { n1: { commitIndex: 1 } } });
    expect(whyEntry(w, 'n1', 2)).toContain('Not committed as far as n1 knows, although a majority stores it: no leader has counted it.');
    expect(whyEntry(w, 'n1', 2)).toContain('(§5.4.2)');
  });

  it('a crashed node keeps its entries (Figure 2), and a no-op says why it is there (§8)', () => {
    const w = whyWorld({ logs: { n1: [[2, null]], n2: [[2, null]], n3: [] }, nodes: { n2: { role: 'down', up: false } } });
    const text = whyEntry(w, 'n2', 1)!;
    expect(text).toContain("Index 1, term 2, a leader's no-op, on n1, n2 (2 of 3 nodes).");
    expect(text).toContain('n2 is down but kept it: the log is persistent state (Figure 2).');
    expect(text).toContain('so that the entries before it can be committed (§8)');
  });

  it('nothing for an entry that is not there', () => {
    expect(whyEntry(fresh, 'n3', 5)).toBeNull();
    expect(whyEntry(fresh, 'n9', 1)).toBeNull();
  });

  it('reads entries by index when logs start after snapshots, and counts a node that compacted the entry as storing it (§7)', () => {
    // n1 leads and compacted 1..4; n2 holds 1..5 from the start; n3 is behind at 3.
    const w = whyWorld({
      logs: { n1: [[3, 'v2']], n2: [1, 1, 2, 3, [3, 'v2']], n3: [1, 1, 2] },
      starts: { n1: [4, 3] },
      nodes: { n1: { role: 'leader', term: 3, commitIndex: 5 }, n2: { term: 3, commitIndex: 4 } },
      leader: 'n1',
    });
    // n1's first held entry is index 5, not index 1.
    expect(whyEntry(w, 'n1', 5)).toContain('Index 5, term 3, value "v2", on n1, n2 (2 of 3 nodes).');
    expect(whyEntry(w, 'n1', 4)).toBeNull();
    // n2's index 4 is inside n1's snapshot: stored there, and committed.
    const four = whyEntry(w, 'n2', 4)!;
    expect(four).toContain('on n2 (1 of 3 nodes)');
    expect(four).toContain('n1 already compacted it into a snapshot (Figure 12)');
    expect(four).toContain('Committed: the leader told n2 so');
  });
});
