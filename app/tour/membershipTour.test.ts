/**
 * The membership tour (public/tours/09-membership.txt) makes claims that its
 * `expect` lines cannot state: that n4 and n5 are learners before they vote,
 * how the leader counts acknowledgements toward each half of C_old,new, that
 * the removed leader steps down only once C_new commits, and that TimeoutNow
 * starts the transfer's election. The tours test checks every `expect` line;
 * this one checks those claims against the engine's state and records at the
 * end of the step that makes them, the state a deep link to that step opens.
 */
import { describe, expect, it } from 'vitest';
import { TOURS } from '../content/content.ts';
import type { EventRecord, RecordBody } from '../../engine/events.ts';
import { parseScript } from '../../engine/scenario/parse.ts';
import { newSession, runScript } from '../../engine/scenario/run.ts';
import { scriptThrough } from '../../engine/scenario/tour.ts';
import { committedIndex } from '../../engine/raft/quorum.ts';
import { configText } from '../../engine/raft/configs.ts';

const tour = TOURS.find((t) => t.name === 'membership');
if (tour === undefined) throw new Error('the membership tour is not bundled');

/** The tour through step `n` (from 1), and the records of that step's own commands. */
function step(n: number) {
  const parsed = parseScript(scriptThrough(tour!.text, tour!.steps, n - 1));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const records: (EventRecord & { line: number })[] = [];
  let line = 0;
  const { session, failure } = runScript(parsed.script, (r) => records.push({ ...r, line }), newSession(), (cmd) => {
    line = cmd.line;
  });
  if (failure !== null) throw new Error(JSON.stringify(failure));
  const s = tour!.steps[n - 1];
  const own = records.filter((r) => r.line >= s.firstLine && r.line <= s.lastLine);
  const of = <T extends RecordBody['type']>(type: T) => own.filter((r): r is Extract<EventRecord, { type: T }> & { line: number } => r.type === type);
  return { cluster: session.cluster!, of };
}

describe('the membership tour says what the engine does', () => {
  it('step 1: n4 and n5 exist outside the configuration and never campaign', () => {
    const { cluster, of } = step(1);
    expect(of('becameCandidate').some((r) => r.node === 'n4' || r.node === 'n5')).toBe(false);
    expect(cluster.nodes.n4.persistent.config).toBeNull();
  });

  it('step 2: n4 and n5 are learners the leader replicates to, and nobody counts them', () => {
    const { cluster, of } = step(2);
    expect(of('configAppended').map((r) => [r.phase, configText(r.config)])).toEqual([['learners', 'n1,n2,n3 learners n4,n5']]);
    const v = cluster.nodes.n2.volatile;
    if (v?.role !== 'leader') throw new Error('n2 leads');
    expect(Object.keys(v.progress).sort()).toEqual(['n1', 'n3', 'n4', 'n5']);
    expect(cluster.nodes.n2.persistent.config?.config.voters).toEqual(['n1', 'n2', 'n3']);
  });

  it('step 3: C_old,new is in force at the leader, and a commit needs a majority of each half', () => {
    const { cluster, of } = step(3);
    expect(of('learnerCaughtUp').map((r) => r.learner)).toEqual(['n4', 'n5']);
    expect(of('configAppended').map((r) => r.phase)).toEqual(['joint']);
    const c = cluster.nodes.n2.persistent.config!.config;
    expect([c.outgoing, c.voters]).toEqual([['n1', 'n2', 'n3'], ['n1', 'n2', 'n3', 'n4', 'n5']]);
    // Three new voters without two old ones commit nothing: the old half holds it back.
    const acked: Record<string, number> = { n1: 0, n2: 0, n3: 9, n4: 9, n5: 9 };
    expect(committedIndex(c, (id) => acked[id])).toBe(0);
  });

  it('step 4: C_new follows C_old,new once it has committed, and the change is done', () => {
    const { of } = step(4);
    expect(of('configAppended').map((r) => r.phase)).toEqual(['leave']);
    expect(of('changeDone')).toHaveLength(1);
  });

  it('step 5: the leader steps down only once C_new without it has committed, then never campaigns', () => {
    const { of } = step(5);
    const appended = of('configAppended')[0];
    const down = of('becameFollower').find((r) => r.node === 'n2')!;
    expect(down.reason).toBe('removed');
    expect(of('commitAdvanced').some((r) => r.node === 'n2' && r.to >= appended.index && r.event === down.event)).toBe(true);
    expect(of('becameCandidate').some((r) => r.node === 'n2')).toBe(false);
  });

  it('step 6: the leader sends TimeoutNow, and n4 campaigns at once with a transfer RequestVote', () => {
    const { of } = step(6);
    expect(of('timeoutNowSent').map((r) => r.target)).toEqual(['n4']);
    expect(of('timeoutNowReceived').map((r) => r.node)).toEqual(['n4']);
    expect(of('becameLeader').map((r) => r.node)).toEqual(['n4']);
  });

  it('step 7: under direct-change, n1 and n5 lead the same term', () => {
    const { cluster } = step(7);
    const leaders = cluster.ids.filter((id) => cluster.nodes[id].volatile?.role === 'leader');
    expect(leaders).toEqual(['n1', 'n5']);
    expect(leaders.map((id) => cluster.nodes[id].persistent.currentTerm)).toEqual([3, 3]);
  });
});
