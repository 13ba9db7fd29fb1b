/**
 * During a tour, playing in the past stops at the end of the recorded run: the
 * step's end, where the next caption belongs. The worker stops the tick there
 * (the `at` stop condition), so the page pauses exactly at it.
 */
import type { Cursor } from '../worker/protocol.ts';
import type { TimelineView } from '../worker/viewModel.ts';

/** Where a tour step being played ends: the recorded run's end, both its event count and its clock. */
export const stepEnd = (timeline: Pick<TimelineView, 'length' | 'headTime'>): Cursor => ({ event: timeline.length, time: timeline.headTime });
