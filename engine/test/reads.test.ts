/**
 * Reads without the log (engine/raft/reads.ts, thesis §6.4): ReadIndex waits
 * for a heartbeat round a majority acknowledges, and for an entry of the
 * leader's own term; a lease answers at once while it holds, and voters refuse
 * to elect anyone else meanwhile; unsafe=stale-reads answers with no check.
 */
import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../events.ts';
import { logEntries } from '../raft/log.ts';
import { linearizability } from '../scenario/run.ts';
import { runText } from './helpers.ts';

const of = <T extends EventRecord['type']>(records: readonly EventRecord[], type: T) =>
  records.filter((r): r is Extract<EventRecord, { type: T }> => r.type === type);

const base = (options: string) => `cluster nodes=3 clients=1 seed=4 ${options}
campaign n1
stabilize
run 60ms
client c1 put x 1
run 100ms
client c1 get x
`;

describe('ReadIndex', () => {
  it('the leader holds the read, sends a heartbeat round, and answers once a majority acknowledged it, without appending', () => {
    const { records, cluster } = runText(base('reads=readindex') + 'run 100ms');
    const [queued] = of(records, 'readQueued');
    expect(queued).toMatchObject({ node: 'n1', client: 'c1', serial: 2, readIndex: 2, lease: false });
    const served = of(records, 'readServed');
    expect(served).toMatchObject([{ node: 'n1', client: 'c1', serial: 2, result: '1', how: 'readindex', readIndex: 2 }]);
    // Answered only after a round trip: a follower accepted the round sent for it in between.
    expect(served[0].event).toBeGreaterThan(queued.event);
    const accepted = of(records, 'appendAccepted').filter((r) => r.event > queued.event && r.event < served[0].event);
    expect(accepted.length).toBeGreaterThan(0);
    // The log holds the put, not the get.
    expect(logEntries(cluster.nodes.n1.persistent.log).map((e) => e.kind)).toEqual(['noop', 'command']);
    expect(linearizability(cluster).verdict).toBe('ok');
  });

  it('a leader that has not committed an entry of its term holds the read with no read index until it has', () => {
    const text = `cluster nodes=3 clients=2 seed=4 reads=readindex noop=off
campaign n1
stabilize
client c1 get x
run 100ms
`;
    const before = runText(text);
    expect(of(before.records, 'readQueued')).toMatchObject([{ node: 'n1', client: 'c1', readIndex: null }]);
    expect(of(before.records, 'readServed')).toEqual([]);
    // c2's put is the first entry of term 1: once it commits, the read can be served.
    const after = runText(text + 'client c2 put x 1\nrun 200ms');
    const served = of(after.records, 'readServed');
    expect(served).toHaveLength(1);
    expect(served[0].readIndex).toBe(1);
    expect(linearizability(after.cluster).verdict).toBe('ok');
  });

  it('under reads=log a get is appended like any command', () => {
    const { records, cluster } = runText(base('') + 'run 100ms');
    expect(of(records, 'readServed')).toEqual([]);
    expect(of(records, 'commandAppended').map((r) => r.op.kind)).toEqual(['put', 'get']);
    expect(logEntries(cluster.nodes.n1.persistent.log)).toHaveLength(3);
  });
});

describe('leases', () => {
  it('within its lease the leader answers at once, with no round', () => {
    const { records } = runText(base('reads=lease') + 'run 100ms');
    expect(of(records, 'readQueued')).toEqual([]);
    const served = of(records, 'readServed');
    expect(served).toMatchObject([{ node: 'n1', how: 'lease', result: '1' }]);
    // Served as the request arrived: one message's latency (10-15 ms) after it was sent, not a round trip.
    const invoked = records.find((r) => r.type === 'clientInvoked' && r.serial === 2)!;
    expect(served[0].time - invoked.time).toBeLessThanOrEqual(15);
  });

  it('a leader whose majority has not answered for a lease falls back to a ReadIndex round', () => {
    const text = `cluster nodes=3 clients=1 seed=4 reads=lease
campaign n1
stabilize
run 60ms
partition n1,c1 | n2,n3
run 150ms
client c1 get x
run 100ms
`;
    const { records } = runText(text);
    expect(of(records, 'readQueued')).toMatchObject([{ node: 'n1', lease: true }]);
    expect(of(records, 'readServed')).toEqual([]);
  });

  it('within the lease a follower ignores a RequestVote: it neither adopts the term nor votes', () => {
    // n2 is cut off from n1 and times out; n3 still hears from n1, and n1's lease holds on n3's answers.
    const schedule = (reads: string) => `cluster nodes=3 seed=4 reads=${reads}
campaign n1
stabilize
cut n1 n2
run 400ms
`;
    const lease = runText(schedule('lease'));
    const refused = of(lease.records, 'voteRefused').filter((r) => r.candidate === 'n2');
    expect(new Set(refused.map((r) => `${r.node} ${r.why.kind} ${r.preVote}`))).toEqual(new Set(['n3 has-leader false']));
    expect(lease.cluster.nodes.n3.persistent.currentTerm).toBe(1);
    expect(lease.cluster.nodes.n1.volatile?.role).toBe('leader');
    // Without leases the same requests win n2 the election.
    const plain = runText(schedule('readindex'));
    expect(plain.cluster.nodes.n3.persistent.currentTerm).toBeGreaterThan(1);
    expect(of(plain.records, 'becameLeader').some((r) => r.node === 'n2')).toBe(true);
  });
});

describe('what leases rest on', () => {
  // n1 leads three nodes under reads=lease with long election timeouts. n3 and c2 are
  // cut off from n1; then n1 (with c1) is cut off from n2, and n2 crashes and restarts.
  // n1's lease rests on n2's last acknowledgement, which n2 no longer remembers.
  const isolated = (then: string) => `cluster nodes=3 clients=2 seed=1 reads=lease election=1000-1100ms
campaign n1
stabilize
client c1 put x 1
stabilize
cut n1 n3
cut n1 c2
cut n2 c1
cut n3 c1
run 1990ms
cut n1 n2
${then}
client c2 put x 2
run 1500ms
client c1 get x
run 1500ms
`;

  it('a node that restarts votes for no one within the minimum election timeout, so no second leader is elected during the old lease', () => {
    const { records, cluster } = runText(isolated('crash n2\nrestart n2\nrun 400ms'));
    const ignored = of(records, 'voteRefused').filter((r) => r.node === 'n2' && r.why.kind === 'restarted');
    expect(ignored.length).toBeGreaterThan(0);
    const second = of(records, 'becameLeader').find((r) => r.node !== 'n1');
    // When a second leader comes, it comes after n2's window (1000 ms from its restart).
    const restartedAt = of(records, 'restarted').find((r) => r.node === 'n2')!.time;
    if (second !== undefined) expect(second.time).toBeGreaterThanOrEqual(restartedAt + 1000);
    expect(linearizability(cluster).verdict).toBe('ok');
  });

  it('a follower within the lease does not campaign when told to', () => {
    const { records, cluster } = runText(isolated('campaign n2\nrun 10ms'));
    expect(of(records, 'campaignRefused')).toEqual([expect.objectContaining({ node: 'n2', why: expect.objectContaining({ kind: 'has-leader', leader: 'n1' }) })]);
    expect(linearizability(cluster).verdict).toBe('ok');
  });

  it('reads without the log need a latency of at least 1 ms: rounds are told apart by the clock', () => {
    expect(() => runText('cluster nodes=3 latency=0-2ms reads=readindex')).toThrow(/at least 1ms/);
  });
});
