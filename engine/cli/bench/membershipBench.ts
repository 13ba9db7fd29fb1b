/**
 * Membership changes (§6) under the engine workload: what a change costs.
 *
 * The engine workload's cluster and proposals (engineBench.ts), with five
 * nodes of which three start as members (`members=n1,n2,n3`); at 20 s the
 * leader is asked to grow to five by joint consensus (`change +n4,+n5`: the
 * two join as learners, catch up, then C_old,new, then C_new), and at 60 s to
 * shrink back (`change -n4,-n5`). Timed alternately with the same script
 * without the two changes, in the same process, so both run under the same
 * load; the figure is the ratio of the two medians. Also: how long each change
 * took in simulated time, from `changeStarted` to `changeDone`.
 */
import type { EventRecord } from '../../events.ts';
import { parseScript } from '../../scenario/parse.ts';
import { runScript } from '../../scenario/run.ts';
import type { Script } from '../../scenario/ast.ts';
import { gc } from './gc.ts';
import { median, round } from './stats.ts';

const PROPOSAL_EVERY_MS = 100;
const GROW_AT_S = 20;
const SHRINK_AT_S = 60;

/** 100 simulated seconds of proposals, with the two changes or without. */
export function membershipWorkload(withChanges: boolean): Script {
  const lines = ['cluster nodes=5 members=n1,n2,n3 seed=1 election=100-200ms heartbeat=50ms latency=10-15ms'];
  for (let i = 0; i < (100 * 1000) / PROPOSAL_EVERY_MS; i++) {
    const at = (i * PROPOSAL_EVERY_MS) / 1000;
    if (withChanges && at === GROW_AT_S) lines.push('change +n4,+n5');
    if (withChanges && at === SHRINK_AT_S) lines.push('change -n4,-n5');
    lines.push(`run ${PROPOSAL_EVERY_MS}ms`, `propose leader v${i}`);
  }
  const parsed = parseScript(lines.join('\n'));
  if (!parsed.ok) throw new Error('membership bench workload does not parse');
  return parsed.script;
}

export function benchMembership(runs: number) {
  const changed = membershipWorkload(true);
  const plain = membershipWorkload(false);
  for (let i = 0; i < 3; i++) {
    runScript(changed);
    runScript(plain);
  }
  const withMs: number[] = [];
  const withoutMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    let t0 = performance.now();
    runScript(changed);
    withMs.push(performance.now() - t0);
    gc();
    t0 = performance.now();
    runScript(plain);
    withoutMs.push(performance.now() - t0);
  }
  // One more run for what happened: the changes' simulated durations, and that nothing broke.
  const records: EventRecord[] = [];
  const r = runScript(changed, (x) => records.push(x));
  const s = r.session.cluster!;
  const started = records.filter((x) => x.type === 'changeStarted');
  const done = records.filter((x) => x.type === 'changeDone');
  const changes = started.map((st) => {
    const end = done.find((d) => d.asked === st.asked && d.time >= st.time);
    return { asked: st.asked, simulatedMs: end === undefined ? null : end.time - st.time };
  });
  const plainEvents = runScript(plain).session.cluster!.event;
  const a = median(withMs);
  const b = median(withoutMs);
  const eventRatio = s.event / plainEvents;
  return {
    workload: { nodes: 5, members: 'n1,n2,n3', simulatedSeconds: 100, proposalEveryMs: PROPOSAL_EVERY_MS, changes: [`${GROW_AT_S} s: change +n4,+n5`, `${SHRINK_AT_S} s: change -n4,-n5`] },
    runs,
    medianMs: round(a),
    withoutChangesMs: round(b),
    ratio: round(a / b),
    events: s.event,
    withoutChangesEvents: plainEvents,
    eventRatio: round(eventRatio),
    changes,
    violations: s.violations.length,
    // The two servers take part for 40 of the 100 s, so there are more events; each should cost no more than before.
    target: { ratio: 'at most 1.25 × eventRatio', changesDone: 2, violations: 0 },
    met: s.violations.length === 0 && changes.length === 2 && changes.every((c) => c.simulatedMs !== null) && a / b <= 1.25 * eventRatio,
  };
}
