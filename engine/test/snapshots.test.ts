/**
 * Log compaction (§7, Figures 12 and 13) end to end and rule by rule: a
 * follower that was down while the log went past two snapshots is caught up
 * by InstallSnapshot; the receiver's rules; the leader's Probe / Replicate /
 * Snapshot states; restarts from a snapshot; and the two properties that
 * guard compaction, each shown to fire.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../events.ts';
import { parseScript } from '../scenario/parse.ts';
import { linearizability, newSession, runScript } from '../scenario/run.ts';
import { currentLeader, type ClusterState } from '../sim/cluster.ts';
import type { FollowerNode, InstallSnapshot, LogEntry, NodeState, Snapshot } from '../types.ts';
import { commandEntry } from '../raft/entry.ts';
import { entryAt, lastIndex, logEntries, logOf } from '../raft/log.ts';
import { createNode, step } from '../raft/node.ts';
import { nodeContext, at } from '../raft/context.ts';
import { DEFAULT_CONFIG } from '../config.ts';
import { emptyChecker, checkNodeChange } from '../check/invariants.ts';
import { runText, votersOf } from './helpers.ts';
import { explain } from '../explain/explain.ts';

interface Sample {
  readonly event: number;
  readonly up: boolean;
  readonly lastApplied: number;
  readonly snapshot: number;
  readonly logStart: number;
}

/** Run a script, sampling one node after every record (the simulator emits after storing the new state). */
function runWatching(text: string, node: string): { s: ClusterState; records: EventRecord[]; samples: Sample[] } {
  const parsed = parseScript(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const session = newSession();
  const records: EventRecord[] = [];
  const samples: Sample[] = [];
  const r = runScript(parsed.script, (rec) => {
    records.push(rec);
    const n = session.cluster!.nodes[node];
    samples.push({
      event: rec.event,
      up: n.volatile !== null,
      lastApplied: n.volatile?.machine.lastApplied ?? -1,
      snapshot: n.persistent.snapshot?.index ?? 0,
      logStart: n.persistent.log.start,
    });
  }, session);
  if (r.failure !== null) throw new Error(JSON.stringify(r.failure));
  return { s: session.cluster!, records, samples };
}

const CATCH_UP = `
cluster nodes=5 seed=3 clients=2 snapshot=10
run 1s
crash n5
workload ops=60 rate=40/s keys=3
run 4s
restart n5
run 2s
expect safe
expect linearizable
`;

describe('a follower down while the log went past two snapshots is caught up by InstallSnapshot', () => {
  const before = runText(CATCH_UP.slice(0, CATCH_UP.indexOf('restart n5'))).cluster;
  const { s, records, samples } = runWatching(CATCH_UP, 'n5');
  const leader = currentLeader(s)!;

  it('while it was down, the leader compacted its log at least twice past the end of the follower\'s log', () => {
    const l = currentLeader(before)!;
    const snaps = runText(CATCH_UP.slice(0, CATCH_UP.indexOf('restart n5'))).records.filter((r) => r.type === 'snapshotTaken' && r.node === l);
    expect(snaps.length).toBeGreaterThanOrEqual(2);
    expect(before.nodes[l].persistent.log.start).toBeGreaterThan(lastIndex(before.nodes.n5.persistent.log) + 10);
  });

  it('it is caught up by InstallSnapshot: sent, installed, counted in stats.byType', () => {
    expect(s.stats.byType.InstallSnapshot).toBeGreaterThanOrEqual(1);
    expect(s.stats.byType.InstallSnapshotResponse).toBeGreaterThanOrEqual(1);
    const installed = records.filter((r) => r.type === 'snapshotInstalled' && r.node === 'n5');
    expect(installed.length).toBe(1);
    expect(s.nodes.n5.persistent.snapshot).not.toBeNull();
    expect(s.nodes.n5.volatile!.commitIndex).toBe(s.nodes[leader].volatile!.commitIndex);
  });

  it('its map and its sessions equal the leader\'s', () => {
    const mine = s.nodes.n5.volatile!.machine;
    const theirs = s.nodes[leader].volatile!.machine;
    expect(Object.keys(theirs.data).length).toBeGreaterThan(0);
    expect(mine.data).toEqual(theirs.data);
    expect(mine.sessions).toEqual(theirs.sessions);
    expect(mine.lastApplied).toBe(theirs.lastApplied);
  });

  it('its indexes never went backwards: lastApplied while up, the snapshot across the crash, and lastApplied never below the snapshot', () => {
    expect(samples.length).toBeGreaterThan(100);
    let prev: Sample | null = null;
    for (const x of samples) {
      expect(x.logStart).toBe(x.snapshot);
      if (prev !== null) {
        expect(x.snapshot, `event ${x.event}`).toBeGreaterThanOrEqual(prev.snapshot);
        if (prev.up && x.up) expect(x.lastApplied, `event ${x.event}`).toBeGreaterThanOrEqual(prev.lastApplied);
      }
      if (x.up) expect(x.lastApplied, `event ${x.event}`).toBeGreaterThanOrEqual(x.snapshot);
      prev = x;
    }
  });

  it('the whole run holds every property, linearizability included', () => {
    expect(s.violations).toEqual([]);
  });
});

/** A follower with the given log after its snapshot, to receive one InstallSnapshot. */
const cmd = (term: number, serial: number, value: string): LogEntry => commandEntry(term, 'c1', serial, { kind: 'append', key: 'x', value });
const ctx = at(nodeContext(['n1', 'n3'], votersOf(3), DEFAULT_CONFIG.raft, 100), 1000);

function follower(entries: LogEntry[], commitIndex: number): NodeState {
  const n = createNode('n2', { currentTerm: 2, votedFor: null, log: logOf(entries), snapshot: null, config: null }, commitIndex);
  // Every step ends by applying what is committed: one step that does nothing else brings lastApplied to commitIndex.
  return step(n, { kind: 'heartbeatTimeout' }, ctx).node;
}

function installFrom(n: NodeState, index: number, term: number): { node: FollowerNode; answer: number; kind: string } {
  const snap: Snapshot = {
    index,
    term,
    machine: { lastApplied: index, data: { x: 'snap' }, sessions: { c1: { serial: index, result: '' } } },
    config: { voters: ['n1', 'n2', 'n3'], outgoing: [], learners: [] },
  };
  const m: InstallSnapshot & { id: number; sentAt: number; arrivesAt: number; seq: number } = {
    type: 'InstallSnapshot', from: 'n1', to: 'n2', term: 2, lastIncludedIndex: index, lastIncludedTerm: term, offset: 0,
    data: { machine: snap.machine, config: snap.config }, done: true, round: 990, id: 1, sentAt: 990, arrivesAt: 1000, seq: 1,
  };
  const r = step(n, { kind: 'message', message: m }, ctx);
  const reply = r.outbox.find((o) => o.type === 'InstallSnapshotResponse');
  const rec = r.records.find((x) => x.type === 'snapshotInstalled' || x.type === 'snapshotIgnored')!;
  return { node: r.node as FollowerNode, answer: reply?.type === 'InstallSnapshotResponse' ? reply.matchIndex : -1, kind: rec.type };
}

describe('InstallSnapshot, receiver (Figure 13)', () => {
  const entries = [cmd(1, 1, 'a'), cmd(1, 2, 'b'), cmd(2, 3, 'c'), cmd(2, 4, 'd')];

  it('a log that holds the snapshot\'s last entry keeps the entries after it', () => {
    const r = installFrom(follower(entries, 0), 3, 2);
    expect(r.kind).toBe('snapshotInstalled');
    expect(r.node.persistent.log.start).toBe(3);
    expect(logEntries(r.node.persistent.log)).toEqual([entries[3]]);
    expect(r.node.volatile.machine.data).toEqual({ x: 'snap' });
    expect(r.node.volatile.commitIndex).toBe(3);
    expect(r.answer).toBe(3);
  });

  it('a log without it (another term there, or too short) is discarded whole, and the state machine reset from the snapshot', () => {
    const other = installFrom(follower(entries, 0), 3, 1);
    expect(other.node.persistent.log.start).toBe(3);
    expect(logEntries(other.node.persistent.log)).toEqual([]);
    const short = installFrom(follower(entries.slice(0, 2), 0), 8, 2);
    expect(short.node.persistent.log).toMatchObject({ start: 8, startTerm: 2 });
    expect(lastIndex(short.node.persistent.log)).toBe(8);
    expect(short.node.volatile.machine.lastApplied).toBe(8);
    expect(short.node.persistent.snapshot?.index).toBe(8);
  });

  it('a snapshot no newer than what the follower applied is ignored, and the answer lets the leader go on from its commit index', () => {
    const r = installFrom(follower(entries, 4), 3, 2);
    expect(r.kind).toBe('snapshotIgnored');
    expect(r.node.persistent.snapshot).toBeNull();
    expect(r.node.volatile.machine.lastApplied).toBe(4);
    expect(r.node.volatile.machine.data).toEqual({ x: 'abcd' });
    expect(r.answer).toBe(4);
  });
});

describe('the leader\'s view of each follower: Probe, Replicate, Snapshot', () => {
  it('a follower that needs compacted entries is in Snapshot until it answers, gets no AppendEntries meanwhile, then replicates', () => {
    const text = `
cluster nodes=3 seed=7 clients=1 snapshot=4
run 1s
crash n3
client c1 put x 1
client c1 append x 2
client c1 append x 3
client c1 append x 4
client c1 append x 5
run 1s
restart n3
`;
    const { s, records } = runWatching(text + 'step 400\n', 'n3');
    const leader = currentLeader(s)!;
    const sent = records.findIndex((r) => r.type === 'snapshotSent' && r.peer === 'n3');
    const acked = records.findIndex((r) => r.type === 'snapshotAcknowledged' && r.peer === 'n3');
    expect(sent).toBeGreaterThan(-1);
    expect(acked).toBeGreaterThan(sent);
    // Between the two, the leader accepted no AppendEntries answer from n3 as news: it sent it none.
    const between = records.slice(sent + 1, acked);
    expect(between.some((r) => r.type === 'appendAccepted' && r.node === 'n3')).toBe(false);
    expect(s.nodes[leader].volatile!.role).toBe('leader');
    const v = s.nodes[leader].volatile;
    if (v?.role !== 'leader') throw new Error('no leader');
    expect(v.progress.n3.state).toBe('replicate');
    expect(v.progress.n3.match).toBe(lastIndex(s.nodes[leader].persistent.log));
  });
  it('a follower waiting in Snapshot state still gets heartbeats: a lost answer does not let its timer depose the leader, and an accepted heartbeat ends the wait', () => {
    // n3 installs the snapshot but its answer is lost; the leader resends only after an election
    // timeout, and without heartbeats meanwhile n3 would campaign and depose a healthy n1.
    const text = `
cluster nodes=3 clients=1 seed=11 snapshot=4 latency=5-45ms
campaign n1
stabilize
client c1 put x 1
stabilize
crash n3
${[2, 3, 4, 5, 6, 7, 8].map((i) => `client c1 append x ${i}`).join('\n')}
run 700ms
restart n3
run 9ms
drop n3 n1 snapshot-response
run 400ms
expect term n1 1
expect leader n1
`;
    const r = runText(text);
    expect(r.failure).toBeNull();
    const acked = r.records.find((x) => x.type === 'snapshotAcknowledged' && x.peer === 'n3');
    expect(acked).toBeDefined();
    // The wait ended with an accepted heartbeat: no snapshot was sent again between n3's install and that.
    const installed = r.records.find((x) => x.type === 'snapshotInstalled' && x.node === 'n3')!;
    const resent = r.records.filter((x) => x.type === 'snapshotSent' && x.peer === 'n3' && x.event > installed.event && x.event < acked!.event);
    expect(resent).toEqual([]);
  });
});

describe('a restart from a snapshot', () => {
  it('restores the state machine from the snapshot and applies only the committed entries after it', () => {
    const text = `
cluster nodes=3 seed=2 clients=1
run 1s
client c1 put x a
client c1 append x b
client c1 append x c
run 1s
snapshot n2
client c1 append x d
run 1s
crash n2
restart n2
`;
    const { s, records } = runWatching(text, 'n2');
    const snap = s.nodes.n2.persistent.snapshot!;
    expect(snap.machine.data).toEqual({ x: 'abc' });
    expect(s.nodes.n2.volatile!.machine.lastApplied).toBe(snap.index);
    expect(s.nodes.n2.volatile!.machine.data).toEqual({ x: 'abc' });
    const restarted = records.find((r) => r.type === 'restarted')!;
    expect(restarted).toMatchObject({ snapshot: snap.index, logLength: 1 });
    const after = runText(text + 'run 1s\nexpect kv n2 x abcd\nexpect safe\n');
    expect(after.failure).toBeNull();
  });

  it('`snapshot <node>` with nothing applied past the last snapshot changes nothing, and says so', () => {
    const r = runText('cluster nodes=3 seed=2\nrun 1s\npropose leader v\nrun 200ms\nsnapshot n1\nsnapshot n1\n');
    expect(r.records.filter((x) => x.type === 'snapshotTaken' && x.node === 'n1').length).toBe(1);
    expect(r.records.some((x) => x.type === 'snapshotSkipped' && x.node === 'n1')).toBe(true);
    expect(entryAt(r.cluster.nodes.n1.persistent.log, 1)).toBeUndefined();
  });
});

describe('the properties that guard compaction', () => {
  it('SnapshotIntegrity: a snapshot without the session table is caught at once (unsafe=snapshot-no-sessions)', () => {
    const text = 'cluster nodes=3 seed=2 clients=1 snapshot=2 UNSAFE\nrun 1s\nclient c1 put x a\nclient c1 append x b\nrun 1s\n';
    expect(runText(text.replace(' UNSAFE', '')).cluster.violations).toEqual([]);
    const bad = runText(text.replace(' UNSAFE', ' unsafe=snapshot-no-sessions')).cluster.violations;
    expect(bad.map((v) => v.invariant)).toContain('SnapshotIntegrity');
    expect(bad.find((v) => v.invariant === 'SnapshotIntegrity')!.detail).toMatch(/session table/);
  });

  it('SnapshotIntegrity: a snapshot whose map differs from applying the committed entries is caught', () => {
    const r = runText('cluster nodes=3 seed=2 clients=1\nrun 1s\nclient c1 put x a\nrun 1s\n');
    const s = r.cluster;
    const c = s.checker;
    const n = s.nodes.n1;
    const index = n.volatile!.machine.lastApplied;
    const forged: NodeState = {
      ...n,
      persistent: { ...n.persistent, snapshot: { index, term: 1, machine: { ...n.volatile!.machine, data: { x: 'forged' } }, config: { voters: s.ids, outgoing: [], learners: [] } } },
    };
    const found = checkNodeChange(c, n, forged, { event: 1, time: 1, nodes: s.nodes, config: s.config });
    expect(found.map((v) => v.invariant)).toEqual(['SnapshotIntegrity']);
    expect(found[0].detail).toMatch(/key-value map/);
  });

  it('AppliedMonotonic: a state machine taken back, or a snapshot index that goes back, is caught', () => {
    const c = emptyChecker();
    const n = createNode('n1', { currentTerm: 1, votedFor: null, log: logOf([cmd(1, 1, 'a'), cmd(1, 2, 'b')]), snapshot: null, config: null }, 2);
    const applied: NodeState = { ...n, volatile: { ...n.volatile!, machine: { lastApplied: 2, data: { x: 'ab' }, sessions: {} } } };
    const back: NodeState = { ...n, volatile: { ...n.volatile!, machine: { lastApplied: 1, data: { x: 'a' }, sessions: {} } } };
    const obs = { event: 1, time: 1, nodes: { n1: back } };
    expect(checkNodeChange(c, applied, back, obs).map((v) => v.invariant)).toEqual(['AppliedMonotonic']);
    const snap = (index: number): Snapshot => ({ index, term: 1, machine: { lastApplied: index, data: {}, sessions: {} }, config: { voters: ['n1'], outgoing: [], learners: [] } });
    const withSnap = (index: number): NodeState => ({ ...applied, persistent: { ...applied.persistent, snapshot: snap(index) } });
    const d = emptyChecker();
    const found = checkNodeChange(d, withSnap(2), withSnap(1), { event: 2, time: 2, nodes: {} });
    expect(found.map((v) => v.invariant)).toContain('AppliedMonotonic');
  });
});

describe('the library: a retry after a snapshot, with the session table in it and without', () => {
  const library = join(import.meta.dirname, '..', '..', 'public', 'scenarios');
  const read = (file: string): string => readFileSync(join(library, file), 'utf8');
  const body = (t: string): string[] => t.split('\n').filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('expect') && !l.startsWith('cluster'));
  const safe = read('snapshot-sessions.txt');
  const unsafe = read('unsafe-snapshot-no-sessions.txt');

  it('both files meet every expect line, and differ only in the switch', () => {
    expect(runText(safe).failure).toBeNull();
    expect(runText(unsafe).failure).toBeNull();
    expect(body(unsafe)).toEqual(body(safe));
    expect(unsafe).toMatch(/^cluster .* unsafe=snapshot-no-sessions$/m);
  });

  it('with the sessions in the snapshot, the retry is answered from the restored table: one copy in every log and map', () => {
    const s = runText(safe).cluster;
    expect(s.violations).toEqual([]);
    for (const id of ['n2', 'n3', 'n4', 'n5']) expect(s.nodes[id].volatile?.machine.data.x, id).toBe('1a');
    expect(linearizability(s).verdict).toBe('ok');
  });

  it('without them, the retry is applied twice on the nodes restored from the snapshot, and both properties say so', () => {
    const s = runText(unsafe).cluster;
    expect(s.nodes.n2.volatile?.machine.data.x).toBe('1aa');
    expect(s.nodes.n3.volatile?.machine.data.x).toBe('1a');
    expect(new Set(s.violations.map((v) => v.invariant))).toEqual(new Set(['SnapshotIntegrity']));
    expect(linearizability(s).verdict).toBe('violation');
  });
});

describe('regressions', () => {
  it('on a run with no faults, no follower is sent a snapshot: one whose acknowledgement is still on its way is probed at the log start first', () => {
    const { records, cluster } = runText(`
cluster nodes=3 seed=5 clients=3 snapshot=2
run 500ms
workload ops=100 rate=100/s keys=3 reads=0
run 3s
expect safe
expect linearizable
`);
    expect(records.filter((r) => r.type === 'snapshotTaken').length).toBeGreaterThan(30);
    expect(cluster.stats.byType.InstallSnapshot ?? 0).toBe(0);
    expect(cluster.violations).toEqual([]);
  });

  it('a single node appends, commits and applies an entry in one step, and its snapshots are checked against it, not flagged', () => {
    const r = runText(`
cluster nodes=1 seed=1 clients=1 snapshot=2
run 500ms
${['put x 1', 'append x 2', 'append x 3'].map((op) => `client c1 ${op}\nrun 200ms`).join('\n')}
expect snapshot n1 4 1
expect kv n1 x 123
expect safe
`);
    expect(r.failure).toBeNull();
  });

  it('a follower whose log ends with the snapshot\'s last entry keeps its log, and the explanation does not say it discarded it', () => {
    const entries = [cmd(1, 1, 'a'), cmd(1, 2, 'b'), cmd(2, 3, 'c')];
    const n = follower(entries, 0);
    const snap = installFrom(n, 3, 2);
    expect(snap.kind).toBe('snapshotInstalled');
    const m: InstallSnapshot & { id: number; sentAt: number; arrivesAt: number; seq: number } = {
      type: 'InstallSnapshot', from: 'n1', to: 'n2', term: 2, lastIncludedIndex: 3, lastIncludedTerm: 2, offset: 0,
      data: { machine: { lastApplied: 3, data: {}, sessions: {} }, config: { voters: ['n1', 'n2', 'n3'], outgoing: [], learners: [] } }, done: true, round: 990, id: 1, sentAt: 990, arrivesAt: 1000, seq: 1,
    };
    const rec = step(n, { kind: 'message', message: m }, ctx).records.find((x) => x.type === 'snapshotInstalled')!;
    expect(rec).toMatchObject({ keptLog: true, kept: 0, discarded: 0 });
    expect(explain(rec).text).not.toMatch(/discarded/);
    expect(explain(rec).text).toMatch(/nothing to discard/);
  });
});
