/**
 * Runs one fuzz case and judges it: safety after every event, liveness at the end.
 *
 * Safety. The engine's invariant checker (check/invariants.ts) already runs after
 * every event, message, timer or command, and appends what it finds to
 * `cluster.violations`. After each command we look at that list; the first
 * violation is the case's failure, and the run stops there.
 *
 * Liveness. Raft promises progress only once the faults stop (§5.6: a stable
 * leader needs broadcastTime << electionTimeout and a reachable majority). So at
 * the end of the schedule every link is healed and every crashed node restarted
 * (these are ordinary commands, recorded in the case's tail, so a failing case
 * replays exactly), and then, within bounds:
 *   1. a leader must appear within LEADER_TIMEOUTS election timeouts (plus a margin);
 *   2. every entry *acknowledged* by then must then be committed, and be the same
 *      entry, on every node, within COMMIT_TIMEOUTS election timeouts (plus a margin),
 *      plus the time to repair the longest log one entry at a time: a follower far
 *      behind, with `probe=naive` and `batch=1`, costs the leader one round trip
 *      per entry to find where the logs agree (§5.3) and one per entry to send.
 *      (Seed 1314 of the first 3,000, before this allowance, took 3 s to repair 30
 *      entries that way after 900 ms of split votes, and was reported stuck.)
 * An entry is acknowledged once a leader has committed it: its index is covered by
 * a leader's `commitAdvanced` record (by majority, or by an unsafe old-term count),
 * seen through the emit callback. That is what a client would have been told
 * succeeded. Entries that were merely appended are not promises: after a crash a
 * new leader may legitimately overwrite them (Figure 7's (f), Figure 8).
 *
 * Linearizability. Once the liveness phase is over, the clients' history (every
 * operation from its invocation to its answer, or unanswered) must have a
 * linearization (linearize/checker.ts, the model of Porcupine's KV store): a
 * history without one is a failure like a broken invariant. The search is
 * bounded; when it runs out of steps the verdict is `unknown`, which is not a
 * failure, only counted. It runs once per case, at the end, because a history
 * that has a linearization can lose it only through later operations, and at the
 * end every operation has had its chance to be answered.
 *
 * Membership (§6). Only the servers of the leader's configuration are expected
 * to catch up: its voters (both halves, while joint) and its learners, which it
 * replicates to. A server outside it (one `members=` left out and nobody added,
 * or one a change removed) gets no entries from that leader, so it is not
 * waited for, whatever its own log says; a removed server that never learnt of
 * its removal still believes itself a voter, which is why the leader's
 * configuration, not each node's own, decides. Every other node is held to the
 * full condition. A change itself is not awaited: one left half done (its
 * leader deposed, its learners still catching up) is no liveness failure as
 * long as the configuration in force commits, which is what the check asks.
 *
 * A removed server that never learnt of its removal times out again and again
 * and campaigns with ever higher terms; each RequestVote deposes the leader
 * (§6, "removed servers can disrupt the cluster"). Raft's answer is the
 * disruption rule: a server that heard from a leader within the minimum
 * election timeout ignores it, which raftviz applies with CheckQuorum or
 * leases (raft/node.ts). Without that rule the disruption is Raft's own
 * behaviour, not a fault of the engine, and it can starve the commit check
 * (in one of the first schedules with changes, `noop=off`, a server left in
 * C_old,new deposed the re-elected leader 30 times in 10 s, each time before
 * it could commit an entry of its term). So in that case, while it waits for
 * the commits, the tail shuts down the servers outside the leader's
 * configuration, as an operator retires removed servers (thesis §4.2.3), and
 * starts again any that a change still under way takes back in; with the rule
 * on they stay up, and the check holds the rule to its promise.
 *
 * A leader can only commit earlier terms' entries by committing one of its own
 * (§5.4.2). With the no-op on it always has one; with `noop=off` the tail sends a
 * client request to a leader that holds nothing of its term, as a client retrying
 * would, so that the acknowledged entries can commit under it.
 */
import { LIMITS } from '../config.ts';
import type { EventRecord, InvariantName } from '../events.ts';
import type { Command, CommandBody } from '../scenario/ast.ts';
import { applyCommand, newSession, type Session } from '../scenario/run.ts';
import { type ClusterState, currentLeader } from '../sim/cluster.ts';
import { type Emit, initialConfig } from '../sim/simulator.ts';
import { configOf } from '../raft/membership.ts';
import { memberOf } from '../raft/configs.ts';
import { entryAt, lastIndex, lastTerm, sameEntry } from '../raft/log.ts';
import type { ClusterConfig, LogEntry, NodeId } from '../types.ts';
import { located } from './schedule.ts';
import { noopEntry } from '../raft/entry.ts';
import { historyOf, linearizability } from '../scenario/run.ts';

export type Failure =
  | {
      readonly kind: 'invariant';
      readonly invariant: InvariantName;
      readonly detail: string;
      /** The event after which the checker found it. */
      readonly event: number;
      readonly time: number;
    }
  | {
      readonly kind: 'liveness';
      /** `no-leader`: none was elected in time; `not-committed`: an acknowledged entry is missing somewhere. */
      readonly condition: 'no-leader' | 'not-committed';
      readonly detail: string;
    }
  | {
      /** The clients' history, checked at the end of the case, has no linearization. */
      readonly kind: 'linearizability';
      readonly detail: string;
      /** The key whose operations cannot be ordered, and a smallest set of them, in words. */
      readonly key: string;
      readonly ops: readonly string[];
    };

/** What the linearizability check at the end of a case said: `none` when no client operation was invoked, or the case failed before. */
export type LinearizabilityVerdict = 'ok' | 'violation' | 'unknown' | 'none';

/** What two failures must share for one to reproduce the other: the invariant, or the liveness condition. */
export const failureKind = (f: Failure): string =>
  f.kind === 'invariant' ? f.invariant : f.kind === 'liveness' ? `liveness:${f.condition}` : 'Linearizability';

export function describeFailure(f: Failure): string {
  switch (f.kind) {
    case 'invariant':
      return `${f.invariant} violated at event ${f.event} (${f.time}ms): ${f.detail}`;
    case 'liveness':
      return `liveness (${f.condition}): ${f.detail}`;
    case 'linearizability':
      return `Linearizability violated: ${f.detail}`;
  }
}

/** A leader must appear within this many of the longest election timeouts after the faults stop... */
export const LEADER_TIMEOUTS = 10;
/** ...and the acknowledged entries must be everywhere within this many more. */
export const COMMIT_TIMEOUTS = 10;
/** Added to both bounds: latency, and a node restarted late in the tail. */
export const MARGIN_MS = 1000;
/** Round trips the commit bound allows per entry of the longest log: one to probe back, one to send. */
export const REPAIR_ROUND_TRIPS_PER_ENTRY = 2;

export interface CaseResult {
  readonly failure: Failure | null;
  /** The schedule's commands that ran: all of them, or up to the one after which a violation was found. */
  readonly schedule: readonly Command[];
  /** The liveness phase's commands (heal, restarts, runs, maybe a request), empty if the schedule already failed. */
  readonly tail: readonly Command[];
  /** Events processed in all, and the simulated time at the end. */
  readonly events: number;
  readonly time: number;
  /** How many entries had been acknowledged by a leader. */
  readonly acknowledged: number;
  /** Client operations in the history (answered or not), and what the check at the end said of them. */
  readonly operations: number;
  readonly linearizability: LinearizabilityVerdict;
}

/** One case in progress: a session, the entries leaders have committed, and the commands applied. */
export class CaseRun {
  readonly session: Session = newSession();
  /** `acknowledged[i - 1]`: the entry a leader committed at index i (the first one seen there). */
  readonly acknowledged: LogEntry[] = [];
  readonly schedule: Command[] = [];
  readonly tail: Command[] = [];
  failure: Failure | null = null;
  operations = 0;
  verdict: LinearizabilityVerdict = 'none';

  /**
   * Called for every record. Kept cheap: one comparison for almost every record;
   * a leader's commit copies references to the newly covered entries.
   */
  readonly emit: Emit = (r: EventRecord): void => {
    if (r.type !== 'commitAdvanced' || r.by === 'leader') return;
    if (r.to > this.acknowledgedTo) this.acknowledgedTo = r.to;
  };

  /** The highest index a leader has committed; `acknowledged` is filled up to it after each command. */
  private acknowledgedTo = 0;

  /**
   * The entries leaders committed, taken from the invariant checker's committed
   * prefix once the command is done: a leader may compact what it committed in
   * the same step (§7), so its own log no longer holds them when the record is
   * emitted. The checker compares every commit with that prefix (State Machine
   * Safety), so it is the leaders' committed entries, or the case has failed.
   */
  private fillAcknowledged(): void {
    const committed = this.session.cluster!.checker.committed;
    for (let i = this.acknowledged.length + 1; i <= this.acknowledgedTo; i++) {
      const e = entryAt(committed, i);
      if (e === undefined) return;
      this.acknowledged.push(e);
    }
  }

  get cluster(): ClusterState {
    return this.session.cluster!;
  }

  /** Apply one command of the schedule. Returns false once the case has failed. */
  step(cmd: Command): boolean {
    this.schedule.push(cmd);
    return this.apply(cmd);
  }

  private apply(cmd: Command): boolean {
    applyCommand(this.session, cmd, this.emit);
    this.fillAcknowledged();
    const v = this.session.cluster!.violations;
    if (v.length > 0) {
      const first = v[0];
      this.failure = { kind: 'invariant', invariant: first.invariant, detail: first.detail, event: first.event, time: first.time };
      return false;
    }
    return true;
  }

  /** A tail command; consecutive `run`s merge into one, which replays identically. */
  private tailCommand(body: CommandBody): boolean {
    const last = this.tail[this.tail.length - 1];
    if (body.kind === 'run' && last?.kind === 'run' && last.ms + body.ms <= LIMITS.maxRunMs) {
      this.tail[this.tail.length - 1] = { ...last, ms: last.ms + body.ms };
    } else {
      this.tail.push(located(body, this.schedule.length + this.tail.length + 1));
    }
    return this.apply(located(body, this.schedule.length + this.tail.length));
  }

  /** The liveness phase; see the top of this file. Sets `failure` if a condition does not hold in time. */
  liveness(): void {
    if (this.failure !== null) return;
    const s = this.cluster;
    const config: ClusterConfig = s.config;
    if (!this.tailCommand({ kind: 'heal', pair: null })) return;
    for (const id of s.ids) {
      if (s.nodes[id].volatile === null && !this.tailCommand({ kind: 'restart', node: id })) return;
    }
    const chunk = config.heartbeat;

    const leaderBound = LEADER_TIMEOUTS * config.election.max + MARGIN_MS;
    let waited = 0;
    while (currentLeader(s) === null) {
      if (waited >= leaderBound) {
        this.failure = {
          kind: 'liveness',
          condition: 'no-leader',
          detail: `no leader ${waited}ms after every link was healed and every node restarted ` +
            `(bound: ${LEADER_TIMEOUTS} x the longest election timeout ${config.election.max}ms + ${MARGIN_MS}ms)`,
        };
        return;
      }
      if (!this.tailCommand({ kind: 'run', ms: chunk })) return;
      waited += chunk;
    }

    let longest = 0;
    for (const id of s.ids) longest = Math.max(longest, lastIndex(s.nodes[id].persistent.log));
    const repairMs = longest * REPAIR_ROUND_TRIPS_PER_ENTRY * 2 * config.latency.max;
    const commitBound = COMMIT_TIMEOUTS * config.election.max + MARGIN_MS + repairMs;
    waited = 0;
    let requests = 0;
    let askedTerm = -1;
    // The entries acknowledged by now are the promise. Clients may still be writing
    // (a workload's operations go on), and each entry a leader commits meanwhile
    // reaches the followers' commitIndex one heartbeat later, so a target that
    // moved with them could stay one step ahead for ever.
    const need = this.acknowledged.length;
    for (;;) {
      if (!this.retireOutsiders()) return;
      if (this.allCommitted(need)) break;
      if (waited >= commitBound) {
        this.failure = { kind: 'liveness', condition: 'not-committed', detail: this.missing(need, waited, commitBound, repairMs) };
        return;
      }
      const leader = currentLeader(s);
      if (leader !== null) {
        const n = s.nodes[leader];
        const log = n.persistent.log;
        const term = n.persistent.currentTerm;
        // §5.4.2: without an entry of its own term, this leader can commit nothing (noop=off).
        if (lastTerm(log) < term && askedTerm !== term && need > 0) {
          askedTerm = term;
          requests++;
          if (!this.tailCommand({ kind: 'propose', target: 'leader', value: `retry${requests}` })) return;
        }
      }
      if (!this.tailCommand({ kind: 'run', ms: chunk })) return;
      waited += chunk;
    }
  }

  /** The servers the tail has shut down for being outside the leader's configuration. */
  private readonly retired = new Set<NodeId>();

  /**
   * Without the disruption rule, shut down the servers outside the leader's
   * configuration, and start again any of them that a change still under way
   * has since taken back in (as a learner first: a change waiting for a
   * learner that is down would wait for ever). See the top of this file.
   * Returns false once the case has failed.
   */
  private retireOutsiders(): boolean {
    const s = this.cluster;
    if (s.config.raft.checkquorum || s.config.raft.reads === 'lease') return true;
    const keep = this.expected();
    if (keep === null) return true;
    for (const id of s.ids) {
      const inside = keep.includes(id);
      if (inside && this.retired.has(id)) {
        this.retired.delete(id);
        if (!this.tailCommand({ kind: 'restart', node: id })) return false;
      } else if (!inside && s.nodes[id].volatile !== null) {
        this.retired.add(id);
        if (!this.tailCommand({ kind: 'crash', node: id })) return false;
      }
    }
    return true;
  }

  /** The linearizability check, once the liveness phase has passed; see the top of this file. */
  checkHistory(): void {
    if (this.failure !== null) return;
    const ops = historyOf(this.cluster);
    this.operations = ops.length;
    if (ops.length === 0) return;
    const r = linearizability(this.cluster);
    this.verdict = r.verdict;
    if (r.verdict !== 'violation') return;
    const shown = r.ops.map((i) => {
      const o = ops[i];
      const what = o.value === null ? `${o.op} ${o.key}` : `${o.op} ${o.key} ${o.value}`;
      if (o.result === null) return `${o.client}#${o.serial} ${what} (from ${o.invokedAt}ms, never answered)`;
      const answer = o.op === 'get' ? `, read ${JSON.stringify(o.result)}` : '';
      return `${o.client}#${o.serial} ${what} (${o.invokedAt}-${o.returnedAt}ms${answer})`;
    });
    this.failure = { kind: 'linearizability', detail: r.explanation, key: r.key, ops: shown };
  }

  /**
   * The nodes expected to catch up: the leader and the servers of its
   * configuration (see the top of this file), or none while there is no leader
   * (then nobody can say who is in, and the check waits for one).
   */
  private expected(): readonly NodeId[] | null {
    const s = this.cluster;
    const leader = currentLeader(s);
    if (leader === null) return null;
    const config = configOf(s.nodes[leader], { bootstrap: initialConfig(s.config, s.ids) });
    return s.ids.filter((id) => id === leader || memberOf(config, id));
  }

  /** Every expected node is up and has committed the first `need` acknowledged entries, entry for entry. */
  private allCommitted(need: number): boolean {
    const s = this.cluster;
    const ids = this.expected();
    if (ids === null) return false;
    for (const id of ids) {
      const v = s.nodes[id].volatile;
      if (v === null || v.commitIndex < need) return false;
    }
    // Entries a node's snapshot covers are not in its log; SnapshotIntegrity checked what it holds of them.
    for (const id of ids) {
      const log = s.nodes[id].persistent.log;
      for (let i = log.start; i < need; i++) if (!sameEntry(entryAt(log, i + 1)!, this.acknowledged[i])) return false;
    }
    return true;
  }

  /** Which node lacks what, in plain words. */
  private missing(need: number, waited: number, bound: number, repairMs: number): string {
    const s = this.cluster;
    const leader = currentLeader(s);
    const lacking: string[] = [];
    const ids = this.expected();
    if (ids === null) lacking.push('there is no leader to say which servers are in its configuration');
    for (const id of ids ?? []) {
      const n = s.nodes[id];
      const commit = n.volatile?.commitIndex ?? 0;
      let differs = 0;
      for (let i = n.persistent.log.start; i < need; i++) {
        if (!sameEntry(entryAt(n.persistent.log, i + 1) ?? noopEntry(-1), this.acknowledged[i])) {
          differs = i + 1;
          break;
        }
      }
      if (commit < need) lacking.push(`${id} has committed ${commit}`);
      else if (differs > 0) lacking.push(`${id} holds another entry at index ${differs}`);
    }
    return `${need} entries were acknowledged (committed by a leader), but ${waited}ms after the faults stopped ` +
      `${lacking.join(', ')} (leader: ${leader ?? 'none'}; bound ${bound}ms = ${COMMIT_TIMEOUTS} x ${s.config.election.max}ms ` +
      `+ ${MARGIN_MS}ms + ${repairMs}ms to repair the longest log)`;
  }

  result(): CaseResult {
    const s = this.cluster;
    return {
      failure: this.failure,
      schedule: this.schedule,
      tail: this.tail,
      events: s.event,
      time: s.time,
      acknowledged: this.acknowledged.length,
      operations: this.operations,
      linearizability: this.verdict,
    };
  }
}

/**
 * Run a fixed list of commands (the first a `cluster` line), then the liveness
 * phase and the linearizability check. The shrinker calls this on every candidate.
 */
export function runCase(commands: readonly Command[]): CaseResult {
  const c = new CaseRun();
  for (const cmd of commands) if (!c.step(cmd)) break;
  c.liveness();
  c.checkHistory();
  return c.result();
}
