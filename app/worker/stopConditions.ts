/**
 * The stop conditions a tick plays under, decided in the worker, after every
 * event, so playing stops at the very event rather than at the end of a tick
 * the page would then have to seek back from.
 *
 * - `violation`: right after the first event that breaks a safety property
 *   (Figure 3's properties, checked by engine/check): one more violation in the
 *   state than when the tick began.
 * - `at`: on reaching a moment (a tour step's end). In the recorded run the
 *   replay goes to that very moment (viewer.ts); at the live end, where the run
 *   is not recorded yet, whichever of its two numbers comes first.
 */
import type { ClusterState } from '../../engine/sim/cluster.ts';
import type { Session } from '../../engine/scenario/run.ts';
import type { Standing, StopWhen as EventCondition } from '../../engine/timeline/timeline.ts';
import type { Cursor, StopReason, StopWhen } from './protocol.ts';

export class StopCheck {
  /** Violations in the state the tick began from: only one more stops it. */
  private readonly violationsBefore: number;
  private readonly violations: boolean;
  /** The moment to stop at, if any. */
  readonly at: Cursor | null;
  /**
   * The condition to check after each event while replaying the recorded run,
   * or undefined if none. A moment there is a limit of the replay instead (the
   * clock may stand between two events, which no check after an event sees).
   */
  readonly inReplay: EventCondition | undefined;
  /**
   * The condition to check after each event of a run at the live end: a
   * violation, or the moment's event number (its time limits the run's length,
   * see `timeLeft`).
   */
  readonly atLiveEnd: EventCondition | undefined;

  constructor(when: StopWhen | undefined, from: ClusterState) {
    this.violationsBefore = from.violations.length;
    this.violations = when?.violation === true;
    const at = when?.at ?? null;
    this.at = at;
    this.inReplay = this.violations ? (s: Session) => this.violated(s.cluster!) : undefined;
    this.atLiveEnd = this.violations || at !== null ? (s: Session) => this.violated(s.cluster!) || (at !== null && s.cluster!.event >= at.event) : undefined;
  }

  private violated(s: ClusterState): boolean {
    return this.violations && s.violations.length > this.violationsBefore;
  }

  /**
   * At the live end, where the run is not recorded yet: has the moment been
   * reached, standing at `here`? Whichever of its two numbers comes first.
   */
  reachedLive(here: Standing): boolean {
    return this.at !== null && (here.time >= this.at.time || here.position >= this.at.event);
  }

  /** How much of `ms` the clock may move on from `now` at the live end before reaching the moment to stop at. */
  timeLeft(now: number, ms: number): number {
    return this.at === null ? ms : Math.max(0, Math.min(ms, this.at.time - now));
  }

  /** The violation that stops playing in state `s`, if there is a new one. */
  violation(s: ClusterState): StopReason | null {
    if (!this.violated(s)) return null;
    const v = s.violations[this.violationsBefore];
    return { kind: 'violation', invariant: v.invariant, event: s.event, time: s.time };
  }

  /** Why playing stops in state `s`, given that it stopped: a new violation, or else the moment was reached. */
  reason(s: ClusterState): StopReason {
    return this.violation(s) ?? { kind: 'moment', event: s.event, time: s.time };
  }
}
