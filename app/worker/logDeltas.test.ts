import { describe, expect, it } from 'vitest';
import type { LogEntry, LogView, StoredLog } from '../../engine/types.ts';
import { appendAfter, appended, compacted, emptyLog, logAfter, logView } from '../../engine/raft/log.ts';
import { applyLogDelta, EMPTY_LOG_VIEW, LogDeltas } from './logDeltas.ts';
import type { LogDelta } from './viewModel.ts';

/** A delta as the page receives it: a structured clone, so its entries are new objects every time. */
const cloned = <T>(x: T): T => structuredClone(x);

const raw = (term: number, value: string): LogEntry => ({ term, kind: 'raw', value });
const view = (entries: readonly LogEntry[], start = 0, startTerm = 0): LogView => ({ start, startTerm, entries });
const fresh = (node: string, entries: readonly LogEntry[]): LogDelta => ({ node, start: 0, startTerm: 0, from: 0, entries });

/** Entries 1..n, terms as given. */
const stored = (terms: readonly number[]): StoredLog => appended(emptyLog(), terms.map((t, i) => raw(t, `v${i + 1}`)));

/**
 * The worker's side and the page's side together, each delta cloned as the
 * worker's message would be: after every step the page's copy must equal the
 * stored log, index for index.
 */
function wire() {
  const deltas = new LogDeltas();
  let page: LogView = EMPTY_LOG_VIEW;
  const sent: LogDelta[] = [];
  return {
    send(log: StoredLog): LogDelta | null {
      const d = deltas.delta('n1', log);
      if (d !== null) {
        sent.push(d);
        page = applyLogDelta(page, cloned(d));
      }
      return d;
    },
    get page() {
      return page;
    },
    sent,
  };
}

describe('applying log deltas on the page', () => {
  it('holds an entry the nodes have in common once, as the peer that had it first holds it', () => {
    const leader = applyLogDelta(EMPTY_LOG_VIEW, cloned(fresh('n1', [raw(1, 'a'), raw(1, 'b')])));
    const follower = applyLogDelta(EMPTY_LOG_VIEW, cloned(fresh('n2', [raw(1, 'a'), raw(1, 'b')])), [leader]);
    expect(follower).toEqual(leader);
    expect(follower.entries[0]).toBe(leader.entries[0]);
    expect(follower.entries[1]).toBe(leader.entries[1]);
  });

  it('keeps its own entry where the peers differ (another term, another value, or none there)', () => {
    const peer = view([raw(1, 'a'), raw(2, 'b')]);
    const mine = applyLogDelta(view([raw(1, 'a')]), cloned({ node: 'n3', start: 0, startTerm: 0, from: 1, entries: [raw(3, 'b'), raw(3, 'c')] }), [peer]);
    expect(mine.entries).toEqual([raw(1, 'a'), raw(3, 'b'), raw(3, 'c')]);
    expect(mine.entries[1]).not.toBe(peer.entries[1]);
    const other = applyLogDelta(EMPTY_LOG_VIEW, cloned(fresh('n4', [raw(1, 'z')])), [peer]);
    expect(other.entries[0]).not.toBe(peer.entries[0]);
    expect(other.entries).toEqual([raw(1, 'z')]);
  });

  it('shares entries with a peer by index, not position, when the logs start at different places (§7)', () => {
    // The peer holds 1..3; this node holds 3.. after a snapshot up to 2: its first entry is the peer's third.
    const peer = view([raw(1, 'a'), raw(1, 'b'), raw(2, 'c')]);
    const mine = applyLogDelta(EMPTY_LOG_VIEW, cloned({ node: 'n2', start: 2, startTerm: 1, from: 2, entries: [raw(2, 'c'), raw(2, 'd')] }), [peer]);
    expect(mine).toEqual(view([raw(2, 'c'), raw(2, 'd')], 2, 1));
    expect(mine.entries[0]).toBe(peer.entries[2]);
  });

  it('cuts a log back where the delta says, and leaves an unchanged one as it was', () => {
    const have = view([raw(1, 'a'), raw(1, 'b')]);
    expect(applyLogDelta(have, { node: 'n1', start: 0, startTerm: 0, from: 1, entries: [] })).toEqual(view([raw(1, 'a')]));
    expect(applyLogDelta(have, { node: 'n1', start: 0, startTerm: 0, from: 2, entries: [] })).toBe(have);
  });

  it('refuses a delta that keeps entries the page does not hold, naming the node', () => {
    const have = view([raw(1, 'c')], 2, 1);
    expect(() => applyLogDelta(have, { node: 'n5', start: 0, startTerm: 0, from: 3, entries: [] })).toThrow(/n5.*keeps indexes 1\.\.3.*holds 3\.\.3/);
  });
});

describe('log deltas across snapshots (§7)', () => {
  it('a compaction sends only the new start: the page keeps the entries after it, under the same indexes', () => {
    const w = wire();
    const full = stored([1, 1, 1, 2, 2, 2]);
    w.send(full);
    const after = compacted(full, 4);
    const d = w.send(after)!;
    expect(d).toMatchObject({ start: 4, startTerm: 2, from: 6, entries: [] });
    expect(w.page).toEqual(logView(after));
    expect(w.page.entries[0]).toEqual(raw(2, 'v5'));
  });

  it('a compaction with new entries after it sends the new start and only the new entries', () => {
    const w = wire();
    const full = stored([1, 1, 1, 2]);
    w.send(full);
    const next = appended(compacted(full, 3), [raw(3, 'v5')]);
    const d = w.send(next)!;
    expect(d).toMatchObject({ start: 3, startTerm: 1, from: 4 });
    expect(d.entries).toEqual([raw(3, 'v5')]);
    expect(w.page).toEqual(logView(next));
  });

  it('an InstallSnapshot that discards the whole log: the page holds the snapshot start and nothing after it', () => {
    const w = wire();
    const mine = stored([1, 1, 2, 2, 2]);
    w.send(mine);
    // The follower's log did not hold the snapshot's last entry (index 8, term 3): Figure 13 discards it all.
    const installed = logAfter(8, 3);
    expect(w.send(installed)).toMatchObject({ start: 8, startTerm: 3, from: 8, entries: [] });
    expect(w.page).toEqual(view([], 8, 3));
    // Then the leader's entries arrive after it, from index 9.
    const repaired = appendAfter(installed, 8, [raw(3, 'x'), raw(4, 'y')]).log;
    w.send(repaired);
    expect(w.page).toEqual(view([raw(3, 'x'), raw(4, 'y')], 8, 3));
  });

  it('an InstallSnapshot that keeps the entries after it (Figure 13): only the start changes', () => {
    const w = wire();
    const mine = stored([1, 1, 2, 2, 2, 2]);
    w.send(mine);
    const kept = compacted(mine, 4);
    expect(w.send(kept)).toMatchObject({ start: 4, startTerm: 2, from: 6, entries: [] });
    expect(w.page).toEqual(logView(kept));
  });

  it('a seek back to before a compaction sends the older, longer log whole, and the page shows it all again', () => {
    const w = wire();
    const full = stored([1, 1, 1, 2, 2, 2]);
    w.send(full);
    w.send(compacted(full, 5));
    expect(w.page.start).toBe(5);
    // Time travel: the worker now shows the state before the compaction.
    const d = w.send(full)!;
    expect(d).toMatchObject({ start: 0, startTerm: 0, from: 0 });
    expect(d.entries).toHaveLength(6);
    expect(w.page).toEqual(logView(full));
  });

  it('a conflict after the start cuts the page copy back to it, not to a position', () => {
    const w = wire();
    const base = compacted(stored([1, 1, 1, 2, 2]), 3);
    w.send(base);
    // The leader's entry 5 has term 3: index 5 is replaced.
    const fixed = appendAfter(base, 4, [raw(3, 'z')]).log;
    const d = w.send(fixed)!;
    expect(d).toMatchObject({ start: 3, from: 4, entries: [raw(3, 'z')] });
    expect(w.page).toEqual(logView(fixed));
  });
});
