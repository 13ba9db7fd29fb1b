/**
 * The hover explanations in a cluster whose configuration is not simply every
 * node (§6): configuration entries, learners, servers outside the configuration,
 * a leader that is removing itself, joint majorities, TimeoutNow and the votes of
 * a leadership transfer.
 */
import { describe, expect, it } from 'vitest';
import type { LogEntry, Membership, NodeId } from '../../engine/types.ts';
import { membership } from '../../engine/raft/configs.ts';
import { inFlight, whyWorld, type WorldSpec } from '../testing/whyWorld.ts';
import type { WhyWorld } from './whyWorld.ts';
import { nodeConfig } from './nodeConfig.ts';
import { whyEntry } from './whyEntry.ts';
import { whyMessage } from './whyMessage.ts';
import { whyNode } from './whyNode.ts';

const cfg = (term: number, config: Membership): LogEntry => ({ term, kind: 'config', config });

/** A world from `spec`, then with `extra` entries appended to the named logs and the cluster's initial voters set. */
function world(spec: WorldSpec, extra: Readonly<Record<NodeId, readonly LogEntry[]>>, members: readonly NodeId[] | null = null): WhyWorld {
  const w = whyWorld(spec);
  const logs = { ...w.logs };
  for (const [id, entries] of Object.entries(extra)) logs[id] = { ...logs[id], entries: [...logs[id].entries, ...entries] };
  return { ...w, logs, config: { ...w.config, members } };
}

const progress = (match: number) => ({ next: match + 1, match, inflight: false, rejections: 0, state: 'replicate' as const, pendingSnapshot: 0 });

describe('nodeConfig', () => {
  it('is the latest configuration entry in the log, committed or not; else the snapshot’s; else the initial one (§6)', () => {
    const withLearner = membership(['n1', 'n2', 'n3'], [], ['n4']);
    const w = world({ logs: { n1: [1], n2: [1], n3: [1], n4: [] } }, { n1: [cfg(1, withLearner)] }, ['n1', 'n2', 'n3']);
    expect(nodeConfig(w, 'n1')).toEqual(withLearner);
    expect(nodeConfig(w, 'n2')).toEqual(membership(['n1', 'n2', 'n3']));
    const snap = { index: 4, term: 1, machine: { lastApplied: 4, data: {}, sessions: {} }, config: membership(['n2', 'n3', 'n4']) };
    expect(nodeConfig({ ...w, snapshots: { ...w.snapshots, n4: snap } }, 'n4')).toEqual(membership(['n2', 'n3', 'n4']));
  });
});

describe('whyNode in a changing membership', () => {
  it('says nothing of configurations when every node votes, as before', () => {
    const w = whyWorld({ logs: { n1: [1], n2: [1], n3: [1] } });
    expect(whyNode(w, 'n2')).not.toContain('configuration');
  });

  it('a learner receives entries but neither votes nor campaigns (thesis §4.2.1)', () => {
    const w = world({ logs: { n1: [1], n2: [1], n3: [1], n4: [1] } }, { n1: [cfg(1, membership(['n1', 'n2', 'n3'], [], ['n4']))], n4: [cfg(1, membership(['n1', 'n2', 'n3'], [], ['n4']))] }, ['n1', 'n2', 'n3']);
    const text = whyNode(w, 'n4')!;
    expect(text).toContain('It is a learner in its configuration, n1,n2,n3 learners n4: it receives entries, but neither votes nor counts toward a majority, and starts no election.');
    expect(text).toContain('(thesis §4.2.1)');
    expect(text).not.toContain('It will start an election');
    expect(whyNode(w, 'n2')).toContain('It is a voter of its configuration, n1,n2,n3 (§6).');
  });

  it('a server outside the configuration neither votes nor campaigns (§6)', () => {
    const w = world({ logs: { n1: [1], n2: [1], n3: [1], n4: [], n5: [] } }, {}, ['n1', 'n2', 'n3']);
    const text = whyNode(w, 'n5')!;
    expect(text).toContain('It is not in the configuration it uses, n1,n2,n3: it neither votes nor campaigns, and its election timer is stopped until a change adds it (§6).');
    expect(text).not.toContain('start an election');
  });

  it('a leader removing itself leads without counting itself, then steps down (§6)', () => {
    const cNew = membership(['n2', 'n3', 'n4']);
    const logs = { n1: [1, 1], n2: [1, 1], n3: [1, 1], n4: [1, 1] };
    const w = world(
      { logs, leader: 'n1', nodes: { n1: { role: 'leader', term: 1, commitIndex: 2, logLength: 3, progress: { n2: progress(3), n3: progress(2), n4: progress(2) } } } },
      { n1: [cfg(1, cNew)], n2: [cfg(1, cNew)] },
    );
    const text = whyNode(w, 'n1')!;
    expect(text).toContain('It is not among the voters of its configuration, n2,n3,n4: it leads until that configuration has committed, without counting itself, then steps down (§6).');
    // Index 3 is on n1 and n2 only: a majority of all four, but n1 does not count in n2,n3,n4.
    expect(text).toContain('Entries after 2 are not yet known to be on a majority');
  });

  it('a candidate of a joint configuration needs a majority of each half (§6)', () => {
    const joint = membership(['n3', 'n4', 'n5'], ['n1', 'n2', 'n3']);
    const w = world(
      { logs: { n1: [1], n2: [1], n3: [1], n4: [1], n5: [1] }, nodes: { n3: { role: 'candidate', term: 2, votedFor: 'n3', votes: { n3: true, n4: true } } } },
      { n3: [cfg(1, joint)] },
    );
    const text = whyNode(w, 'n3')!;
    expect(text).toContain('it voted for itself and has 2 votes; it needs a majority of n1,n2,n3 and a majority of n3,n4,n5');
    expect(text).toContain('It is joint (C_old,new): every election and every commitment needs a majority of n1,n2,n3 and a majority of n3,n4,n5 (§6).');
  });
});

describe('whyEntry for configuration entries', () => {
  it('names the configuration, when servers use it, and what a joint one asks of a majority (§6)', () => {
    const joint = membership(['n3', 'n4', 'n5'], ['n1', 'n2', 'n3']);
    const w = world({ logs: { n1: [1], n2: [1], n3: [1], n4: [1], n5: [1] }, leader: 'n1', nodes: { n1: { role: 'leader', term: 1, commitIndex: 1 } } }, { n1: [cfg(1, joint)], n2: [cfg(1, joint)], n4: [cfg(1, joint)] });
    const text = whyEntry(w, 'n1', 2)!;
    expect(text).toContain('Index 2, term 1, the joint configuration n1,n2,n3 -> n3,n4,n5, on n1, n2, n4 (3 of 5 nodes).');
    expect(text).toContain('Every server that stores it uses it from that moment, committed or not (§6).');
    expect(text).toContain('needs a majority of the old voters, n1,n2,n3, and a majority of the new, n3,n4,n5');
    // n1, n2, n4 are 3 of 5, but only one of the new half's n3,n4,n5: not a quorum of the joint configuration.
    expect(text).toContain('Not committed: a majority of n1,n2,n3 and a majority of n3,n4,n5 must store it (§5.3).');
  });

  it('a learners entry names the learners (thesis §4.2.1)', () => {
    const c = membership(['n1', 'n2', 'n3'], [], ['n4']);
    const w = world({ logs: { n1: [1], n2: [1], n3: [1], n4: [] } }, { n1: [cfg(1, c)] }, ['n1', 'n2', 'n3']);
    expect(whyEntry(w, 'n1', 2)).toContain('configuration n1,n2,n3 learners n4');
    expect(whyEntry(w, 'n1', 2)).toContain('n4 is a learner: receiving entries to catch up, not yet voting (thesis §4.2.1).');
  });

  it('counts a majority of the configuration’s voters, not of every node', () => {
    // members=n1,n2,n3 in a cluster of five: two of the three voters are a majority.
    const w = world({ logs: { n1: [1, 1], n2: [1, 1], n3: [1], n4: [], n5: [] }, leader: 'n1', nodes: { n1: { role: 'leader', term: 1, commitIndex: 1 } } }, {}, ['n1', 'n2', 'n3']);
    expect(whyEntry(w, 'n1', 2)).toContain('Not committed yet: a majority stores it');
  });
});

describe('whyMessage: TimeoutNow and the votes of a transfer (thesis §3.10)', () => {
  it('TimeoutNow: what it tells the target, and what the target will do', () => {
    const w = whyWorld({ logs: { n1: [1], n2: [1], n3: [1] }, nodes: { n1: { role: 'leader', term: 1 } }, messages: [inFlight(4, { type: 'TimeoutNow', from: 'n1', to: 'n3', term: 1 })] });
    const text = whyMessage(w, 4)!;
    expect(text).toContain('TimeoutNow n1→n3, term 1: leader n1 is handing its leadership to n3, whose log now matches its own, and tells it to start an election at once');
    expect(text).toContain('(thesis §3.10)');
    expect(text).toContain('As things stand, n3 will campaign for term 2 at once');
  });

  it('a transfer’s RequestVote is not ignored for a live leader, and says so', () => {
    const vote = (id: number, transfer: boolean) => inFlight(id, { type: 'RequestVote', from: 'n3', to: 'n2', term: 2, preVote: false, transfer, lastLogIndex: 1, lastLogTerm: 1 });
    const w = whyWorld({ logs: { n1: [1], n2: [1], n3: [1] }, raft: { checkquorum: true }, nodes: { n2: { term: 1, leader: 'n1', leaderHeardAt: 0 } }, messages: [vote(1, true), vote(2, false)] });
    const transfer = whyMessage(w, 1)!;
    expect(transfer).toContain('RequestVote n3→n2, term 2, for a leadership transfer');
    expect(transfer).toContain('As things stand, n2 will grant it.');
    // Without the transfer flag, CheckQuorum's voters ignore it while they hear from their leader (§6).
    expect(whyMessage(w, 2)).toContain(
      'As things stand, n2 will ignore it, neither adopting term 2 nor voting: when this arrives it will have heard from leader n1 10 ms before, less than the minimum election timeout',
    );
    expect(whyMessage(w, 2)).toContain('such as a removed one, cannot disrupt the cluster (§6).');
    // Without CheckQuorum (or leases) the vote is judged as usual.
    const off = whyWorld({ logs: { n1: [1], n2: [1], n3: [1] }, nodes: { n2: { term: 1, leader: 'n1', leaderHeardAt: 0 } }, messages: [vote(2, false)] });
    expect(whyMessage(off, 2)).toContain('As things stand, n2 will grant it.');
  });
});
