/**
 * The safety properties of Raft (paper Figure 3, §5.2-5.4), checked after every
 * event, incrementally: each check looks only at what the event changed, so the
 * cost does not grow with the length of the logs.
 *
 * The checker keeps what it has learned in `CheckerState`, plain data that is part
 * of the cluster state, so a restored snapshot goes on checking exactly as before.
 * What grows with the logs is kept in chunked lists (raft/chunkedList.ts), so the
 * copy a timeline checkpoint takes shares them instead of copying them.
 */
import type { InvariantName } from '../events.ts';
import type { ClusterConfig, LogEntry, NodeId, NodeState, Snapshot, StateMachine, StoredLog } from '../types.ts';
import { apply, emptyMachine } from '../kv/stateMachine.ts';
import { appended, emptyLog, entriesFrom, entryAt, firstChange, lastIndex, sameEntry, termAt } from '../raft/log.ts';
import { entryText } from '../raft/entry.ts';
import { emptyList, itemAt, push, replace, size, type ChunkedList } from '../raft/chunkedList.ts';

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
  /**
   * The longest prefix any node has committed. State Machine Safety compares against it.
   * (Immutable; the checker replaces it as it grows, so clones share it.)
   */
  committed: StoredLog;
  /**
   * Log Matching: for every (index, term) ever stored, its value and the term before
   * it; item i - 1 lists what was seen at index i, one per term. If no two logs ever
   * disagree on these, then two logs that share an (index, term) share the whole
   * prefix up to it, by induction on the index. (Immutable, replaced, like `committed`.)
   */
  entries: ChunkedList<readonly SeenEntry[]>;
  /** Keys of violations already reported, so one fault is not reported at every event. */
  readonly reported: Record<string, true>;
  /**
   * The highest commitIndex each node has ever had, across crashes (a crash loses
   * commitIndex, not what the node applied to its state machine).
   */
  readonly applied: Record<NodeId, number>;
  /**
   * SnapshotIntegrity's reference: the state of applying the committed prefix up
   * to some indexes, the highest last (at most REFERENCES of them). A new snapshot
   * is checked against the state replayed from the highest one at or below it.
   * (Immutable, replaced, like `committed`.)
   */
  references: readonly StateMachine[];
}

/** How many reference states SnapshotIntegrity keeps: nodes snapshot near one another, so a few suffice. */
const REFERENCES = 8;

/** An entry some log held at some index: its term, its value and the term of the entry before it. */
export interface SeenEntry {
  readonly term: number;
  /** The entry first seen there with this term (compared with `sameEntry`). */
  readonly entry: LogEntry;
  readonly prevTerm: number;
}

export const emptyChecker = (): CheckerState => ({ leaders: {}, committed: emptyLog(), entries: emptyList(), reported: {}, applied: {}, references: [] });

export const cloneChecker = (c: CheckerState): CheckerState => ({
  leaders: { ...c.leaders },
  committed: c.committed,
  entries: c.entries,
  reported: { ...c.reported },
  applied: { ...c.applied },
  references: c.references,
});

/** What the checker may look at besides the node that changed. */
export interface Observation {
  readonly event: number;
  readonly time: number;
  /** Every node after the event, the changed one included. */
  readonly nodes: Readonly<Record<NodeId, NodeState>>;
  /** The cluster's configuration: whether state machines keep sessions (`unsafe=no-sessions`) decides the reference state. */
  readonly config?: ClusterConfig;
}

const fmt = (e: LogEntry | undefined): string =>
  e === undefined ? 'nothing' : e.kind === 'noop' ? `a no-op of term ${e.term}` : `${entryText(e)} (term ${e.term})`;

/** Where one check's violations go. (A plain record and a module function rather than a closure made per check: the check runs after every event.) */
interface Report {
  readonly c: CheckerState;
  readonly obs: Observation;
  readonly found: Violation[];
}

const NONE: readonly Violation[] = Object.freeze([]);

/** Report a violation, once per invariant and key: one fault is not reported at every event. */
function reportOnce(r: Report, key: string, invariant: InvariantName, detail: string, nodes: NodeId[], index: number | null): void {
  const k = `${invariant}|${key}`;
  if (r.c.reported[k]) return;
  r.c.reported[k] = true;
  r.found.push({ invariant, event: r.obs.event, time: r.obs.time, detail, nodes, index });
}

/**
 * Check everything one node's change could have broken. `before` is the node as it
 * was before the event. Returns new violations (also remembered in `c.reported`).
 */
export function checkNodeChange(c: CheckerState, before: NodeState, after: NodeState, obs: Observation): readonly Violation[] {
  const oldLog = before.persistent.log;
  const newLog = after.persistent.log;
  const term = after.persistent.currentTerm;
  const wasLeader = before.volatile?.role === 'leader';
  const isLeader = after.volatile?.role === 'leader';
  const newCommit = after.volatile?.commitIndex ?? 0;
  const oldCommit = before.volatile === null ? newCommit : before.volatile.commitIndex;
  const oldSnap = before.persistent.snapshot;
  const newSnap = after.persistent.snapshot;
  const oldApplied = before.volatile?.machine.lastApplied ?? null;
  const newApplied = after.volatile?.machine.lastApplied ?? null;
  // Most events change neither log, commit index, leadership, term, snapshot nor state
  // machine (a heartbeat accepted, a vote counted): nothing any check looks at has changed.
  if (newLog === oldLog && newCommit === oldCommit && isLeader === wasLeader && before.persistent.currentTerm === term && oldSnap === newSnap && oldApplied === newApplied) {
    return NONE;
  }

  const found: Violation[] = [];
  const report: Report = { c, obs, found };
  const id = after.id;
  const newLast = lastIndex(newLog);

  if (newLog !== oldLog) {
    const k = firstChange(oldLog, newLog);
    if (k <= lastIndex(oldLog)) {
      if (wasLeader && isLeader && before.persistent.currentTerm === term) {
        reportOnce(report, `${id}@${term}`, 'LeaderAppendOnly',
          `${id}, leader of term ${term}, removed its own entries from index ${k} on. A leader only ever appends (§5.3).`, [id], k);
      }
      // A node may lose an entry that others committed but it never did: a stale
      // leader of a term it has not left can overwrite its copy, while the
      // committing majority (at a higher term) keeps the entry. What must never
      // change is an entry this node itself committed, and so applied.
      if (k <= (c.applied[id] ?? 0)) {
        reportOnce(report, `overwrite@${k}`, 'StateMachineSafety',
          `${id} removed the committed entry ${fmt(entryAt(oldLog, k))} at index ${k}` +
            (k <= newLast ? `, replacing it with ${fmt(entryAt(newLog, k))}` : '') +
            '. A committed entry must never change (§5.4).', [id], k);
      }
    }
    const added = entriesFrom(newLog, k);
    let prevTerm = termAt(newLog, k - 1)!;
    for (let j = 0; j < added.length; j++) {
      const i = k + j;
      const e = added[j];
      const seen = remember(c, i, e, prevTerm);
      if (seen !== null && (!sameEntry(seen.entry, e) || seen.prevTerm !== prevTerm)) {
        reportOnce(report, `${i}:${e.term}`, 'LogMatching',
          `${id} holds ${fmt(e)} at index ${i} after an entry of term ${prevTerm}, but another log has ` +
            `${fmt(seen.entry)} there after an entry of term ${seen.prevTerm}. ` +
            'Entries with the same index and term must have identical logs up to them (§5.3).', [id], i);
      }
      prevTerm = e.term;
    }
  }

  if (newCommit > newLast) {
    reportOnce(report, `${id}@${newCommit}>${newLast}`, 'CommitWithinLog',
      `${id} has commitIndex ${newCommit} but its log ends at ${newLast}.`, [id], newCommit);
  }
  if (newCommit > (c.applied[id] ?? 0)) c.applied[id] = newCommit;
  if (newCommit > oldCommit && newCommit <= newLast) {
    checkCommit(c, id, newLog, oldCommit, newCommit, obs, report);
  }

  if (isLeader && (!wasLeader || before.persistent.currentTerm !== term)) {
    const other = c.leaders[term];
    if (other !== undefined && other !== id) {
      reportOnce(report, `term${term}`, 'ElectionSafety',
        `${other} and ${id} were both elected leader in term ${term}. At most one leader per term (§5.2).`, [other, id], null);
    } else c.leaders[term] = id;
    const top = lastIndex(c.committed);
    const mine = entryAt(newLog, top);
    // An entry its own snapshot covers, it committed itself: SnapshotIntegrity checks those.
    if (top > newLog.start && !(mine && sameEntry(mine, entryAt(c.committed, top)!))) {
      reportOnce(report, `${id}@${term}`, 'LeaderCompleteness',
        `${id} became leader of term ${term} without the committed entry ${fmt(entryAt(c.committed, top))} at index ${top}. ` +
          'Every leader must hold every committed entry (§5.4.1).', [id], top);
    }
  }
  // After the commit checks: a snapshot taken in the step that committed its last entries is checked against them.
  checkApplied(report, id, oldSnap, newSnap, oldApplied, newApplied);
  if (newSnap !== null && newSnap !== oldSnap) checkSnapshot(report, id, newSnap);
  return found;
}

/**
 * What the checker saw before at index `i` with `e`'s term, or null if this is the
 * first time, and then it remembers `e` there. Every index below `i` has been seen
 * before `i` is (the log holding `i` held them), so `i` is at most one past the end.
 */
function remember(c: CheckerState, i: number, e: LogEntry, prevTerm: number): SeenEntry | null {
  const here = itemAt(c.entries, i - 1) ?? [];
  for (let j = 0; j < here.length; j++) if (here[j].term === e.term) return here[j];
  const first: SeenEntry = { term: e.term, entry: e, prevTerm };
  // (A log after a snapshot whose entries no log was seen holding would leave a gap: fill it.)
  while (size(c.entries) < i - 1) c.entries = push(c.entries, [[]]);
  c.entries = i > size(c.entries) ? push(c.entries, [[first]]) : replace(c.entries, i - 1, [...here, first]);
  return null;
}

/**
 * AppliedMonotonic (§7): while a node is up, its lastApplied never goes back; its
 * snapshot, persistent, never goes back, crashes included; and its lastApplied is
 * never below its snapshot, so a restart resumes from the snapshot, never from before it.
 */
function checkApplied(r: Report, id: NodeId, oldSnap: Snapshot | null, newSnap: Snapshot | null, oldApplied: number | null, newApplied: number | null): void {
  const was = oldSnap?.index ?? 0;
  const is = newSnap?.index ?? 0;
  if (is < was) {
    reportOnce(r, `snap:${id}@${is}`, 'AppliedMonotonic',
      `${id}'s snapshot went back from index ${was} to ${is}. What a snapshot covers is applied and committed, and stays so (§7).`, [id], is);
  }
  if (newApplied === null) return;
  if (oldApplied !== null && newApplied < oldApplied) {
    reportOnce(r, `applied:${id}@${newApplied}`, 'AppliedMonotonic',
      `${id}'s lastApplied went back from ${oldApplied} to ${newApplied}: its state machine undid entries it had applied (Figure 13: a snapshot older than what a node applied is ignored).`, [id], newApplied);
  } else if (newApplied < is) {
    reportOnce(r, `below:${id}@${newApplied}`, 'AppliedMonotonic',
      `${id}'s lastApplied is ${newApplied}, below its snapshot at ${is}: its state machine is older than its own snapshot (§7).`, [id], newApplied);
  }
}

const sameRecord = <T>(a: Readonly<Record<string, T>>, b: Readonly<Record<string, T>>, same: (x: T, y: T) => boolean): boolean => {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!(k in b) || !same(a[k], b[k])) return false;
  return true;
};

/**
 * SnapshotIntegrity (§7): a new snapshot holds what applying the committed
 * entries up to its index gives, map and session table alike. The reference is
 * replayed from the highest reference state at or below the snapshot's index.
 */
function checkSnapshot(r: Report, id: NodeId, snap: Snapshot): void {
  const c = r.c;
  if (snap.index > lastIndex(c.committed)) {
    reportOnce(r, `uncommitted:${id}@${snap.index}`, 'SnapshotIntegrity',
      `${id} holds a snapshot up to index ${snap.index}, but only ${lastIndex(c.committed)} entries were ever committed. A snapshot covers committed entries only (§7).`, [id], snap.index);
    return;
  }
  const sessions = !(r.obs.config?.raft.unsafe.includes('no-sessions') ?? false);
  let base = emptyMachine();
  for (const m of c.references) if (m.lastApplied <= snap.index && m.lastApplied >= base.lastApplied) base = m;
  let m = base;
  while (m.lastApplied < snap.index) m = apply(m, entryAt(c.committed, m.lastApplied + 1)!, sessions).machine;
  if (m !== base) c.references = [...c.references.filter((x) => x.lastApplied !== m.lastApplied), m].sort((a, b) => a.lastApplied - b.lastApplied).slice(-REFERENCES);
  const s = snap.machine;
  const dataOk = sameRecord(s.data, m.data, (x, y) => x === y);
  const sessionsOk = sameRecord(s.sessions, m.sessions, (x, y) => x.serial === y.serial && x.result === y.result);
  if (dataOk && sessionsOk && s.lastApplied === snap.index && snap.term === entryAt(c.committed, snap.index)!.term) return;
  const what = !dataOk
    ? 'its key-value map differs from'
    : !sessionsOk
      ? `its session table (${Object.keys(s.sessions).length} clients) differs from the one in`
      : 'its index or term differs from';
  reportOnce(r, `${id}@${snap.index}`, 'SnapshotIntegrity',
    `${id}'s snapshot up to index ${snap.index}: ${what} the state of applying the committed entries 1-${snap.index}` +
      `${!sessionsOk && dataOk ? ' (a retry after it would be applied twice, thesis §6.3)' : ''}. A snapshot is the state machine as of its index (§7).`, [id], snap.index);
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
  log: StoredLog,
  from: number,
  upTo: number,
  obs: Observation,
  report: Report,
): void {
  const known = lastIndex(c.committed);
  // Entries in the node's snapshot are not in its log: SnapshotIntegrity checks them.
  for (let i = Math.max(from, log.start) + 1; i <= Math.min(upTo, known); i++) {
    if (sameEntry(entryAt(log, i)!, entryAt(c.committed, i)!)) continue;
    reportOnce(report, `commit@${i}`, 'StateMachineSafety',
      `${id} committed ${fmt(entryAt(log, i))} at index ${i}, but ${fmt(entryAt(c.committed, i))} was already ` +
        'committed there. No two servers may apply different entries at one index (§5.4.3).', [id], i);
    return;
  }
  // A node never commits and compacts in one step (a threshold snapshot waits for its
  // next step, raft/node.ts), so the leader that first commits an entry still holds it,
  // and the committed prefix reaches every log's start. Guard against a gap anyway.
  if (upTo <= known || known < log.start) return;
  c.committed = appended(c.committed, entriesFrom(log, known + 1, upTo - known));
  const entry = entryAt(c.committed, upTo)!;
  for (const otherId in obs.nodes) {
    const other = obs.nodes[otherId];
    const v = other.volatile;
    if (v === null || v.role !== 'leader' || other.persistent.currentTerm <= entry.term || other.id === id) continue;
    const theirs = entryAt(other.persistent.log, upTo);
    if (theirs === undefined || !sameEntry(theirs, entry)) {
      reportOnce(report, `${other.id}@${other.persistent.currentTerm}`, 'LeaderCompleteness',
        `${id} committed ${fmt(entry)} at index ${upTo}, but ${other.id}, leader of the later term ` +
          `${other.persistent.currentTerm}, does not hold it (§5.4.1).`, [id, other.id], upTo);
    }
  }
}
