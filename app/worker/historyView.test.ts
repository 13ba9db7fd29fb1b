import { describe, expect, it } from 'vitest';
import { emptyList, push, size, take, type ChunkedList } from '../../engine/raft/chunkedList.ts';
import { buildHistory, type HistoryEvent } from '../../engine/linearize/history.ts';
import { parseScript } from '../../engine/scenario/parse.ts';
import { runScript } from '../../engine/scenario/run.ts';
import { toArray } from '../../engine/raft/chunkedList.ts';
import { HistoryPublisher, HistoryVerdicts, PACE_FROM } from './historyView.ts';
import { emptyClientHistory, mergeClientHistory, type ClientHistory } from '../history/historyModel.ts';

let event = 0;
const invoke = (client: string, serial: number, kind: 'put' | 'append' | 'get', key: string, value = ''): HistoryEvent => ({
  type: 'invoke',
  client,
  serial,
  op: kind === 'get' ? { kind, key } : { kind, key, value },
  time: ++event,
  event,
});
const answer = (client: string, serial: number, result = ''): HistoryEvent => ({ type: 'return', client, serial, result, time: ++event, event });

const clusterOf = (text: string) => {
  const parsed = parseScript(text);
  if (!parsed.ok) throw new Error(`the script does not parse: ${JSON.stringify(parsed.errors)}`);
  return runScript(parsed.script).session.cluster!;
};

/** A reply lost, the retry applied a second time with sessions off: the get sees "aa" (thesis §6.3). */
const DUPLICATE = `cluster nodes=3 clients=1 seed=1 unsafe=no-sessions
campaign n1
stabilize
client c1 append x a
step 5
drop n1 c1 ClientReply
run 500ms
client c1 get x
run 300ms`;

describe('the verdict on the client history', () => {
  it('has nothing to check before the first answer', () => {
    const v = new HistoryVerdicts();
    expect(v.verdict(push(emptyList(), [invoke('c1', 1, 'put', 'x', '1')]))).toEqual({ verdict: 'none' });
    expect(v.checks).toBe(0);
  });

  it('finds the order of a linearizable history, and checks again only when an answer comes', () => {
    const v = new HistoryVerdicts();
    const a = push(emptyList<HistoryEvent>(), [invoke('c1', 1, 'put', 'x', '1'), answer('c1', 1), invoke('c2', 1, 'get', 'x'), answer('c2', 1, '1')]);
    const first = v.verdict(a);
    expect(first).toEqual({ verdict: 'ok', order: { x: [0, 1] } });
    // A new invocation comes after every answer: the verdict cannot change, and it is not searched again.
    const b = push(a, [invoke('c1', 2, 'get', 'x')]);
    expect(v.verdict(b)).toBe(first);
    expect(v.checks).toBe(1);
    const c = push(b, [answer('c1', 2, '1')]);
    expect(v.verdict(c)).toEqual({ verdict: 'ok', order: { x: [0, 1, 2] } });
    expect(v.checks).toBe(2);
    // Back to an earlier moment: its verdict is remembered.
    expect(v.verdict(b)).toBe(first);
    expect(v.checks).toBe(2);
  });

  it('frames of play check a long history again only once it has grown by a quarter; any other snapshot checks exactly', () => {
    const v = new HistoryVerdicts();
    let list = emptyList<HistoryEvent>();
    const grow = (n: number) => {
      for (let i = 0; i < n; i++) {
        const serial = size(list) / 2 + 1;
        list = push(list, [invoke('c1', serial, 'put', 'x', String(serial)), answer('c1', serial)]);
      }
    };
    grow(PACE_FROM / 2); // PACE_FROM events: the pacing starts here
    v.verdict(list, true);
    expect(v.checks).toBe(1);
    const checked = size(list);
    grow(100);
    const kept = v.verdict(list, true);
    expect(v.checks).toBe(1);
    // The verdict kept is the one for the prefix checked: it orders none of the newer operations.
    expect(kept.verdict === 'ok' && kept.order.x.length).toBe(checked / 2);
    // A step or a seek (not a frame of play) checks what is shown.
    expect(v.verdict(list)).toMatchObject({ verdict: 'ok' });
    expect(v.checks).toBe(2);
    grow(size(list) / 8 + 10); // a quarter more events than the last check read
    v.verdict(list, true);
    expect(v.checks).toBe(3);
  });

  it('names a violation with its smallest set, and keeps it as the run goes on without searching again', () => {
    const v = new HistoryVerdicts();
    const bad = push(emptyList<HistoryEvent>(), [invoke('c1', 1, 'put', 'x', '1'), answer('c1', 1), invoke('c2', 1, 'get', 'x'), answer('c2', 1, '2')]);
    const found = v.verdict(bad);
    expect(found.verdict).toBe('violation');
    if (found.verdict !== 'violation') return;
    expect(found.ops).toEqual([1]);
    expect(found.explanation).toMatch(/c2/);
    const later = push(bad, [invoke('c1', 2, 'get', 'x'), answer('c1', 2, '1')]);
    expect(v.verdict(later)).toBe(found);
    expect(v.checks).toBe(1);
  });

  it('says unknown when the search runs out of its budget', () => {
    const v = new HistoryVerdicts(() => 1);
    const list = push(emptyList<HistoryEvent>(), [
      invoke('c1', 1, 'append', 'x', 'a'),
      invoke('c2', 1, 'append', 'x', 'b'),
      invoke('c3', 1, 'append', 'x', 'c'),
      answer('c1', 1),
      answer('c2', 1),
      answer('c3', 1),
      invoke('c1', 2, 'get', 'x'),
      answer('c1', 2, 'cba'),
    ]);
    expect(v.verdict(list)).toMatchObject({ verdict: 'unknown', key: 'x' });
  });

  it('finds the duplicated append of a run without sessions, from the cluster state', () => {
    const s = clusterOf(DUPLICATE);
    const v = new HistoryVerdicts().verdict(s.history);
    expect(v.verdict).toBe('violation');
    if (v.verdict === 'violation') expect(v.explanation).toMatch(/twice/);
  });
});

/** What the page holds after a snapshot of `list`, starting from `page`. */
const send = (p: HistoryPublisher, page: ClientHistory, list: ChunkedList<HistoryEvent>, full = false): ClientHistory => {
  if (full) p.reset();
  return mergeClientHistory(page, p.take(list), full);
};

describe('the history sent to the page', () => {
  it('sends only what the page lacks, and the page rebuilds the same operations', () => {
    const p = new HistoryPublisher();
    const a = push(emptyList<HistoryEvent>(), [invoke('c1', 1, 'put', 'x', '1'), invoke('c2', 1, 'get', 'x')]);
    const first = p.take(a);
    expect(first.delta).toEqual({ from: 0, events: toArray(a) });
    let page = mergeClientHistory(emptyClientHistory, first, true);
    const b = push(a, [answer('c1', 1), answer('c2', 1, '1')]);
    const second = p.take(b);
    expect(second.delta?.from).toBe(2);
    expect(second.delta?.events).toHaveLength(2);
    page = mergeClientHistory(page, second, false);
    expect(page.ops).toEqual(buildHistory(toArray(b)));
    expect(page.verdict).toEqual({ verdict: 'ok', order: { x: [0, 1] } });
    // Nothing new: nothing sent, and the page keeps its object.
    const third = p.take(b);
    expect(third).toEqual({ delta: null, verdict: null });
    expect(mergeClientHistory(page, third, false)).toBe(page);
  });

  it('an earlier moment cuts the page copy back; a later one extends it again', () => {
    const p = new HistoryPublisher();
    const whole = push(emptyList<HistoryEvent>(), [
      invoke('c1', 1, 'put', 'x', '1'),
      invoke('c2', 1, 'get', 'x'),
      answer('c1', 1),
      invoke('c3', 1, 'get', 'x'),
      answer('c2', 1, '1'),
    ]);
    let page = send(p, emptyClientHistory, whole, true);
    for (const n of [2, 4, 1, 5, 0, 3, 5]) {
      page = send(p, page, take(whole, n));
      expect(page.ops).toEqual(buildHistory(toArray(take(whole, n))));
      expect(page.length).toBe(n);
    }
    expect(page.clients).toEqual(['c1', 'c2', 'c3']);
  });

  it('another run is sent whole', () => {
    const p = new HistoryPublisher();
    const one = push(emptyList<HistoryEvent>(), [invoke('c1', 1, 'put', 'x', '1'), answer('c1', 1)]);
    const other = push(emptyList<HistoryEvent>(), [invoke('c2', 1, 'get', 'y')]);
    let page = send(p, emptyClientHistory, one, true);
    const view = p.take(other);
    expect(view.delta?.from).toBe(0);
    page = mergeClientHistory(page, view, false);
    expect(page.ops).toEqual(buildHistory(toArray(other)));
    expect(page.verdict).toEqual({ verdict: 'none' });
  });

  it('a long run grows by deltas the size of what happened, not of the history', () => {
    const s = clusterOf(`cluster nodes=3 clients=3 seed=2
campaign n1
stabilize
workload ops=300 rate=200/s keys=2
run 2s`);
    const all = toArray(s.history);
    expect(all.length).toBeGreaterThan(200);
    const p = new HistoryPublisher();
    let page = send(p, emptyClientHistory, take(s.history, 0), true);
    let biggest = 0;
    for (let n = 10; n <= all.length + 9; n += 10) {
      const view = p.take(take(s.history, Math.min(n, all.length)));
      biggest = Math.max(biggest, view.delta?.events.length ?? 0);
      page = mergeClientHistory(page, view, false);
    }
    expect(biggest).toBeLessThanOrEqual(10);
    expect(page.ops).toEqual(buildHistory(all));
    expect(page.verdict.verdict).toBe('ok');
  });
});
