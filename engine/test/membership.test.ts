/**
 * Membership changes end to end (§6, Figures 10-11; thesis chapter 4 and
 * §3.10): the library's scenarios, each checked for what it claims, and the
 * reference behaviours of etcd's confchange interaction tests reached in
 * raftviz's own terms.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../events.ts';
import { runText } from './helpers.ts';
import { configText, membership } from '../raft/configs.ts';
import { configAfterChange, configAt } from '../raft/membership.ts';
import { logOf } from '../raft/log.ts';
import { configEntry, noopEntry } from '../raft/entry.ts';
import type { LogEntry, PersistentState } from '../types.ts';
import { parseScript } from '../scenario/parse.ts';
import { formatCommand } from '../scenario/format.ts';

const library = join(import.meta.dirname, '..', '..', 'public', 'scenarios');
const read = (file: string): string => readFileSync(join(library, file), 'utf8');

type Of<T extends EventRecord['type']> = Extract<EventRecord, { type: T }>;
const of = <T extends EventRecord['type']>(records: readonly EventRecord[], type: T): Of<T>[] => records.filter((r): r is Of<T> => r.type === type);

describe('library scenarios: every expectation holds', () => {
  for (const file of [
    'membership-grow.txt',
    'membership-remove-leader.txt',
    'membership-replace.txt',
    'membership-add-learner.txt',
    'membership-removed-server.txt',
    'membership-transfer.txt',
    'unsafe-direct-change.txt',
    'unsafe-change-before-noop.txt',
  ]) {
    it(file, () => {
      const r = runText(read(file));
      expect(r.failure).toBeNull();
    });
  }
});

describe('joint consensus (§6)', () => {
  it('three to five: learners, then C_old,new, then C_new, each appended once the one before committed', () => {
    const r = runText(read('membership-grow.txt'));
    const appended = of(r.records, 'configAppended');
    expect(appended.map((a) => `${a.node} ${a.phase} ${configText(a.config)}`)).toEqual([
      'n2 learners n1,n2,n3 learners n4,n5',
      'n2 joint n1,n2,n3 -> n1,n2,n3,n4,n5',
      // The leader crashed with C_old,new appended; its successor leaves the joint configuration.
      'n3 leave n1,n2,n3,n4,n5',
    ]);
    // Each entry follows the commit of the one before: its index is committed at the leader by then.
    const commits = of(r.records, 'commitAdvanced');
    for (let i = 1; i < appended.length; i++) {
      const before = appended[i - 1];
      expect(commits.some((c) => c.node === appended[i].node && c.to >= before.index && c.event <= appended[i].event)).toBe(true);
    }
  });

  it('while joint, the next leader needs a majority of the old voters and of the new', () => {
    const r = runText(read('membership-grow.txt'));
    const won = of(r.records, 'becameLeader').find((b) => b.term === 2)!;
    expect(won.node).toBe('n3');
    const old = ['n1', 'n2', 'n3'].filter((id) => won.votes.includes(id));
    const fresh = ['n1', 'n2', 'n3', 'n4', 'n5'].filter((id) => won.votes.includes(id));
    expect(old.length).toBeGreaterThanOrEqual(2);
    expect(fresh.length).toBeGreaterThanOrEqual(3);
    expect(r.cluster.violations).toEqual([]);
  });

  it('a joint configuration with a lost majority of the old voters cannot commit, even with every new voter', () => {
    const r = runText(`cluster nodes=5 members=n1,n2,n3 seed=3
run 400ms
change +n4,+n5
run 50ms
expect config n2 n1,n2,n3 -> n1,n2,n3,n4,n5
partition n1,n3 | n2,n4,n5
run 1s
expect config n2 n1,n2,n3 -> n1,n2,n3,n4,n5
expect safe`);
    expect(r.failure).toBeNull();
    // n2 and the new servers are 3 of 5, but only 1 of the old 3: C_new is never appended.
    expect(of(r.records, 'configAppended').map((a) => a.phase)).toEqual(['learners', 'joint']);
  });

  it('the same schedule as the Figure 10 scenario is safe with the joint phase', () => {
    const text = read('unsafe-direct-change.txt').replace(/^(cluster .*) unsafe=direct-change/m, '$1').replace(/(expect violation \w+\n?)+/, 'expect safe\n');
    const r = runText(text.replace('expect leader n1\nexpect term n1 3\n', ''));
    expect(r.failure).toBeNull();
    expect(r.cluster.violations).toEqual([]);
  });
});

describe('single-server changes (thesis §4.1)', () => {
  it('a new server catches up as a learner and is promoted once it holds what is committed', () => {
    const r = runText(read('membership-add-learner.txt'));
    const caught = of(r.records, 'learnerCaughtUp');
    expect(caught).toHaveLength(1);
    expect(caught[0].match).toBeGreaterThanOrEqual(caught[0].commitIndex);
    const phases = of(r.records, 'configAppended').map((a) => `${a.phase} ${configText(a.config)}`);
    expect(phases).toEqual(['learners n1,n2,n3 learners n4', 'single n1,n2,n3,n4']);
    // As a learner, n4 was never asked for a vote and never counted toward a commit.
    const promoted = of(r.records, 'configAppended')[1].event;
    expect(r.records.some((x) => x.type === 'voteCounted' && x.voter === 'n4' && x.event < promoted)).toBe(false);
  });

  it('one change at a time: a second change asked for meanwhile is refused, with the reason', () => {
    const r = runText(read('membership-add-learner.txt'));
    const refused = of(r.records, 'changeRefused');
    expect(refused).toHaveLength(1);
    expect(refused[0].asked).toBe('change +n4');
    expect(refused[0].why).toEqual({ kind: 'in-progress', pending: 'add n4' });
  });

  it('a leader not in C_new keeps leading without counting itself, and steps down once C_new commits', () => {
    const r = runText(read('membership-remove-leader.txt'));
    const appended = of(r.records, 'configAppended')[0];
    const down = of(r.records, 'becameFollower').find((b) => b.node === 'n2' && b.reason === 'removed')!;
    expect(down).toBeDefined();
    // It committed C_new with n1 and n3 alone, then stepped down in the same step.
    const commit = of(r.records, 'commitAdvanced').find((c) => c.node === 'n2' && c.to >= appended.index)!;
    expect(commit.event).toBe(down.event);
    // Afterwards it never campaigns: it is no voter.
    expect(r.records.some((x) => x.type === 'becameCandidate' && x.node === 'n2' && x.event > down.event)).toBe(false);
    expect(of(r.records, 'campaignRefused').some((c) => c.node === 'n2' && c.why.kind === 'not-voter')).toBe(true);
  });

  it('a change waits for an entry of the new leader\'s term to commit (the 2015 fix)', () => {
    const safe = runText(read('unsafe-change-before-noop.txt').replace(/^(cluster .*) unsafe=change-before-noop/m, '$1').replace(/expect violation \w+\n?/g, 'expect safe\n'));
    expect(safe.failure).toBeNull();
    expect(of(safe.records, 'changeWaiting').map((w) => `${w.node} ${w.asked}`)).toEqual(['n2 remove n4']);
    const unsafe = runText(read('unsafe-change-before-noop.txt'));
    expect(of(unsafe.records, 'changeWaiting')).toEqual([]);
    expect(unsafe.cluster.violations.map((v) => v.invariant)).toContain('LeaderCompleteness');
  });

  it('removing a server that is down works while a majority of the rest answers', () => {
    const r = runText(`cluster nodes=5 seed=3
run 400ms
crash n5
remove n5
run 300ms
expect config n1 n1,n2,n3,n4
expect safe`);
    expect(r.failure).toBeNull();
  });
});

describe('refusals', () => {
  it('a change with no leader, a change to nothing, and one that leaves no voter are refused and change nothing', () => {
    const r = runText(`cluster nodes=3 seed=3
add n2
run 400ms
add n2
remove n1
remove n2
remove n3
run 300ms
change -n1,-n3
run 300ms
expect safe`);
    expect(r.failure).toBeNull();
    const whys = of(r.records, 'changeRefused').map((c) => `${c.asked}: ${c.why.kind}`);
    expect(whys[0]).toBe('add n2: no-leader');
    expect(whys[1]).toBe('add n2: nothing-to-change');
    expect(whys).toContain('remove n2: in-progress');
  });
});

describe('removed servers must not disrupt (§6)', () => {
  it('without CheckQuorum the removed server drives terms up; with it, its requests are ignored', () => {
    const text = read('membership-removed-server.txt');
    const [off, on] = text.split(/^#\n# Part 2/m);
    const a = runText(off);
    expect(a.failure).toBeNull();
    expect(of(a.records, 'becameFollower').filter((b) => b.cause === 'n3' && b.was === 'leader').length).toBeGreaterThan(3);
    const b = runText(`cluster nodes=3${on.split('cluster nodes=3')[1]}`);
    expect(b.failure).toBeNull();
    const ignored = of(b.records, 'voteRefused').filter((v) => v.candidate === 'n3' && v.why.kind === 'has-leader' && !v.preVote);
    expect(ignored.length).toBeGreaterThan(10);
    expect(of(b.records, 'becameFollower').some((x) => x.cause === 'n3')).toBe(false);
  });

  it('the rule applies only with CheckQuorum or leases: a forced campaign still deposes a live leader without them', () => {
    const r = runText(`cluster nodes=3 seed=3
run 400ms
expect leader n2
campaign n1
run 100ms
expect leader n1`);
    expect(r.failure).toBeNull();
  });
});

describe('leadership transfer (thesis §3.10)', () => {
  it('the leader catches the target up, sends TimeoutNow, and the target wins without PreVote', () => {
    const r = runText(read('membership-transfer.txt'));
    const started = of(r.records, 'transferStarted')[0];
    const sent = of(r.records, 'timeoutNowSent')[0];
    expect(started.match).toBeLessThan(started.lastIndex);
    expect(sent.match).toBeGreaterThanOrEqual(started.lastIndex);
    expect(sent.event).toBeGreaterThan(started.event);
    const candidacy = of(r.records, 'becameCandidate').find((c) => c.node === 'n4' && c.event > sent.event)!;
    expect(candidacy.pre).toBe(false);
    // Meanwhile the old leader held c1's request rather than append it.
    expect(of(r.records, 'requestHeld').map((h) => `${h.node} ${h.client}`)).toEqual(['n2 c1']);
  });

  it('if no election follows within an election timeout, the leader gives up and takes requests again', () => {
    const r = runText(`cluster nodes=3 seed=3 clients=1
run 400ms
expect leader n2
transfer n3
drop n2 n3 TimeoutNow
run 300ms
expect leader n2
client c1 put x 1
run 200ms
expect kv n2 x 1`);
    expect(r.failure).toBeNull();
    const aborted = of(r.records, 'transferAborted');
    expect(aborted).toHaveLength(1);
    expect(aborted[0].after).toBeGreaterThanOrEqual(100);
  });

  it('a transfer to a non-voter, or to itself, is refused', () => {
    const r = runText(`cluster nodes=4 members=n1,n2,n3 seed=3
run 400ms
expect leader n2
transfer n4
transfer n2`);
    expect(of(r.records, 'transferRefused').map((t) => t.why.kind)).toEqual(['not-a-voter', 'is-leader']);
  });
});

describe('configurations in logs and snapshots', () => {
  const p = (entries: LogEntry[], config: PersistentState['config']): PersistentState => ({ currentTerm: 2, votedFor: null, log: logOf(entries), snapshot: null, config });
  const c3 = membership(['n1', 'n2', 'n3']);
  const c4 = membership(['n1', 'n2', 'n3', 'n4']);

  it('a truncation that cuts off the configuration in use falls back to the one before it (§6)', () => {
    const before = p([noopEntry(1), configEntry(1, c3), configEntry(2, c4)], { config: c4, index: 3 });
    const cut = logOf([noopEntry(1), configEntry(1, c3), noopEntry(3)]);
    expect(configAfterChange(before, cut, 3)).toEqual({ config: c3, index: 2 });
    const none = logOf([noopEntry(1), noopEntry(3)]);
    expect(configAfterChange(before, none, 2)).toBeNull();
    // An append after the configuration in use leaves it.
    const longer = logOf([noopEntry(1), configEntry(1, c3), configEntry(2, c4), noopEntry(2)]);
    expect(configAfterChange(before, longer, 4)).toEqual({ config: c4, index: 3 });
  });

  it('a snapshot records the configuration as of its index, not a later one', () => {
    const state = p([noopEntry(1), configEntry(1, c3), configEntry(2, c4)], { config: c4, index: 3 });
    expect(configAt(state, 2, c4)).toEqual(c3);
    expect(configAt(state, 1, c4)).toEqual(c4);
    expect(configAt(state, 3, c3)).toEqual(c4);
  });

  it('a new server caught up by a snapshot, and a restart from one, keep the configuration', () => {
    const r = runText(`cluster nodes=4 members=n1,n2,n3 seed=3 snapshot=5 clients=1
run 300ms
workload ops=30 rate=200/s
run 500ms
add n4
run 500ms
expect config n4 n1,n2,n3,n4
crash n4
restart n4
expect config n4 n1,n2,n3,n4
run 300ms
expect safe
expect linearizable`);
    expect(r.failure).toBeNull();
    expect(of(r.records, 'snapshotInstalled').some((s) => s.node === 'n4')).toBe(true);
    const n1 = r.cluster.nodes.n1.persistent.snapshot!;
    expect(n1.config.voters.length).toBeGreaterThanOrEqual(3);
  });
});

describe('etcd confchange reference behaviours, in raftviz terms', () => {
  it('v1 add single: a one-node cluster adds a second voter', () => {
    const r = runText(`cluster nodes=2 members=n1
run 300ms
expect leader n1
add n2
run 300ms
expect config n1 n1,n2
expect config n2 n1,n2
expect safe`);
    expect(r.failure).toBeNull();
  });

  it('v2 add double, leaving the joint configuration automatically', () => {
    const r = runText(`cluster nodes=3 members=n1
run 300ms
change +n2,+n3
run 300ms
expect config n1 n1,n2,n3
expect config n3 n1,n2,n3
expect safe`);
    expect(r.failure).toBeNull();
    expect(of(r.records, 'configAppended').map((a) => a.phase)).toEqual(['learners', 'joint', 'leave']);
  });

  it('v2 replace the leader: transfer to the newcomer while joint; the removed leader cannot disrupt the new one', () => {
    // etcd's n1 learns C_new, since etcd uses a configuration once it is applied. Here, as in
    // the paper, a server uses a configuration once it is in its log (§6), so the new leader
    // stops replicating to n1 the moment it appends C_new: n1 never learns it was removed,
    // and campaigns. CheckQuorum's rule has the voters ignore it (§6).
    const r = runText(`cluster nodes=4 members=n1,n2,n3 seed=3 checkquorum=on
campaign n1
run 100ms
expect leader n1
change +n4,-n1
run 55ms
expect config n1 n1,n2,n3 -> n2,n3,n4
transfer n4
run 300ms
expect leader n4
expect config n4 n2,n3,n4
expect config n2 n2,n3,n4
campaign n1
run 300ms
expect leader n4
expect term n4 2
expect safe`);
    expect(r.failure).toBeNull();
    expect(of(r.records, 'voteRefused').some((v) => v.candidate === 'n1' && v.why.kind === 'has-leader')).toBe(true);
  });

  it('v1 remove the leader: it steps down, and can neither propose nor campaign', () => {
    const r = runText(`cluster nodes=3 seed=3
campaign n1
run 100ms
remove n1
run 100ms
expect config n2 n2,n3
propose n1 baz
campaign n1
run 300ms
expect safe`);
    expect(r.failure).toBeNull();
    expect(of(r.records, 'proposalRefused').some((x) => x.node === 'n1' && x.why === 'not-leader')).toBe(true);
    expect(of(r.records, 'campaignRefused').some((c) => c.node === 'n1' && c.why.kind === 'not-voter')).toBe(true);
  });
});

describe('liveness and corner cases', () => {
  it('a leader that removed itself while the only other voter was down still campaigns, so the cluster gets a leader again (thesis §4.2.2)', () => {
    const r = runText(`cluster nodes=2 seed=3 checkquorum=on
run 400ms
expect leader n2
crash n1
remove n2
run 1s
restart n1
run 2s
expect leader n1
expect config n1 n1
expect safe`);
    expect(r.failure).toBeNull();
    // n2 held the uncommitted C_new that leaves it out: it asked first (PreVote), won, committed C_new, and stepped down.
    expect(of(r.records, 'becameCandidate').some((c) => c.node === 'n2' && c.pre)).toBe(true);
    expect(of(r.records, 'becameFollower').some((b) => b.node === 'n2' && b.reason === 'removed')).toBe(true);
  });

  it('a learner that never catches up does not hold changes up for ever: the leader gives up, and a remove takes it out', () => {
    const r = runText(`cluster nodes=4 members=n1,n2,n3 seed=3
run 400ms
expect leader n2
crash n4
add n4
run 2s
expect config n2 n1,n2,n3
remove n4
run 300ms
remove n3
run 300ms
expect config n2 n1,n2
expect safe`);
    expect(r.failure).toBeNull();
    const aborted = of(r.records, 'changeAborted');
    expect(aborted.map((a) => [a.asked, a.why, a.behind])).toEqual([['add n4', 'learners-behind', ['n4']]]);
    expect(aborted[0].time - 400).toBeGreaterThanOrEqual(10 * 100);
  });

  it('under leases, a leader that sent TimeoutNow never answers from its lease again, even once the transfer is given up', () => {
    const r = runText(`cluster nodes=5 clients=2 seed=3 reads=lease latency=1ms-2ms client-timeout=10ms
campaign n1
stabilize
client c1 put x 1
stabilize
cut n1 n5
client c1 put x 2
run 20ms
transfer n5
run 30ms
heal n1 n5
run 54ms
partition n1,c1 | n2,n3,n4,n5,c2
run 4ms
expect leader n5
expect role n1 leader
client c2 put x 3
run 30ms
expect kv n5 x 3
run 20ms
client c1 get x
run 10ms
expect linearizable`);
    expect(r.failure).toBeNull();
    expect(of(r.records, 'readServed').some((x) => x.node === 'n1' && x.how === 'lease' && x.event > of(r.records, 'timeoutNowSent')[0].event)).toBe(false);
  });

  it('while it hands leadership over, a leader appends no configuration; a change cut short by the handover says so', () => {
    const r = runText(`cluster nodes=5 members=n1,n2,n3 seed=3 checkquorum=on
run 400ms
change +n4,+n5
run 1ms
transfer n1
run 1s
expect leader n1
expect safe`);
    expect(r.failure).toBeNull();
    const transfer = of(r.records, 'transferStarted')[0];
    expect(of(r.records, 'configAppended').filter((a) => a.node === 'n2' && a.event > transfer.event)).toEqual([]);
    expect(of(r.records, 'changeAborted').map((a) => [a.node, a.why])).toEqual([['n2', 'stepped-down']]);
    // The transfer succeeded, so it is not reported as given up.
    expect(of(r.records, 'transferAborted')).toEqual([]);
  });
});

describe('the language', () => {
  it('members=, change, add, remove, transfer and expect config parse, and bad ones name the column', () => {
    const ok = parseScript('cluster nodes=5 members=n3,n1,n2\nchange +n4,-n1\nadd n5\nremove n2\ntransfer n3\nexpect config n1 n1,n2,n3 -> n2,n3,n4\nexpect config n1 n1,n2 learners n5,n4');
    expect(ok.ok).toBe(true);
    if (ok.ok) {
      expect(ok.script.commands.map((c) => formatCommand(c))).toEqual([
        'cluster nodes=5 members=n1,n2,n3',
        'change +n4,-n1',
        'add n5',
        'remove n2',
        'transfer n3',
        'expect config n1 n1,n2,n3 -> n2,n3,n4',
        'expect config n1 n1,n2 learners n4,n5',
      ]);
    }
    const bad = (text: string) => {
      const p = parseScript(text);
      return p.ok ? null : p.errors[0];
    };
    expect(bad('cluster nodes=3 members=n1,n4')).toMatchObject({ line: 1, message: expect.stringContaining('n4') });
    expect(bad('cluster nodes=3\nchange n2')).toMatchObject({ line: 2, col: 8, message: expect.stringContaining('mark each server') });
    expect(bad('cluster nodes=3\nchange +n2,-n2')).toMatchObject({ line: 2, message: expect.stringContaining('twice') });
    expect(bad('cluster nodes=3\nexpect config n1 n1,n2 => n3')).toMatchObject({ line: 2, col: 24 });
    expect(bad('cluster nodes=3\nexpect config n1 n1,n2 learners')).toMatchObject({ line: 2, message: expect.stringContaining('learners') });
    expect(bad('cluster nodes=3\ntransfer n9')).toMatchObject({ line: 2, col: 10 });
  });
});
