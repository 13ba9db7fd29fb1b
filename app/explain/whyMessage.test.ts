import { describe, expect, it } from 'vitest';
import { inFlight, whyWorld } from '../testing/whyWorld.ts';
import { whyMessage } from './whyMessage.ts';

const append = (id: number, to: string, prevLogIndex: number, prevLogTerm: number, entryTerms: number[] = []) =>
  inFlight(id, { type: 'AppendEntries', from: 'n1', to, term: 8, prevLogIndex, prevLogTerm, entryCount: entryTerms.length, entryTerms, leaderCommit: 8, round: 0 });

const logs = { n1: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 8], n3: [1, 1, 1, 4], n7: [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3] };

describe('whyMessage', () => {
  it('AppendEntries: its fields, the consistency check, and that the receiver will reject (§5.3)', () => {
    const w = whyWorld({ logs, nodes: { n3: { term: 8 }, n7: { term: 8 } }, messages: [append(1, 'n3', 10, 6, [6, 8]), append(2, 'n7', 10, 6, [6, 8])] });
    const to3 = whyMessage(w, 1)!;
    expect(to3).toContain('AppendEntries n1→n3, term 8: 2 entries (terms 6 8) to store after index 10, whose entry must have term 6.');
    expect(to3).toContain('(§5.3)');
    expect(to3).toContain('n1 has committed up to index 8 (leaderCommit)');
    expect(to3).toContain('As things stand, n3 will reject: it has no entry at index 10 (its log ends at 4).');
    expect(whyMessage(w, 2)).toContain('As things stand, n7 will reject: its entry at index 10 has term 3, not 6.');
  });

  it('a heartbeat resets the election timer (§5.2), and one that matches is accepted', () => {
    const w = whyWorld({ logs: { n1: [1, 1], n2: [1, 1] }, nodes: { n2: { term: 8 } }, messages: [append(3, 'n2', 2, 1)] });
    const text = whyMessage(w, 3)!;
    expect(text).toContain('with no entries: a heartbeat');
    expect(text).toContain("resets n2's election timer (§5.2)");
    expect(text).toContain('As things stand, n2 will accept.');
  });

  it('RequestVote: what the candidate asks, and what the voter will answer (§5.2, §5.4.1)', () => {
    const ask = (id: number, to: string) => inFlight(id, { type: 'RequestVote', from: 'n1', to, term: 8, preVote: false, transfer: false, lastLogIndex: 10, lastLogTerm: 6 });
    const w = whyWorld({
      logs: { n1: [1, 6], n2: [1, 6], n4: [1, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6], n5: [1, 7], n6: [1, 1] },
      nodes: { n2: { term: 8, votedFor: 'n6' }, n6: { term: 9 } },
      messages: [ask(1, 'n2'), ask(2, 'n4'), ask(3, 'n5'), ask(4, 'n6')],
    });
    expect(whyMessage(w, 1)).toContain('RequestVote n1→n2, term 8: n1 asks n2 for its vote in term 8; its last entry is index 10, term 6.');
    expect(whyMessage(w, 1)).toContain('As things stand, n2 will refuse: it already voted for n6 in term 8 (§5.2).');
    expect(whyMessage(w, 2)).toContain('As things stand, n4 will refuse: its own log is more up-to-date (it ends at index 11, term 6) (§5.4.1).');
    expect(whyMessage(w, 3)).toContain('n5 will refuse');
    expect(whyMessage(w, 4)).toContain('As things stand, n6 is at term 9: it will refuse, and n1 will step down (§5.1).');
  });

  it('a pre-vote request to a node that heard from its leader within the minimum election timeout gets a no (thesis §9.6)', () => {
    // The request arrives at 10 ms; n2 heard from n3 at 0 ms, inside the 100 ms lease.
    const w = whyWorld({
      logs: { n1: [1], n2: [1] },
      nodes: { n2: { term: 1, leader: 'n3', leaderHeardAt: 0 } },
      messages: [inFlight(5, { type: 'RequestVote', from: 'n1', to: 'n2', term: 2, preVote: true, transfer: false, lastLogIndex: 1, lastLogTerm: 1 })],
    });
    const text = whyMessage(w, 5)!;
    expect(text).toContain('RequestVote (pre-vote) n1→n2, term 2');
    expect(text).toContain(
      `As things stand, n2 will say no: when this arrives it will have heard from leader n3 10 ms before, less than the minimum election timeout ${w.config.election.min} ms (thesis §9.6).`,
    );
  });

  it('a pre-vote request gets a yes once the lease has run out, even if the voter still names a leader (thesis §9.6)', () => {
    // The leader was last heard long before the request arrives: it may have crashed.
    const w = whyWorld({
      logs: { n1: [1], n2: [1] },
      nodes: { n2: { term: 1, leader: 'n3', leaderHeardAt: -1000 } },
      messages: [inFlight(5, { type: 'RequestVote', from: 'n1', to: 'n2', term: 2, preVote: true, transfer: false, lastLogIndex: 1, lastLogTerm: 1 })],
    });
    expect(whyMessage(w, 5)).toContain('As things stand, n2 will say yes.');
  });

  it('a vote granted to a candidate: its tally and what a majority brings', () => {
    const w = whyWorld({
      logs: { n1: [1], n2: [1], n3: [1] },
      nodes: { n1: { role: 'candidate', term: 2, votes: { n1: true } } },
      messages: [inFlight(6, { type: 'RequestVoteResponse', from: 'n2', to: 'n1', term: 2, granted: true, preVote: false })],
    });
    expect(whyMessage(w, 6)).toBe(
      'RequestVoteResponse n2→n1, term 2: n2 grants n1 its vote. n1 has 1 of the 2 votes it needs; with a majority it becomes leader (§5.2).',
    );
  });

  it('a rejection with its hint: backed off by the hint or by one, as the probing rule says (§5.3)', () => {
    const reply = inFlight(7, { type: 'AppendEntriesResponse', from: 'n3', to: 'n1', term: 8, success: false, matchIndex: 0, rejectedIndex: 10, hintIndex: 4, hintTerm: 4, round: 0 });
    const base = { logs: { n1: [1], n3: [1] }, nodes: { n1: { role: 'leader' as const, term: 8 } }, messages: [reply] };
    expect(whyMessage(whyWorld(base), 7)).toContain('Its hint: index 4, term 4. n1 moves n3\'s nextIndex back, using the hint');
    expect(whyMessage(whyWorld({ ...base, raft: { probe: 'naive' } }), 7)).toContain('back by one and tries again (§5.3).');
  });

  it('an accepted AppendEntries raises matchIndex and may commit (Figure 2, §5.3)', () => {
    const w = whyWorld({
      logs: { n1: [1], n2: [1] },
      nodes: { n1: { role: 'leader', term: 1 } },
      messages: [inFlight(8, { type: 'AppendEntriesResponse', from: 'n2', to: 'n1', term: 1, success: true, matchIndex: 1, rejectedIndex: 0, hintIndex: 0, hintTerm: 0, round: 0 })],
    });
    expect(whyMessage(w, 8)).toContain("n2 accepted; its log matches n1's up to index 1.");
    expect(whyMessage(w, 8)).toContain('(Figure 2, §5.3)');
  });

  it('a message to a crashed node or over a cut link will be lost, and nothing for one delivered', () => {
    const w = whyWorld({
      logs: { n1: [1], n2: [1], n3: [1] },
      nodes: { n2: { role: 'down', up: false } },
      cuts: ['n1-n3'],
      messages: [append(9, 'n2', 1, 1), append(10, 'n3', 1, 1)],
    });
    expect(whyMessage(w, 9)).toContain('n2 is down, so it will be lost; Raft retries (§5.5).');
    expect(whyMessage(w, 10)).toContain('The link n1-n3 is cut, so it will be lost');
    expect(whyMessage(w, 11)).toBeNull();
  });

  it('AppendEntries across a snapshot boundary: checked at the log start by the term the snapshot keeps, and below it always matching (§7)', () => {
    // n2's log starts after a snapshot up to 5 (term 4) and holds 6..7; by position its entries would be indexes 1..2.
    const w = whyWorld({
      logs: { n1: [1, 1, 1, 4, 4, 5, 5, 6], n2: [5, 5] },
      starts: { n2: [5, 4] },
      nodes: { n2: { term: 8 } },
      messages: [append(1, 'n2', 5, 4, [5, 5, 6]), append(2, 'n2', 7, 5, [6]), append(3, 'n2', 3, 1, [4, 4]), append(4, 'n2', 6, 4, [])],
    });
    expect(whyMessage(w, 1)).toContain("will accept: index 5 is its snapshot's last entry, whose term 4 the snapshot keeps for this check");
    expect(whyMessage(w, 2)).toContain('As things stand, n2 will accept.');
    expect(whyMessage(w, 3)).toContain('will accept: index 3 is inside its snapshot (up to 5)');
    expect(whyMessage(w, 4)).toContain('will reject: its entry at index 6 has term 5, not 4');
  });

  it('InstallSnapshot: Figure 13\'s fields, the state it carries, and whether the follower keeps its log, discards it, or ignores the snapshot', () => {
    const machine = { lastApplied: 6, data: { x: 'abc' }, sessions: { c1: { serial: 4, result: '' } } };
    const install = (id: number, to: string, lastIncludedIndex: number, lastIncludedTerm: number) =>
      inFlight(id, { type: 'InstallSnapshot', from: 'n1', to, term: 5, lastIncludedIndex, lastIncludedTerm, offset: 0, data: { machine, config: { voters: ['n1', 'n2', 'n3'], outgoing: [], learners: [] } }, done: true, round: 0 });
    const w = whyWorld({
      logs: { n1: [], n2: [1, 1, 2, 2, 2, 2, 2], n3: [1, 1, 3] },
      starts: { n1: [6, 2] },
      nodes: { n2: { term: 5 }, n3: { term: 5 } },
      machines: { n1: machine, n2: { ...machine, lastApplied: 2 }, n3: { ...machine, lastApplied: 1 } },
      messages: [install(1, 'n2', 6, 2), install(2, 'n3', 6, 2), install(3, 'n2', 2, 1)],
    });
    const keep = whyMessage(w, 1)!;
    expect(keep).toContain('InstallSnapshot n1→n2, term 5');
    expect(keep).toContain('lastIncludedIndex 6, lastIncludedTerm 2');
    expect(keep).toContain('the key-value map (1 key: x="abc") and the session table (1 client: c1 last applied #4)');
    expect(keep).toContain('will install it and keep the entries after 6');
    expect(keep).toContain('(Figure 13)');
    expect(whyMessage(w, 2)).toContain('will install it and discard its whole log (it ends at 3)');
    expect(whyMessage(w, 3)).toContain('will ignore it: it has already applied up to index 2, past the snapshot');
  });
});
