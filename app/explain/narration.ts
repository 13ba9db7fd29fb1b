/**
 * What the Explain panel narrates: the most recent events worth reading, newest
 * event first, and the records of one event in the order they happened (a node
 * adopts the new term, then grants its vote). Routine traffic (heartbeats sent and accepted, messages lost to a
 * standing fault) is left out: it repeats every heartbeat and explains nothing new.
 */
import type { EventView } from '../worker/viewModel.ts';

/** How many lines the panel shows: the latest step, and enough before it to read as a story. */
export const NARRATED = 6;

export interface Narration {
  /** Newest event first; one event's records oldest first. */
  readonly lines: readonly EventView[];
  /** The event number of the newest line: the lines it shares are what just happened. */
  readonly latest: number | null;
  /** Only routine traffic is recent: a stable leader keeping its followers. */
  readonly quiet: boolean;
}

export function narration(events: readonly EventView[], max = NARRATED): Narration {
  const lines: EventView[] = [];
  for (let i = events.length - 1; i >= 0 && lines.length < max; i--) if (!events[i].routine) lines.push(events[i]);
  lines.sort((a, b) => b.event - a.event || a.seq - b.seq);
  return { lines, latest: lines[0]?.event ?? null, quiet: lines.length === 0 && events.length > 0 };
}
