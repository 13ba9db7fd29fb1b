/**
 * The client history as the page is sent it, and its linearizability verdict.
 *
 * The history is `ClusterState.history`, a ChunkedList of invocations and
 * answers (engine/linearize/history.ts): it is part of the cluster state, so the
 * moment shown carries its own history and time travel needs nothing more. It
 * only grows along a run, and versions share their full chunks, so the page is
 * sent the events it lacks: `from` (how many it keeps) and what follows. A
 * moment in the past keeps a prefix of the live history, which costs the page
 * a truncation; another run shares nothing and is sent whole.
 *
 * The verdict (engine/linearize/checker.ts) depends only on the answered
 * operations: an invocation comes after every answer already given, so a new
 * unanswered operation can be ordered after all of them and changes nothing.
 * The check therefore runs when the last answer changes, its result cached by
 * that answer (the same object in every version of the run that holds it), and
 * with a budget of steps so that a hard history yields `unknown` rather than a
 * frame that never ends. A violation found on a prefix stays a violation on
 * every longer history of the same run (more answers only add constraints), so
 * it is reused as the run goes on without searching again.
 *
 * While playing, a long history is checked less often: each check reads the
 * whole history, so checking at every frame that brings an answer would cost
 * the worker O(n) a frame, O(n²) over a run. Past PACE_FROM events, a frame of
 * play keeps the last verdict until the history has grown by a quarter since
 * it was computed; any other snapshot (a step, a seek, a command) checks
 * exactly. A kept verdict is about a prefix of the history shown: it never
 * claims an order for an answer it has not seen.
 */
import type { ChunkedList } from '../../engine/raft/chunkedList.ts';
import { commonPrefix, itemAt, size, slice, toArray } from '../../engine/raft/chunkedList.ts';
import { buildHistory, type HistoryEvent } from '../../engine/linearize/history.ts';
import { checkHistory } from '../../engine/linearize/checker.ts';

/** The change to the page's copy of the history: keep the first `from` events, then append `events`. */
export interface HistoryDelta {
  readonly from: number;
  readonly events: readonly HistoryEvent[];
}

/** Whether the answered operations of the history shown are linearizable. */
export type VerdictView =
  /** No operation has been answered yet: nothing to check. */
  | { readonly verdict: 'none' }
  /** `order[key]`: indexes into the operations (in order of invocation), a linearization of that key's. */
  | { readonly verdict: 'ok'; readonly order: Readonly<Record<string, readonly number[]>> }
  /** `ops`: indexes into the operations, a smallest set on `key` that no order explains; `explanation` says why in words. */
  | { readonly verdict: 'violation'; readonly key: string; readonly ops: readonly number[]; readonly explanation: string }
  /** The search ran out of its budget on `key`. */
  | { readonly verdict: 'unknown'; readonly key: string; readonly steps: number };

/** What a snapshot carries of the client history. */
export interface ClientHistoryView {
  /** Null when the page has the history shown already. */
  readonly delta: HistoryDelta | null;
  /** Null when unchanged since the previous snapshot. */
  readonly verdict: VerdictView | null;
}

/**
 * Steps per check: a fixed allowance plus a few per operation, so a long run
 * that is plainly linearizable still gets its verdict, and a pathological one
 * costs a few milliseconds before it is `unknown`.
 */
export const checkBudget = (ops: number): number => 100_000 + 20 * ops;

/** History length (invocations and answers) from which frames of play re-check only as it grows by a quarter. */
export const PACE_FROM = 2_000;

/** How many verdicts are kept: the live end and a few moments a user steps between. */
const CACHE_SIZE = 8;

const NONE: VerdictView = { verdict: 'none' };

/** Where the last answer of `list` is, or -1: the verdict depends on the history up to it only. */
function lastReturn(list: ChunkedList<HistoryEvent>): number {
  for (let i = size(list) - 1; i >= 0; i--) if (itemAt(list, i)!.type === 'return') return i;
  return -1;
}

export class HistoryVerdicts {
  /** By the last answer they cover, most recently used last. */
  private readonly cache = new Map<HistoryEvent, VerdictView>();
  /** The last violation found, with the history it was found in and how much of it the check read. */
  private violation: { list: ChunkedList<HistoryEvent>; upTo: number; verdict: VerdictView } | null = null;
  /** The last verdict a search gave, with the history it read (paced frames keep it). */
  private latest: { list: ChunkedList<HistoryEvent>; upTo: number; verdict: VerdictView } | null = null;
  /** How many searches ran (for tests: a cached verdict costs none). */
  checks = 0;

  constructor(private readonly budget: (ops: number) => number = checkBudget) {}

  /** `paced`: a frame of play, which may keep the last verdict of a long history (see above). */
  verdict(list: ChunkedList<HistoryEvent>, paced = false): VerdictView {
    const last = lastReturn(list);
    if (last < 0) return NONE;
    const l = this.latest;
    if (paced && l !== null && l.upTo >= PACE_FROM && last + 1 - l.upTo < l.upTo / 4 && commonPrefix(l.list, list) >= l.upTo) return l.verdict;
    const key = itemAt(list, last)!;
    const hit = this.cache.get(key);
    if (hit !== undefined) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const v = this.violation;
    if (v !== null && commonPrefix(v.list, list) >= v.upTo) return this.remember(key, v.verdict);
    this.checks++;
    const ops = buildHistory(slice(list, 0, last + 1));
    const r = checkHistory(ops, { budget: this.budget(ops.length) });
    const verdict: VerdictView =
      r.verdict === 'ok'
        ? { verdict: 'ok', order: r.order }
        : r.verdict === 'violation'
          ? { verdict: 'violation', key: r.key, ops: r.ops, explanation: r.explanation }
          : { verdict: 'unknown', key: r.key, steps: r.steps };
    if (verdict.verdict === 'violation') this.violation = { list, upTo: last + 1, verdict };
    this.latest = { list, upTo: last + 1, verdict };
    return this.remember(key, verdict);
  }

  private remember(key: HistoryEvent, verdict: VerdictView): VerdictView {
    this.cache.set(key, verdict);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return verdict;
  }
}

/** What the page has been sent of the history, and what it must be sent next. */
export class HistoryPublisher {
  private sent: ChunkedList<HistoryEvent> | null = null;
  private verdictSent: VerdictView | null = null;
  private readonly verdicts: HistoryVerdicts;

  constructor(verdicts: HistoryVerdicts = new HistoryVerdicts()) {
    this.verdicts = verdicts;
  }

  /** The page dropped its copy (a full snapshot): send it all again. */
  reset(): void {
    this.sent = null;
    this.verdictSent = null;
  }

  /** `paced`: this snapshot is a frame of play (see HistoryVerdicts). */
  take(list: ChunkedList<HistoryEvent>, paced = false): ClientHistoryView {
    return { delta: this.delta(list), verdict: this.verdictChange(list, paced) };
  }

  private delta(list: ChunkedList<HistoryEvent>): HistoryDelta | null {
    const prev = this.sent;
    if (prev === list) return null;
    this.sent = list;
    if (prev === null) return { from: 0, events: toArray(list) };
    // Compared by identity: another run shares no event with this one, so it is sent whole.
    const from = commonPrefix(prev, list);
    if (from === size(prev) && from === size(list)) return null;
    return { from, events: slice(list, from) };
  }

  private verdictChange(list: ChunkedList<HistoryEvent>, paced: boolean): VerdictView | null {
    const v = this.verdicts.verdict(list, paced);
    if (v === this.verdictSent) return null;
    this.verdictSent = v;
    return v;
  }
}
