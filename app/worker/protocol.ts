/**
 * The messages between the page and the simulation worker, in both directions.
 * Both sides handle them with an exhaustive `switch`, so adding a kind here is a
 * compile error until both sides know what to do with it.
 */
import type { ScenarioError } from '../../engine/scenario/ast.ts';
import type { Snapshot } from './viewModel.ts';

/** Page → worker. */
export type ToWorker =
  /** One or more scenario lines, applied in order (all or nothing if one does not parse). */
  | { readonly kind: 'command'; readonly text: string }
  /** While playing: advance the clock by `ms` simulated milliseconds (recorded as `run`). */
  | { readonly kind: 'tick'; readonly ms: number }
  /** Send a full snapshot (everything, not only what changed). */
  | { readonly kind: 'snapshot' };

/** Why a snapshot was sent, so the page can tell the answer to a tick from the others. */
export type SnapshotCause = 'command' | 'tick' | 'request';

/** Worker → page. */
export type FromWorker =
  | { readonly kind: 'ready' }
  | { readonly kind: 'snapshot'; readonly cause: SnapshotCause; readonly snapshot: Snapshot }
  /** A command was refused; nothing was applied. `text` is the line that failed. */
  | { readonly kind: 'error'; readonly cause: SnapshotCause; readonly text: string; readonly error: ScenarioError };

export function assertNever(x: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(x)}`);
}
