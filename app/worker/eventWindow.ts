/**
 * Which recent events to keep. Heartbeat traffic (routine) would otherwise push
 * every interesting event out of a fixed window within a second or two of a
 * stable leader, so each kind gets its own window.
 */
import type { EventRecord } from '../../engine/events.ts';
import { EVENT_WINDOW, type EventView } from './viewModel.ts';

/**
 * Background traffic: heartbeats sent and accepted, and messages lost to a cut
 * link or a crashed node, which repeat every heartbeat for as long as the fault
 * lasts. (A message the user dropped is news, and is not routine.)
 */
export const isRoutine = (r: EventRecord): boolean =>
  r.type === 'heartbeat' || (r.type === 'appendAccepted' && r.entries === 0) || (r.type === 'messageLost' && r.why !== 'dropped');

/** The newest `window` routine and the newest `window` other items, in their original order. */
export function trimByKind<T>(items: readonly T[], routine: (item: T) => boolean, window = EVENT_WINDOW): T[] {
  let routines = 0;
  let others = 0;
  const kept: T[] = [];
  for (let i = items.length - 1; i >= 0 && (routines < window || others < window); i--) {
    const item = items[i];
    if (routine(item) ? routines++ < window : others++ < window) kept.push(item);
  }
  return kept.reverse();
}

export const trimEvents = (events: readonly EventView[], window = EVENT_WINDOW): EventView[] =>
  trimByKind(events, (e) => e.routine, window);
