/**
 * Moments are pairs (event, time): the clock can stand between two events, and
 * every way back to a moment (a step back, a seek, a link) gives back both.
 */
import { describe, expect, it } from 'vitest';
import { SimHost } from './simHost.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { emptySimData, mergeSnapshot, type SimData } from '../store/mergeSnapshot.ts';
import { parseScript } from '../../engine/scenario/parse.ts';
import { runScript } from '../../engine/scenario/run.ts';

/** The host, and the page's copy of what it shows, kept as the store keeps it. */
function page() {
  const host = new SimHost();
  let data: SimData = emptySimData;
  const send = (msg: ToWorker): FromWorker[] => {
    const replies = host.handle(msg);
    for (const r of replies) if (r.kind === 'snapshot') data = mergeSnapshot(data, r.snapshot);
    return replies;
  };
  return {
    send,
    get data() {
      return data;
    },
    /** The moment shown, as the page's clock shows it (`sim-time`'s data-event and data-ms). */
    get moment() {
      return { event: data.event, time: data.time };
    },
  };
}

/** Everything the page draws about the cluster at the moment shown. */
const drawn = (d: SimData): string => JSON.stringify({ time: d.time, event: d.event, nodes: d.nodes, logs: d.logs, messages: d.messages.map((m) => m.id), cuts: [...d.cuts] });

/** Paused while playing: the clock at 311 ms, after the last event and before the next. */
function pausedBetweenEvents() {
  const p = page();
  p.send({ kind: 'command', text: 'cluster nodes=5 seed=3' });
  for (let i = 0; i < 10; i++) p.send({ kind: 'tick', ms: 31 });
  p.send({ kind: 'tick', ms: 1 });
  const moment = p.moment;
  expect(moment.time).toBe(311);
  return { p, moment };
}

/** The time of event `event` itself, as a seek by event number alone shows it. */
function timeOfEvent(p: ReturnType<typeof page>, event: number): number {
  p.send({ kind: 'seek', position: event });
  return p.data.time;
}

describe('moments between two events', () => {
  it('paused at the live end: two steps and two steps back come back to the same event and the same clock', () => {
    const { p, moment } = pausedBetweenEvents();
    const before = drawn(p.data);
    p.send({ kind: 'step-forward' });
    p.send({ kind: 'step-forward' });
    expect(p.data.event).toBe(moment.event + 2);
    p.send({ kind: 'step-back' });
    expect(p.data.event).toBe(moment.event + 1);
    p.send({ kind: 'step-back' });
    expect(p.moment).toEqual(moment);
    expect(drawn(p.data)).toBe(before);
    // And on again, to the very moments the steps reached.
    p.send({ kind: 'step-forward' });
    p.send({ kind: 'step-forward' });
    expect(p.data.timeline.live).toBe(true);
    // The moment was between two events: the event's own time is earlier.
    expect(timeOfEvent(p, moment.event)).toBeLessThan(moment.time);
  });

  it('replaying the past: the same, from a moment a tick left between two events', () => {
    const { p } = pausedBetweenEvents();
    for (let i = 0; i < 5; i++) p.send({ kind: 'tick', ms: 40 });
    p.send({ kind: 'seek', position: 30 });
    p.send({ kind: 'tick', ms: 7 });
    const moment = p.moment;
    const before = drawn(p.data);
    expect(p.data.timeline.live).toBe(false);
    for (const step of ['step-forward', 'step-forward', 'step-back', 'step-back'] as const) p.send({ kind: step });
    expect(p.moment).toEqual(moment);
    expect(drawn(p.data)).toBe(before);
    // Back first, then forward: the step forward returns to the moment the step back left.
    p.send({ kind: 'step-back' });
    p.send({ kind: 'step-forward' });
    expect(p.moment).toEqual(moment);
  });

  it('a seek to both numbers shows that moment; a seek to the event alone, the event’s own time', () => {
    const { p, moment } = pausedBetweenEvents();
    p.send({ kind: 'step-forward' });
    p.send({ kind: 'step-forward' });
    p.send({ kind: 'seek', position: moment.event, time: moment.time });
    expect(p.moment).toEqual(moment);
    expect(p.data.timeline.live).toBe(false);
    p.send({ kind: 'seek', position: 0 });
    p.send({ kind: 'seek', position: moment.event, time: moment.time });
    expect(p.moment).toEqual(moment);
    expect(timeOfEvent(p, moment.event)).toBeLessThan(moment.time);
  });

  it('a link made there opens at both numbers, and acting there forks at both', () => {
    const { p, moment } = pausedBetweenEvents();
    p.send({ kind: 'step-forward' });
    p.send({ kind: 'step-forward' });
    p.send({ kind: 'step-back' });
    p.send({ kind: 'step-back' });
    const script = p.data.script.join('\n');
    const q = page();
    const replies = q.send({ kind: 'load', text: script, cursor: moment });
    expect(replies.at(-1)).toMatchObject({ kind: 'loaded', result: { ok: true, ...moment } });
    expect(q.moment).toEqual(moment);
    expect(drawn(q.data)).toBe(drawn(p.data));

    expect(q.send({ kind: 'command', text: 'crash n1' })[0]).toEqual({ kind: 'forked', at: moment.event, time: moment.time, dropped: 2 });
    const parsed = parseScript(q.data.script.join('\n'));
    if (!parsed.ok) throw new Error('the forked script does not parse');
    const replay = runScript(parsed.script).session.cluster!;
    expect([replay.event, replay.time]).toEqual([moment.event + 1, moment.time]);
  });

  it('a moment between two events of a `step` (a tour step played) is kept as well', () => {
    const p = page();
    const script = 'cluster nodes=5 seed=14\nstep 1\nstep 4';
    p.send({ kind: 'load', text: script, cursor: { event: 0, time: 0 } });
    p.send({ kind: 'tick', ms: 50 });
    const moment = p.moment;
    expect(moment).toEqual({ event: 0, time: 50 });
    const q = page();
    q.send({ kind: 'load', text: script, cursor: moment });
    expect(q.moment).toEqual(moment);
    expect(q.data.timeline.live).toBe(false);
  });
});
