/**
 * Playing stops in the worker, at the very event or moment, for each reason a
 * tick can carry; the page is told why and has nothing to seek back to.
 */
import { describe, expect, it } from 'vitest';
import { SimHost } from './simHost.ts';
import type { FromWorker, StopWhen, ToWorker } from './protocol.ts';
import { emptySimData, mergeSnapshot, type SimData } from '../store/mergeSnapshot.ts';
import { parseScript } from '../../engine/scenario/parse.ts';
import { runScript } from '../../engine/scenario/run.ts';
import { LIBRARY } from '../content/content.ts';
import { findScenario } from '../library/library.ts';

function page() {
  const host = new SimHost();
  let data: SimData = emptySimData;
  const send = (msg: ToWorker): FromWorker[] => {
    const replies = host.handle(msg);
    for (const r of replies) if (r.kind === 'snapshot') data = mergeSnapshot(data, r.snapshot);
    return replies;
  };
  /** Play in ticks of `ms` until a tick stops (or `most` ticks); the replies of the last tick. */
  const playUntilStopped = (ms: number, stop: StopWhen | undefined, most = 400): FromWorker[] => {
    let replies: FromWorker[] = [];
    for (let i = 0; i < most && !replies.some((r) => r.kind === 'stopped'); i++) replies = send(stop === undefined ? { kind: 'tick', ms } : { kind: 'tick', ms, stop });
    return replies;
  };
  return {
    send,
    playUntilStopped,
    get data() {
      return data;
    },
  };
}

const replayOf = (lines: readonly string[]) => {
  const parsed = parseScript(lines.join('\n'));
  if (!parsed.ok) throw new Error(`the script does not parse: ${JSON.stringify(parsed.errors)}`);
  return runScript(parsed.script).session.cluster!;
};

/**
 * Figure 8 with the rule §5.4.2 adds switched off: it breaks Leader Completeness,
 * then State Machine Safety. Its `expect` lines, which say what Raft's rules
 * give, are left out.
 */
const figure8 = findScenario('figure8', LIBRARY)!
  .text.split('\n')
  .filter((line) => !line.startsWith('expect'))
  .join('\n')
  .replace(/^cluster (.*)$/m, 'cluster $1 unsafe=commit-old-terms');
/** Figure 8 up to n5's last campaign, which the tests play at the live end, with ticks. */
const beforeLastCampaign = figure8.slice(0, figure8.lastIndexOf('campaign n5'));

describe('stopping at a safety violation', () => {
  it('at the live end: the tick stops right after the event that broke it, and the script is cut there', () => {
    const p = page();
    p.send({ kind: 'load', text: beforeLastCampaign });
    p.send({ kind: 'command', text: 'campaign n5' });
    expect(p.data.violationCount).toBe(0);
    const replies = p.playUntilStopped(20, { violation: true });
    expect(replies.map((r) => r.kind)).toEqual(['stopped', 'snapshot']);
    const reason = replies[0].kind === 'stopped' ? replies[0].reason : null;
    expect(reason).toEqual({ kind: 'violation', invariant: 'LeaderCompleteness', event: p.data.event, time: p.data.time });
    expect(p.data.violationCount).toBe(1);
    expect(p.data.timeline).toMatchObject({ live: true, length: p.data.event });
    // The recorded script replays to exactly that moment: nothing after the event was run.
    const replay = replayOf(p.data.script);
    expect([replay.event, replay.time, replay.violations.length]).toEqual([p.data.event, p.data.time, 1]);
  });

  it('without the condition the same ticks play on past it', () => {
    const stopping = page();
    stopping.send({ kind: 'load', text: beforeLastCampaign });
    stopping.send({ kind: 'command', text: 'campaign n5' });
    stopping.playUntilStopped(20, { violation: true });
    const p = page();
    p.send({ kind: 'load', text: beforeLastCampaign });
    p.send({ kind: 'command', text: 'campaign n5' });
    const replies = p.playUntilStopped(20, undefined, 100);
    expect(replies.some((r) => r.kind === 'stopped')).toBe(false);
    expect(p.data.event).toBeGreaterThan(stopping.data.event);
  });

  it('replaying the past: it stops at the first violation, then, played on, at the next', () => {
    const p = page();
    p.send({ kind: 'load', text: figure8, cursor: { event: 0, time: 0 } });
    p.send({ kind: 'seek', position: Number.MAX_SAFE_INTEGER });
    const [lc, sms] = p.data.violations;
    p.send({ kind: 'seek', position: 0 });
    const first = p.playUntilStopped(15, { violation: true });
    expect(first[0]).toEqual({ kind: 'stopped', reason: { kind: 'violation', invariant: 'LeaderCompleteness', event: lc.event, time: lc.time } });
    expect([p.data.event, p.data.time, p.data.timeline.live]).toEqual([lc.event, lc.time, false]);
    const second = p.playUntilStopped(15, { violation: true });
    expect(second[0]).toMatchObject({ kind: 'stopped', reason: { kind: 'violation', invariant: 'StateMachineSafety', event: sms.event } });
    expect(p.data.event).toBe(sms.event);
  });
});

describe('stopping at a moment', () => {
  /** A run with the clock at 600 ms, then the moment a 7 ms tick leaves in its past, between two events. */
  function runWithMoment() {
    const p = page();
    p.send({ kind: 'command', text: 'cluster nodes=5 seed=3' });
    for (let i = 0; i < 20; i++) p.send({ kind: 'tick', ms: 30 });
    p.send({ kind: 'seek', position: 25 });
    p.send({ kind: 'tick', ms: 7 });
    const moment = { event: p.data.event, time: p.data.time };
    return { p, moment };
  }

  it('in the past: playing stops at that very moment, both numbers, even between two events', () => {
    const { p, moment } = runWithMoment();
    const script = p.data.script;
    p.send({ kind: 'seek', position: 3 });
    const replies = p.playUntilStopped(4, { violation: true, at: moment });
    expect(replies[0]).toEqual({ kind: 'stopped', reason: { kind: 'moment', ...moment } });
    expect({ event: p.data.event, time: p.data.time }).toEqual(moment);
    expect(p.data.script).toEqual(script);
  });

  it('at the end of the recorded run (a tour step’s end): it goes live there, and runs nothing past it', () => {
    const { p } = runWithMoment();
    const script = p.data.script;
    const end = { event: p.data.timeline.length, time: p.data.timeline.headTime };
    const replies = p.playUntilStopped(50, { at: end });
    expect(replies[0]).toEqual({ kind: 'stopped', reason: { kind: 'moment', ...end } });
    expect(p.data.timeline.live).toBe(true);
    expect(p.data.script).toEqual(script);
    // Already there: the next tick stops at once.
    expect(p.send({ kind: 'tick', ms: 50, stop: { at: end } }).map((r) => r.kind)).toEqual(['stopped', 'snapshot']);
    expect(p.data.script).toEqual(script);
  });

  it('beyond the live end: the run goes on until the moment’s time, and stops there', () => {
    const p = page();
    p.send({ kind: 'command', text: 'cluster nodes=5 seed=3' });
    p.send({ kind: 'tick', ms: 100 });
    const replies = p.send({ kind: 'tick', ms: 100, stop: { at: { event: 1_000_000, time: 140 } } });
    expect(replies[0]).toEqual({ kind: 'stopped', reason: { kind: 'moment', event: p.data.event, time: 140 } });
    expect(p.data.time).toBe(140);
    expect(p.data.script.at(-1)).toBe('run 140ms');
  });
});
