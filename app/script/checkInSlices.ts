/**
 * Checking a draft without blocking the page. The parser runs a few thousand
 * lines per task, as many as fit in SLICE_MS, then gives the page back (to
 * paint, to take a key press) before going on; a script of 100,000 lines is
 * checked in well under a second, in tasks far shorter than a user would feel.
 * The outcome is exactly `checkScript`'s.
 */
import { ScriptParser } from '../../engine/scenario/parse.ts';
import { problemsOf, type ScriptProblem } from './scriptCheck.ts';

/** The most time one task spends parsing before it gives the page back. */
export const SLICE_MS = 8;
/** Lines parsed between looks at the clock: small enough that a slice overruns by little. */
const LINES_PER_LOOK = 250;

export interface SliceClock {
  /** Run `task` in a later task. */
  readonly later: (task: () => void) => void;
  /** Milliseconds, for measuring a slice. */
  readonly now: () => number;
}

/**
 * A clock whose tasks are posted to a MessageChannel: each runs as soon as the
 * page is free, after whatever is waiting (input, painting). setTimeout(0)
 * would do, but browsers hold a chain of them back by 4 ms each: a third of
 * the time, for nothing. Its owner (one per script editor) closes it when done.
 */
export function createSliceClock(): SliceClock & { close(): void } {
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  channel.port1.onmessage = () => queue.shift()?.();
  return {
    later: (task) => {
      queue.push(task);
      channel.port2.postMessage(null);
    },
    now: () => performance.now(),
    close: () => {
      queue.length = 0;
      channel.port1.close();
      channel.port2.close();
    },
  };
}

/**
 * Check `text`, then hand its problems to `done` (in a later task, never
 * during the call). Returns a function that cancels the check: `done` is then
 * never called.
 */
export function checkInSlices(text: string, done: (problems: ScriptProblem[]) => void, clock: SliceClock): () => void {
  const parser = new ScriptParser(text);
  let cancelled = false;
  const slice = () => {
    if (cancelled) return;
    const start = clock.now();
    while (!parser.advance(LINES_PER_LOOK)) {
      if (clock.now() - start >= SLICE_MS) return clock.later(slice);
    }
    done(problemsOf(parser.result()));
  };
  clock.later(slice);
  return () => {
    cancelled = true;
  };
}
