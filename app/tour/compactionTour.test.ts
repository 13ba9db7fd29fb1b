/**
 * The log compaction tour (public/tours/08-compaction.txt) makes claims that
 * its `expect` lines cannot state: what a snapshot holds (Figure 12), which of
 * Figure 13's rules a follower applied (discard, ignore), the leader's progress
 * states for the follower, and what a restart from a snapshot applies. The
 * tours test checks every `expect` line; this one checks those claims against
 * the engine's state and records at the end of the step that makes them, the
 * state a deep link to that step opens.
 */
import { describe, expect, it } from 'vitest';
import { TOURS } from '../content/content.ts';
import { runLined, tourStep } from './tourStepRun.ts';
import { termAt } from '../../engine/raft/log.ts';
import { parseScript } from '../../engine/scenario/parse.ts';
import { newSession, runScript } from '../../engine/scenario/run.ts';
import { scriptThrough } from '../../engine/scenario/tour.ts';
import type { ProgressState } from '../../engine/types.ts';

const tour = TOURS.find((t) => t.name === 'compaction');
if (tour === undefined) throw new Error('the compaction tour is not bundled');

const step = (n: number) => tourStep(tour!, n);
const run = runLined;

describe('the log compaction tour says what the engine does', () => {
  it('step 2: a snapshot holds the last included index and term, the map, the session table and the configuration (Figure 12)', () => {
    const { cluster, of } = step(2);
    expect(of('snapshotTaken').map((r) => [r.node, r.index, r.term, r.cause])).toEqual([
      ['n1', 4, 1, 'threshold'],
      ['n2', 4, 1, 'threshold'],
    ]);
    const snap = cluster.nodes.n1.persistent.snapshot!;
    expect(snap.machine.data).toEqual({ x: '123' });
    expect(snap.machine.sessions.c1.serial).toBe(3);
    expect(snap.config.voters).toEqual(['n1', 'n2', 'n3']);
    // The entries it stands for are gone from the log.
    expect(cluster.nodes.n1.persistent.log.start).toBe(4);
  });

  it('step 3: the log starts after the snapshot, whose term answers the consistency check at its index; every snapshot sent to the crashed n3 is lost', () => {
    const { cluster, of } = step(3);
    const log = cluster.nodes.n1.persistent.log;
    expect([log.start, log.startTerm, termAt(log, 8), termAt(log, 7)]).toEqual([8, 1, 1, undefined]);
    expect(of('snapshotSent').length).toBeGreaterThan(0);
    expect(of('snapshotSent').every((r) => r.peer === 'n3')).toBe(true);
    const lost = of('messageLost').filter((r) => r.message.type === 'InstallSnapshot');
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.every((r) => r.message.to === 'n3' && r.why === 'receiver-down')).toBe(true);
    expect(of('snapshotInstalled')).toEqual([]);
    expect(cluster.nodes.n1.volatile?.role === 'leader' && cluster.nodes.n1.volatile.progress.n3.state).toBe('snapshot');
  });

  it('step 4: n3 discards its two entries (its log does not hold index 8), and n1 keeps it in Snapshot state', () => {
    const { cluster, of } = step(4);
    expect(of('snapshotInstalled').map((r) => [r.node, r.index, r.kept, r.discarded, r.lastApplied])).toEqual([['n3', 8, 0, 2, 0]]);
    expect(of('restarted').map((r) => [r.node, r.logLength, r.snapshot])).toEqual([['n3', 2, 0]]);
    expect(of('messageLost').map((r) => [r.message.type, r.why])).toEqual([['InstallSnapshotResponse', 'dropped']]);
    const v = cluster.nodes.n1.volatile;
    if (v?.role !== 'leader') throw new Error('n1 leads');
    expect([v.progress.n3.state, v.progress.n3.pendingSnapshot]).toEqual(['snapshot', 8]);
  });

  it('step 5: with the heartbeat dropped too, the resent snapshot is ignored; n1 moves n3 from Snapshot to Probe, then to Replicate', () => {
    const { of } = step(5);
    expect(of('messageLost').map((r) => [r.message.type, r.message.to, r.why])).toEqual([['AppendEntries', 'n3', 'dropped']]);
    expect(of('snapshotSent').map((r) => [r.peer, r.index, r.retry])).toEqual([['n3', 8, true]]);
    expect(of('snapshotIgnored').map((r) => [r.node, r.index, r.lastApplied])).toEqual([['n3', 8, 8]]);
    expect(of('snapshotAcknowledged').map((r) => [r.peer, r.match])).toEqual([['n3', 8]]);
    expect(of('snapshotInstalled')).toEqual([]);

    // What was dropped: a heartbeat, an empty AppendEntries naming the snapshot's index and term.
    const before = run(`${scriptThrough(tour!.text, tour!.steps, 3)}\nrun 40ms`).session.cluster!;
    const toN3 = before.inFlight.filter((m) => m.to === 'n3');
    expect(toN3.map((m) => (m.type === 'AppendEntries' ? [m.prevLogIndex, m.prevLogTerm, m.entries.length] : m.type))).toEqual([[8, 1, 0]]);

    // The same step with its runs cut into 1 ms runs (which run the same events): n1's state for n3 after each.
    const through4 = scriptThrough(tour!.text, tour!.steps, 3);
    const own = tour!.text.split('\n').slice(tour!.steps[4].firstLine - 1, tour!.steps[4].lastLine);
    const fine = own.flatMap((l) => {
      const m = /^run (\d+)ms$/.exec(l);
      return m === null ? [l] : Array.from({ length: Number(m[1]) }, () => 'run 1ms');
    });
    const from = through4.split('\n').length;
    const parsed = parseScript(`${through4}\n${fine.join('\n')}`);
    if (!parsed.ok) throw new Error('parse');
    const session = newSession();
    const states: ProgressState[] = [];
    const note = (): void => {
      const v = session.cluster!.nodes.n1.volatile;
      if (v?.role === 'leader' && states.at(-1) !== v.progress.n3.state) states.push(v.progress.n3.state);
    };
    const { failure } = runScript(parsed.script, undefined, session, (cmd) => {
      if (cmd.line > from) note();
    });
    expect(failure).toBeNull();
    note();
    expect(states).toEqual(['snapshot', 'probe', 'replicate']);
  });

  it('step 6: n2 restarts from its snapshot (lastApplied 8) and applies index 9 alone', () => {
    const { of } = step(6);
    expect(of('restarted').map((r) => [r.node, r.snapshot, r.logLength])).toEqual([['n2', 8, 1]]);
    expect(of('applied').filter((r) => r.node === 'n2').map((r) => r.index)).toEqual([9]);
    // Right after the restart: the state machine of the snapshot.
    const steps = tour!.steps;
    const { session } = run(`${scriptThrough(tour!.text, steps, 4)}\ncrash n2\nrestart n2`);
    const n2 = session.cluster!.nodes.n2.volatile!;
    expect([n2.machine.lastApplied, n2.machine.data.x, n2.commitIndex]).toEqual([8, '1234567', 8]);
  });

  it('step 7: the retry reaches n2 restored from its snapshot, which answers it from the session table', () => {
    const { cluster, of } = step(7);
    expect(cluster.nodes.n2.persistent.snapshot!.machine.sessions.c1.serial).toBe(2);
    expect(of('restarted').filter((r) => r.node === 'n2').map((r) => r.snapshot)).toEqual([4]);
    expect(of('clientRetried').map((r) => [r.serial, r.to])).toEqual([[2, 'n2']]);
    expect(of('duplicateAnswered').map((r) => [r.node, r.serial])).toEqual([['n2', 2]]);
    expect(of('snapshotInstalled').map((r) => [r.node, r.index])).toEqual([['n5', 4]]);
  });

  it('step 8: without the table in the snapshot the retry is appended at index 6, applied twice by n2 and n5, as a duplicate by n3 and n4', () => {
    const { cluster, of } = step(8);
    expect(cluster.nodes.n2.persistent.snapshot!.machine.sessions).toEqual({});
    // Appended twice: by n1 at index 3, then the retry by n2 at index 6.
    expect(of('commandAppended').filter((r) => r.serial === 2).map((r) => [r.node, r.index])).toEqual([
      ['n1', 3],
      ['n2', 6],
    ]);
    const retry = of('applied').filter((r) => r.index === 6);
    expect(retry.filter((r) => !r.duplicate).map((r) => r.node).sort()).toEqual(['n2', 'n5']);
    expect(retry.filter((r) => r.duplicate).map((r) => r.node).sort()).toEqual(['n3', 'n4']);
  });
});
