/**
 * Playing stops when a safety property breaks, and the view goes to the very
 * event that broke it. This works the same at the live end and while replaying
 * the past: either way, the number of violations in the state shown rises as
 * the playhead passes one. Pure; useStopOnViolations.ts applies it to the store.
 */
import type { ViolationView } from '../worker/viewModel.ts';

/** The part of the page's state the decision looks at. */
export interface SafetyMoment {
  readonly playing: boolean;
  /** The event shown. */
  readonly event: number;
  readonly violationCount: number;
  readonly violations: readonly ViolationView[];
}

export type Stop =
  | { readonly kind: 'none' }
  /** Pause; if `at` is set, show that event (the first new violation), which is earlier than the one shown. */
  | { readonly kind: 'pause'; readonly at: number | null };

/**
 * What to do when the page goes from `prev` to `next`: stop once, when the
 * count rises while playing. Only playing stops: a step lands on the
 * violation anyway, and a script opened at its end is already paused.
 */
export function violationStop(prev: SafetyMoment, next: SafetyMoment): Stop {
  if (!next.playing || next.violationCount <= prev.violationCount) return { kind: 'none' };
  const fresh = next.violations.filter((v) => v.event > prev.event).map((v) => v.event);
  const first = Math.min(...fresh);
  return { kind: 'pause', at: first < next.event ? first : null };
}
