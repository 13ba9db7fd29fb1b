/**
 * A whole script being loaded a slice at a time. The worker has one thread: a
 * load run in one go (a link of a million events takes seconds) would leave a
 * `cancel-load` waiting behind it and tell the page nothing meanwhile. So the
 * host runs at most `SLICE_EVENTS` events, then yields to the worker's event
 * loop (worker.ts) and reports progress, and goes on in the next slice.
 *
 * A slice may end inside a `run` or `step`: the timeline keeps the command as
 * far as it went (a `run` cut where the clock stands, as playing stops one,
 * see `Timeline.appendUntil`), and the rest of it is the next slice's first
 * command. `run a` then `run b` processes exactly the events `run a+b` does,
 * and the recording merges them back (recording.ts), so the script is the
 * one that was loaded. A `stabilize` is never cut (cutting it would release
 * the timers it holds early): it runs whole, at most `maxStabilize` events.
 *
 * This file decides what runs next and how far the load is; simHost.ts applies it.
 */
import type { Command } from '../../engine/scenario/ast.ts';
import type { ExpectFailure } from '../../engine/scenario/run.ts';
import type { Session } from '../../engine/scenario/run.ts';
import { nextDue } from '../../engine/sim/simulator.ts';
import type { Standing, StopWhen } from '../../engine/timeline/timeline.ts';
import type { Cursor, LoadProgress } from './protocol.ts';

/** Events a slice runs before the worker looks at its messages again: a few dozen milliseconds. */
export const SLICE_EVENTS = 20_000;

export class LoadJob<Before> {
  /** The next command of the script to start. */
  private index = 0;
  /** What is left of a `run` or `step` that a slice ended inside; it goes first in the next one. */
  private rest: Command | null = null;
  /** Simulated time run so far by the script's `run` lines. */
  private msDone = 0;
  private readonly msTotal: number;
  /** A setup line ran: any later one starts a new run from the options in force (see `SimHost.startRun`). */
  replaced = false;
  /** The moment line `afterLine` was done at, once it is. */
  mark: Cursor | undefined;
  failure: ExpectFailure | null = null;

  constructor(
    readonly commands: readonly Command[],
    readonly cursor: Cursor | undefined,
    readonly afterLine: number | undefined,
    /** What to go back to if the load is given up. */
    readonly before: Before,
  ) {
    this.msTotal = commands.reduce((sum, c) => sum + (c.kind === 'run' ? c.ms : 0), 0);
  }

  /** The command to apply next, or null when the script is done. */
  next(): Command | null {
    if (this.failure !== null) return null;
    return this.rest ?? this.commands[this.index] ?? null;
  }

  /**
   * The condition that ends a slice inside `cmd` after `budget` more events,
   * or undefined if it runs whole. A `run` is cut only where its clock has
   * moved on from `from` and no other event is due at that same instant, so
   * the part that ran is itself a `run` (not a `step n`), and the rest merges
   * back into it.
   */
  sliceStop(cmd: Command, budget: number, from: Standing): StopWhen | undefined {
    let events = 0;
    if (cmd.kind === 'step') return () => ++events >= budget;
    if (cmd.kind !== 'run') return undefined;
    return (s: Session) => {
      if (++events < budget) return false;
      const c = s.cluster!;
      return c.time - from.time >= 1 && (nextDue(c)?.at ?? Infinity) > c.time;
    };
  }

  /** `cmd` (from `next`) ran from `from` to `to`; `stopped`: its slice ended inside it. */
  ran(cmd: Command, from: Standing, to: Standing, stopped: boolean): void {
    this.rest = null;
    if (cmd.kind === 'run') {
      this.msDone += to.time - from.time;
      const left = from.time + cmd.ms - to.time;
      if (stopped && left >= 1) this.rest = { ...cmd, ms: left };
    } else if (cmd.kind === 'step') {
      const left = cmd.count - (to.position - from.position);
      if (stopped && left >= 1) this.rest = { ...cmd, count: left };
    }
    if (this.rest === null) this.index++;
  }

  /** How far the load is, standing at `here` in the run it builds. */
  progress(here: Standing): LoadProgress {
    if (this.cursor !== undefined && this.cursor.event > 0) {
      return { unit: 'events', done: Math.min(here.position, this.cursor.event), total: this.cursor.event };
    }
    if (this.msTotal > 0) return { unit: 'ms', done: Math.min(this.msDone, this.msTotal), total: this.msTotal };
    return { unit: 'commands', done: this.index, total: this.commands.length };
  }
}
