/**
 * The messages between the page and the simulation worker, in both directions.
 * Both sides handle them with an exhaustive `switch`, so adding a kind here is a
 * compile error until both sides know what to do with it.
 */
import type { InvariantName } from '../../engine/events.ts';
import type { ScenarioError } from '../../engine/scenario/ast.ts';
import type { ExpectFailure } from '../../engine/scenario/run.ts';
import type { Snapshot } from './viewModel.ts';

/** Page → worker. */
export type ToWorker =
  /** One or more scenario lines, applied in order (all or nothing if one does not parse). */
  | { readonly kind: 'command'; readonly text: string }
  /**
   * A whole script (a library scenario, a shared link, a saved run): it replaces
   * the simulation and runs to its end, or to its first failed `expect`. Answered
   * with a snapshot (if it set up a cluster), then `loaded`. A long one runs in
   * slices, with `load-progress` between them; messages that arrive meanwhile
   * wait until it is done (in order), except `cancel-load`.
   */
  | {
      readonly kind: 'load';
      readonly text: string;
      readonly cursor?: Cursor;
      /**
       * Open at the moment the script's line `afterLine` (1-based) was done,
       * with the rest of the run ahead: a tour step plays from its start. A
       * cluster line after it starts a new run, which then opens at its start.
       */
      readonly afterLine?: number;
    }
  /**
   * While playing: advance the clock by `ms` simulated milliseconds (recorded as
   * `run` at the live end, replayed in the past), or less if a `stop` condition
   * holds first: then the tick ends exactly there, and `stopped` (sent before
   * the tick's snapshot) says why.
   */
  | { readonly kind: 'tick'; readonly ms: number; readonly stop?: StopWhen }
  /** Send a full snapshot (everything, not only what changed). */
  | { readonly kind: 'snapshot' }
  /**
   * Show the run just after event `position` (the scrubber), with the clock at
   * `time` if given: a moment between two events, as a step back or a link
   * restores it. The end of the run is the live state.
   */
  | { readonly kind: 'seek'; readonly position: number; readonly time?: number }
  /** Show the run one event earlier: the very moment a step forward left, if that is how the view got here. */
  | { readonly kind: 'step-back' }
  /** One event on: replayed when looking at the past (the very moment a step back left), a recorded `step` at the live end. */
  | { readonly kind: 'step-forward' }
  /** Bring back the run as it was before the last fork or replacement (a new cluster, a loaded script). */
  | { readonly kind: 'undo' }
  | { readonly kind: 'redo' }
  /** The whole recorded run as a file for another tool (engine/export): answered with `exported`. */
  | { readonly kind: 'export'; readonly format: ExportFormat }
  /**
   * Give up the load under way, and any load sent after it: each is answered
   * with `load-cancelled`, and the run that was there before comes back as it
   * was (the moment shown, undo and redo). With no load under way, nothing.
   */
  | { readonly kind: 'cancel-load' };

/** Files the worker writes from the run: a ShiViz log, the JSON trace, or the client history (Jepsen EDN, or JSON with its linearizability verdict). */
export type ExportFormat = 'shiviz' | 'trace' | 'history-edn' | 'history-json';

/** A moment in a run: the clock, and the number of events processed. The clock may stand between two events. */
export interface Cursor {
  readonly time: number;
  readonly event: number;
}

/** What stops playing, checked by the worker after every event of a tick. */
export interface StopWhen {
  /** Stop right after the first event that breaks a safety property (one more violation than when the tick began). */
  readonly violation?: boolean;
  /**
   * Stop on reaching this moment (a tour step's end, which is the end of the
   * recorded run): playing does not go past it, nor carry the run on live.
   */
  readonly at?: Cursor;
}

/** Why a tick stopped short of its `ms`. `event` and `time` are the moment it stopped at, the one the snapshot shows. */
export type StopReason =
  /** The event that broke `invariant` (the first it broke, if several). */
  | { readonly kind: 'violation'; readonly invariant: InvariantName; readonly event: number; readonly time: number }
  /** The `at` moment was reached. */
  | { readonly kind: 'moment'; readonly event: number; readonly time: number };

/** Why a snapshot was sent, so the page can tell the answer to a tick from the others. */
export type SnapshotCause = 'command' | 'tick' | 'request' | 'seek';

/** Worker → page. */
export type FromWorker =
  | { readonly kind: 'ready' }
  | { readonly kind: 'snapshot'; readonly cause: SnapshotCause; readonly snapshot: Snapshot }
  /**
   * A tick stopped at one of its `stop` conditions: pause. Sent just before that
   * tick's snapshot, so the page has paused by the time the tick counts as
   * answered and its play loop could send another.
   */
  | { readonly kind: 'stopped'; readonly reason: StopReason }
  /** A command was refused; nothing was applied. `text` is the line that failed. */
  | { readonly kind: 'error'; readonly cause: SnapshotCause; readonly text: string; readonly error: ScenarioError }
  /** An `expect` line did not hold: the lines before it were applied, the rest were not. */
  | { readonly kind: 'expect-failed'; readonly failure: ExpectFailure }
  /** The answer to `load`. */
  | { readonly kind: 'loaded'; readonly result: LoadResult }
  /**
   * A command arrived while the page showed the past: the run was cut at that
   * moment (after event `at`) and the command applied there. `dropped` events
   * of the old future were set aside; `undo` brings them back.
   */
  | { readonly kind: 'forked'; readonly at: number; readonly time: number; readonly dropped: number }
  /** The answer to `export`: the file's text (empty with no run). */
  | { readonly kind: 'exported'; readonly format: ExportFormat; readonly text: string }
  /**
   * A load is under way: sent between the slices it runs in (a few dozen
   * milliseconds each), so the page can show how far it is and offer to cancel.
   */
  | { readonly kind: 'load-progress'; readonly progress: LoadProgress }
  /** The answer to a `load` given up by `cancel-load`: the run before it is back (a snapshot of it comes first). */
  | { readonly kind: 'load-cancelled' };

/**
 * How far a load is: `done` of `total`, counted in the best unit known. A link
 * carries the event its moment stands at (`events`); otherwise the simulated
 * time of the script's `run` lines (`ms`); otherwise its commands.
 */
export interface LoadProgress {
  readonly unit: 'events' | 'ms' | 'commands';
  readonly done: number;
  readonly total: number;
}

/** How a `load` went. */
export type LoadResult =
  /** The script ran: to its end, or up to `failure`. `time` and `event` are the moment shown (the cursor asked for, if it exists). */
  | { readonly ok: true; readonly time: number; readonly event: number; readonly failure: ExpectFailure | null }
  /** The script was refused before anything ran; the simulation is as it was. `text` is the line at fault. */
  | { readonly ok: false; readonly text: string; readonly error: ScenarioError };

export function assertNever(x: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(x)}`);
}
