import { describe, expect, it } from 'vitest';
import { parseScript } from '../../engine/scenario/parse.ts';
import { runScript } from '../../engine/scenario/run.ts';
import { buildTimeline } from '../../engine/timeline/timeline.ts';
import { logEntries } from '../../engine/raft/log.ts';
import type { ClusterState } from '../../engine/sim/cluster.ts';
import { SimHost } from './simHost.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { emptySimData, mergeSnapshot, type SimData } from '../store/mergeSnapshot.ts';

/** The host, and the page's copy of what it shows, kept as the store keeps it. */
function page() {
  const host = new SimHost();
  let data: SimData = emptySimData;
  const send = (msg: ToWorker): FromWorker[] => {
    const replies = host.handle(msg);
    for (const r of replies) if (r.kind === 'snapshot') data = mergeSnapshot(data, r.snapshot);
    return replies;
  };
  return { send, get data() { return data; } };
}

/** Everything the page draws about the cluster at the moment shown. */
const shown = (d: SimData): string =>
  JSON.stringify({ time: d.time, event: d.event, nodes: d.nodes, logs: d.logs, messages: d.messages.map((m) => m.id), cuts: [...d.cuts] });

/** The same, from an engine state. */
function engineView(s: ClusterState) {
  return {
    time: s.time,
    event: s.event,
    terms: s.ids.map((id) => s.nodes[id].persistent.currentTerm),
    roles: s.ids.map((id) => s.nodes[id].volatile?.role ?? 'down'),
    logs: s.ids.map((id) => `${s.nodes[id].persistent.log.start}| ${logEntries(s.nodes[id].persistent.log).map((e) => e.term).join(' ')}`),
    messages: s.inFlight.map((m) => m.id).sort((a, b) => a - b),
  };
}
function pageView(d: SimData) {
  return {
    time: d.time,
    event: d.event,
    terms: d.ids.map((id) => d.nodes[id].term),
    roles: d.ids.map((id) => d.nodes[id].role),
    logs: d.ids.map((id) => `${d.logs[id].start}| ${d.logs[id].entries.map((e) => e.term).join(' ')}`),
    messages: d.messages.map((m) => m.id).sort((a, b) => a - b),
  };
}

const commandsOf = (text: string) => {
  const p = parseScript(text);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.script.commands;
};

/** A run with elections, a crash and client requests: something to travel through. */
function recorded() {
  const p = page();
  p.send({ kind: 'command', text: 'cluster nodes=5 seed=3' });
  for (let i = 0; i < 10; i++) p.send({ kind: 'tick', ms: 40 });
  p.send({ kind: 'command', text: 'propose leader v1' });
  p.send({ kind: 'tick', ms: 120 });
  p.send({ kind: 'command', text: 'crash n2' });
  for (let i = 0; i < 10; i++) p.send({ kind: 'tick', ms: 50 });
  return p;
}

describe('time travel in the worker', () => {
  it('a seek back to before a compaction shows the old, full log again, and forward the snapshot again (§7)', () => {
    const p = page();
    p.send({ kind: 'command', text: 'cluster nodes=3 seed=4 clients=1 snapshot=5' });
    p.send({ kind: 'command', text: 'run 1s' });
    for (let i = 1; i <= 6; i++) p.send({ kind: 'command', text: `client c1 append x ${i}` });
    p.send({ kind: 'command', text: 'run 2s' });
    const end = p.data.timeline.length;
    const compactedLog = p.data.logs.n1;
    expect(compactedLog.start).toBeGreaterThanOrEqual(5);
    expect(p.data.snapshots.n1?.index).toBe(compactedLog.start);
    // The first moment at which n1 has a snapshot: just before it, its log starts at 0.
    const t = buildTimeline(commandsOf(p.data.script.join('\n')), 64);
    let first = end;
    while (first > 0 && t.seek(first - 1).cluster!.nodes.n1.persistent.snapshot !== null) first--;
    expect(first).toBeLessThan(end);
    p.send({ kind: 'seek', position: first - 1 });
    const before = p.data.logs.n1;
    expect(before.start).toBe(0);
    expect(p.data.snapshots.n1).toBeNull();
    expect(pageView(p.data)).toEqual(engineView(t.seek(first - 1).cluster!));
    // The old log is whole again: it holds the entries the snapshot later replaced.
    expect(before.entries.length).toBeGreaterThanOrEqual(compactedLog.start);
    p.send({ kind: 'seek', position: first });
    expect(p.data.logs.n1.start).toBeGreaterThan(0);
    expect(pageView(p.data)).toEqual(engineView(t.seek(first).cluster!));
    p.send({ kind: 'seek', position: end });
    expect(p.data.logs.n1).toEqual(compactedLog);
  });

  it('shows, at any event, exactly the state the recorded script reaches there', () => {
    const p = recorded();
    const script = p.data.script.join('\n');
    expect(p.data.timeline.length).toBeGreaterThan(150);
    const t = buildTimeline(commandsOf(script), 64);
    expect(p.data.timeline).toMatchObject({ length: t.length, live: true });
    for (const position of [0, 1, 57, 123, t.length - 1, 90, 91, t.length]) {
      p.send({ kind: 'seek', position });
      expect(pageView(p.data), `position ${position}`).toEqual(engineView(t.seek(position).cluster!));
      expect(p.data.timeline.live).toBe(position === t.length);
      // Looking changes nothing: the recording is the same.
      expect(p.data.script.join('\n')).toBe(script);
    }
  });

  it('one step back and one step forward come back to the identical state', () => {
    const p = recorded();
    for (const position of [p.data.timeline.length, 120, 37]) {
      p.send({ kind: 'seek', position });
      const before = shown(p.data);
      p.send({ kind: 'step-back' });
      expect(p.data.event).toBe(position - 1);
      expect(shown(p.data)).not.toBe(before);
      p.send({ kind: 'step-forward' });
      expect(shown(p.data)).toBe(before);
    }
  });

  it('stepping forward in the past replays, at the live end it records a step', () => {
    const p = recorded();
    const script = p.data.script;
    const end = p.data.timeline.length;
    p.send({ kind: 'seek', position: end - 2 });
    p.send({ kind: 'step-forward' });
    expect(p.data.timeline.live).toBe(false);
    p.send({ kind: 'step-forward' });
    expect(p.data.timeline.live).toBe(true);
    expect(p.data.script).toEqual(script);
    p.send({ kind: 'step-forward' });
    expect(p.data.script).toEqual([...script, 'step']);
    expect(p.data.timeline.length).toBe(end + 1);
  });

  it('an action in the past forks: the old future is set aside, and undo brings it back', () => {
    const p = recorded();
    const oldScript = p.data.script;
    const oldEnd = p.data.timeline.length;
    p.send({ kind: 'seek', position: 130 });
    const moment = shown(p.data);
    const replies = p.send({ kind: 'command', text: 'crash n4' });
    expect(replies[0]).toEqual({ kind: 'forked', at: 130, time: p.data.time, dropped: oldEnd - 130 });
    expect(p.data.timeline).toMatchObject({ live: true, length: 131, canUndo: true, canRedo: false });
    expect(p.data.script.at(-1)).toBe('crash n4');
    expect(p.data.nodes.n4.up).toBe(false);
    // The new script replays to exactly what is shown.
    const replay = runScript({ commands: commandsOf(p.data.script.join('\n')) }).session.cluster!;
    expect(pageView(p.data)).toEqual(engineView(replay));

    p.send({ kind: 'undo' });
    expect(p.data.script).toEqual(oldScript);
    expect(p.data.timeline).toMatchObject({ length: oldEnd, live: false, canUndo: false, canRedo: true });
    expect(shown(p.data)).toBe(moment);
    p.send({ kind: 'seek', position: oldEnd });
    expect(p.data.nodes.n4.up).toBe(true);

    p.send({ kind: 'redo' });
    expect(p.data.script.at(-1)).toBe('crash n4');
    expect(p.data.timeline).toMatchObject({ length: 131, live: true, canUndo: true, canRedo: false });
  });

  it('a new cluster or a loaded script can be undone too, and a new fork forgets the redo', () => {
    const p = recorded();
    const script = p.data.script;
    p.send({ kind: 'command', text: 'preset figure7' });
    expect(p.data.ids).toHaveLength(7);
    p.send({ kind: 'load', text: 'cluster nodes=3\nrun 1s' });
    expect(p.data.ids).toHaveLength(3);
    p.send({ kind: 'undo' });
    // The preset kept the options of the cluster it replaced.
    expect(p.data.script).toEqual(['cluster nodes=5 seed=3', 'preset figure7']);
    p.send({ kind: 'undo' });
    expect(p.data.script).toEqual(script);
    expect(p.data.ids).toHaveLength(5);
    expect(p.data.timeline.canRedo).toBe(true);
    // Carrying on at the live end keeps the redo (it is another run, and loses nothing)...
    p.send({ kind: 'command', text: 'campaign n1' });
    expect(p.data.timeline.canRedo).toBe(true);
    // ...a new fork replaces it.
    p.send({ kind: 'seek', position: 20 });
    p.send({ kind: 'command', text: 'campaign n3' });
    expect(p.data.timeline).toMatchObject({ canRedo: false, canUndo: true, length: 21 });
  });

  it('playing from the past replays the recorded run, then carries on live', () => {
    const p = recorded();
    const script = p.data.script;
    const t = buildTimeline(commandsOf(script.join('\n')), 64);
    const headTime = p.data.timeline.headTime;
    p.send({ kind: 'seek', position: 100 });
    let time = p.data.time;
    while (!p.data.timeline.live) {
      p.send({ kind: 'tick', ms: 30 });
      if (p.data.timeline.live) break;
      time += 30;
      expect(p.data.time).toBe(time);
      expect(pageView(p.data)).toEqual({ ...engineView(t.seekTime(time).cluster!), time });
      expect(p.data.script).toEqual(script);
    }
    // The tick that reached the end ran on past it, recorded.
    expect(p.data.time).toBe(time + 30);
    expect(p.data.time).toBeGreaterThan(headTime);
    expect(p.data.script.length).toBe(script.length);
    expect(p.data.script.at(-1)).not.toBe(script.at(-1));
  });

  it('acting while replaying forks at the very moment shown, between two events', () => {
    const p = recorded();
    p.send({ kind: 'seek', position: 100 });
    p.send({ kind: 'tick', ms: 7 });
    p.send({ kind: 'tick', ms: 6 });
    const at = p.data.time;
    p.send({ kind: 'command', text: 'restart n2' });
    const replay = runScript({ commands: commandsOf(p.data.script.join('\n')) }).session.cluster!;
    expect(pageView(p.data)).toEqual(engineView(replay));
    expect(replay.time).toBe(at);
  });

  it('opens a script at a cursor in its past, and a check there looks at that moment', () => {
    const p = recorded();
    const script = p.data.script.join('\n');
    p.send({ kind: 'seek', position: 140 });
    const cursor = { time: p.data.time, event: p.data.event };
    const moment = shown(p.data);

    const q = page();
    const replies = q.send({ kind: 'load', text: script, cursor });
    expect(replies.at(-1)).toMatchObject({ kind: 'loaded', result: { ok: true, ...cursor } });
    expect(shown(q.data)).toBe(moment);
    expect(q.data.timeline.live).toBe(false);
    // A check looks at the moment shown, and forks nothing.
    const leader = q.data.leader ?? 'none';
    expect(q.send({ kind: 'command', text: `expect leader ${leader}` }).map((r) => r.kind)).toEqual(['snapshot']);
    expect(q.data.timeline.live).toBe(false);
  });

  it('opens a link made while replaying, between two events', () => {
    const p = recorded();
    const script = p.data.script.join('\n');
    p.send({ kind: 'seek', position: 120 });
    p.send({ kind: 'tick', ms: 3 });
    const cursor = { time: p.data.time, event: p.data.event };
    const moment = shown(p.data);
    const q = page();
    q.send({ kind: 'load', text: script, cursor });
    expect(shown(q.data)).toBe(moment);
  });

  it('a cursor the replay never passes through opens the end of the run, and says where that is', () => {
    const q = page();
    const replies = q.send({ kind: 'load', text: 'cluster nodes=3\nrun 500ms', cursor: { time: 500, event: 1 } });
    expect(q.data.timeline.live).toBe(true);
    expect(replies.at(-1)).toMatchObject({ kind: 'loaded', result: { ok: true, time: 500, event: q.data.timeline.length } });
  });
});

describe('a load that opens after a line (a tour step)', () => {
  const TOUR = 'cluster nodes=3 seed=2\nsay "start"\npause\ncampaign n1\nstabilize\nsay "elected"\nexpect leader n1\npause\npropose leader a\nstabilize';

  it('shows the moment that line was done, with the rest of the run ahead, and plays on to the end', () => {
    const p = page();
    const replies = p.send({ kind: 'load', text: TOUR, afterLine: 8 });
    const loaded = replies.find((r) => r.kind === 'loaded');
    const whole = buildTimeline(commandsOf(TOUR));
    const before = buildTimeline(commandsOf(TOUR.split('\n').slice(0, 8).join('\n')));
    expect(loaded).toMatchObject({ result: { ok: true, event: before.length, time: before.session.cluster!.time, failure: null } });
    expect(p.data.timeline).toMatchObject({ live: false, length: whole.length });
    expect(pageView(p.data)).toEqual(engineView(before.session.cluster!));
    // Playing replays the recorded run; a tick that reaches the end shows the live state.
    p.send({ kind: 'tick', ms: whole.session.cluster!.time - before.session.cluster!.time });
    expect(p.data.timeline.live).toBe(true);
    expect(pageView(p.data)).toEqual(engineView(whole.session.cluster!));
    // Captions and pauses are not part of the recorded script.
    expect(p.data.script.some((l) => /^(say|pause)/.test(l))).toBe(false);
  });

  it('a cluster line after the mark starts a new run, which opens at its start', () => {
    const p = page();
    const text = `${TOUR}\npause\ncluster nodes=3 seed=2 probe=naive\nsay "again"\ncampaign n1\nstabilize`;
    p.send({ kind: 'load', text, afterLine: 11 });
    expect(p.data.timeline.live).toBe(false);
    expect(p.data.event).toBe(0);
    expect(p.data.setup).toEqual(['cluster nodes=3 seed=2 probe=naive']);
  });
});
