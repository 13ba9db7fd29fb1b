/**
 * The safety properties of Raft (paper Figure 3, §5.2-5.4), checked after every
 * event, incrementally: each check looks only at what the event changed, so the
 * cost does not grow with the length of the logs.
 *
 * The checker keeps what it has learned in `CheckerState`, plain data that is part
 * of the cluster state, so a restored snapshot goes on checking exactly as before.
 */
import type { InvariantName } from '../events.ts';
import type { Log, LogEntry, NodeId, NodeState } from '../types.ts';
import { sameEntry } from '../raft/log.ts';

export interface Violation {
  readonly invariant: InvariantName;
  /** The event number after which it was detected. */
  readonly event: number;
  readonly time: number;
  /** What broke, in plain words. */
  readonly detail: string;
  /** The nodes involved, for highlighting. */
  readonly nodes: readonly NodeId[];
  /** The log index involved, when there is one. */
  readonly index: number | null;
}

export interface CheckerState {
  /** Election Safety: the leader seen for each term. */
  readonly leaders: Record<string, NodeId>;
  /** The longest prefix any node has committed. State Machine Safety compares against it. */
  readonly committed: LogEntry[];
  /**
   * Log Matching: for every (index, term) ever stored, its value and the term before
   * it. If no two logs ever disagree on these, then two logs that share an
   * (index, term) share the whole prefix up to it, by induction on the index.
   */
  readonly entries: Record<string, { readonly value: string | null; readonly prevTerm: number }>;
  /** Keys of violations already reported, so one fault is not reported at every event. */
  readonly reported: Record<string, true>;
  /**
   * The highest commitIndex each node has ever had, across crashes (a crash loses
   * commitIndex, not what the node applied to its state machine).
   */
  readonly applied: Record<NodeId, number>;
}

export const emptyChecker = (): CheckerState => ({ leaders: {}, committed: [], entries: {}, reported: {}, applied: {} });

export const cloneChecker = (c: CheckerState): CheckerState => ({
  leaders: { ...c.leaders },
  committed: c.committed.slice(),
  entries: { ...c.entries },
  reported: { ...c.reported },
  applied: { ...c.applied },
});

/** What the checker may look at besides the node that changed. */
export interface Observation {
  readonly event: number;
  readonly time: number;
  /** Every node after the event, the changed one included. */
  readonly nodes: Readonly<Record<NodeId, NodeState>>;
}

const fmt = (e: LogEntry | undefined): string =>
  e === undefined ? 'nothing' : e.value === null ? `a no-op of term ${e.term}` : `"${e.value}" (term ${e.term})`;

/**
 * Check everything one node's change could have broken. `before` is the node as it
 * was before the event. Returns new violations (also remembered in `c.reported`).
 */
export function checkNodeChange(c: CheckerState, before: NodeState, after: NodeState, obs: Observation): Violation[] {
  const found: Violation[] = [];
  const report = (key: string, invariant: InvariantName, detail: string, nodes: NodeId[], index: number | null): void => {
    const k = `${invariant}|${key}`;
    if (c.reported[k]) return;
    c.reported[k] = true;
    found.push({ invariant, event: obs.event, time: obs.time, detail, nodes, index });
  };
  const id = after.id;
  const oldLog = before.persistent.log;
  const newLog = after.persistent.log;
  const term = after.persistent.currentTerm;
  const wasLeader = before.volatile?.role === 'leader';
  const isLeader = after.volatile?.role === 'leader';

  if (newLog !== oldLog) {
    const k = firstChange(oldLog, newLog);
    if (k <= oldLog.length) {
      if (wasLeader && isLeader && before.persistent.currentTerm === term) {
        report(`${id}@${term}`, 'LeaderAppendOnly',
          `${id}, leader of term ${term}, removed its own entries from index ${k} on. A leader only ever appends (§5.3).`, [id], k);
      }
      // A node may lose an entry that others committed but it never did: a stale
      // leader of a term it has not left can overwrite its copy, while the
      // committing majority (at a higher term) keeps the entry. What must never
      // change is an entry this node itself committed, and so applied.
      if (k <= (c.applied[id] ?? 0)) {
        report(`overwrite@${k}`, 'StateMachineSafety',
          `${id} removed the committed entry ${fmt(oldLog[k - 1])} at index ${k}` +
            (newLog[k - 1] ? `, replacing it with ${fmt(newLog[k - 1])}` : '') +
            '. A committed entry must never change (§5.4).', [id], k);
      }
    }
    for (let i = k; i <= newLog.length; i++) {
      const e = newLog[i - 1];
      const prevTerm = i > 1 ? newLog[i - 2].term : 0;
      const key = `${i}:${e.term}`;
      const seen = c.entries[key];
      if (seen === undefined) c.entries[key] = { value: e.value, prevTerm };
      else if (seen.value !== e.value || seen.prevTerm !== prevTerm) {
        report(key, 'LogMatching',
          `${id} holds ${fmt(e)} at index ${i} after an entry of term ${prevTerm}, but another log has ` +
            `${fmt({ term: e.term, value: seen.value })} there after an entry of term ${seen.prevTerm}. ` +
            'Entries with the same index and term must have identical logs up to them (§5.3).', [id], i);
      }
    }
  }

  const newCommit = after.volatile?.commitIndex ?? 0;
  if (newCommit > newLog.length) {
    report(`${id}@${newCommit}>${newLog.length}`, 'CommitWithinLog',
      `${id} has commitIndex ${newCommit} but its log ends at ${newLog.length}.`, [id], newCommit);
  }
  const oldCommit = before.volatile === null ? newCommit : before.volatile.commitIndex;
  if (newCommit > (c.applied[id] ?? 0)) c.applied[id] = newCommit;
  if (newCommit > oldCommit && newCommit <= newLog.length) {
    checkCommit(c, id, newLog, oldCommit, newCommit, obs, report);
  }

  if (isLeader && (!wasLeader || before.persistent.currentTerm !== term)) {
    const other = c.leaders[term];
    if (other !== undefined && other !== id) {
      report(`term${term}`, 'ElectionSafety',
        `${other} and ${id} were both elected leader in term ${term}. At most one leader per term (§5.2).`, [other, id], null);
    } else c.leaders[term] = id;
    const top = c.committed.length;
    if (top > 0 && !(newLog[top - 1] && sameEntry(newLog[top - 1], c.committed[top - 1]))) {
      report(`${id}@${term}`, 'LeaderCompleteness',
        `${id} became leader of term ${term} without the committed entry ${fmt(c.committed[top - 1])} at index ${top}. ` +
          'Every leader must hold every committed entry (§5.4.1).', [id], top);
    }
  }
  return found;
}

/**
 * A node's commitIndex rose from `from` to `upTo`. Every newly committed entry is
 * compared with the committed prefix, then the prefix grows with what is new.
 * (While Log Matching holds, comparing the last one would do; comparing each one
 * still catches a bad commit when Log Matching is broken, as with
 * `unsafe=no-truncate`, and costs one comparison per committed entry.)
 */
function checkCommit(
  c: CheckerState,
  id: NodeId,
  log: Log,
  from: number,
  upTo: number,
  obs: Observation,
  report: (key: string, inv: InvariantName, detail: string, nodes: NodeId[], index: number | null) => void,
): void {
  const known = c.committed.length;
  for (let i = from + 1; i <= Math.min(upTo, known); i++) {
    if (sameEntry(log[i - 1], c.committed[i - 1])) continue;
    report(`commit@${i}`, 'StateMachineSafety',
      `${id} committed ${fmt(log[i - 1])} at index ${i}, but ${fmt(c.committed[i - 1])} was already ` +
        'committed there. No two servers may apply different entries at one index (§5.4.3).', [id], i);
    return;
  }
  if (upTo <= known) return;
  for (let i = known + 1; i <= upTo; i++) c.committed.push(log[i - 1]);
  const entry = log[upTo - 1];
  for (const other of Object.values(obs.nodes)) {
    const v = other.volatile;
    if (v === null || v.role !== 'leader' || other.persistent.currentTerm <= entry.term || other.id === id) continue;
    const theirs = other.persistent.log[upTo - 1];
    if (theirs === undefined || !sameEntry(theirs, entry)) {
      report(`${other.id}@${other.persistent.currentTerm}`, 'LeaderCompleteness',
        `${id} committed ${fmt(entry)} at index ${upTo}, but ${other.id}, leader of the later term ` +
          `${other.persistent.currentTerm}, does not hold it (§5.4.1).`, [id, other.id], upTo);
    }
  }
}

/**
 * The first index whose entry differs between the two logs (length + 1 if one is a
 * prefix of the other). Entries are shared by reference when unchanged (copy on
 * write), so unchanged prefixes compare by identity and a binary search suffices.
 */
function firstChange(a: Log, b: Log): number {
  const common = Math.min(a.length, b.length);
  if (common === 0 || a[common - 1] === b[common - 1]) return common + 1;
  let lo = 0;
  let hi = common - 1; // a[hi] !== b[hi]
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] === b[mid]) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}
