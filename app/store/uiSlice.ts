/** What the user is doing with the page: playing or not, how fast, what is selected, what the page has to tell them. */
import type { StateCreator } from 'zustand';
import type { ClientId, NodeId } from '../../engine/types.ts';
import type { ShareError, SharedRun } from '../share/shareCodec.ts';
import type { LoadProgress } from '../worker/protocol.ts';
import type { LoadFailure } from '../sim/loadNotice.ts';

export type Selection =
  | { readonly kind: 'node'; readonly id: NodeId }
  | { readonly kind: 'client'; readonly id: ClientId }
  | { readonly kind: 'message'; readonly id: number }
  | null;

/**
 * Something the page tells the user about what it opened (a link it could not
 * read, an `expect` that did not hold); dismissable, never blocking.
 */
export interface Notice {
  /** `info`: news about something the user did (a fork), not a problem. */
  readonly tone: 'error' | 'warning' | 'info';
  /** What happened and what the page did about it, in a sentence or two. */
  readonly message: string;
  /** The script line at fault, if any. */
  readonly code?: string;
}

/** The last link made with Share, and whether it reached the clipboard. */
export interface ShareState {
  readonly url: string | null;
  /** Where the shared run ended. */
  readonly time: number;
  readonly event: number;
  readonly status: 'copying' | 'copied' | 'not-copied' | 'too-large';
}

/** Simulated ms per wall ms. The default shows a first election (100-200 ms timeouts) within about two seconds. */
export const DEFAULT_SPEED = 0.1;
export const MIN_SPEED = 0.001;
export const MAX_SPEED = 10;

export interface UiSlice {
  readonly playing: boolean;
  readonly speed: number;
  readonly selection: Selection;
  /** Client requests sent so far, to name the next one (v1, v2, ...). */
  readonly requests: number;
  /** Hide background traffic (heartbeats, messages lost to a standing fault) in the event list. */
  readonly hideHeartbeats: boolean;
  readonly notice: Notice | null;
  readonly share: ShareState | null;
  /** The run saved by an earlier visit, offered for restoring on a plain visit. */
  readonly restoreOffer: SharedRun | null;
  /** Why the offered run did not load last time (it is then offered, not restored by itself). */
  readonly restoreFailed: LoadFailure | null;
  /**
   * The run an earlier visit saved could not be read (damaged, or saved by a
   * newer raftviz): told in the offer's place, and left in storage until the
   * user changes the run on screen or dismisses the message (runSaver.ts).
   */
  readonly savedRunProblem: ShareError | null;
  /**
   * Why the browser refused to keep the run (runSaver.ts) or the script draft
   * (scriptEditing.ts), in words (app/storage/keepFailure.ts); null once a
   * later write succeeds. Told on the page for as long as it holds.
   */
  readonly notKept: { readonly run: string | null; readonly draft: string | null };
  /** A whole script is being run in the worker: how messages name it. */
  readonly loading: string | null;
  /** How far that load is, once the worker has said (a long load runs in slices). */
  readonly loadProgress: LoadProgress | null;
  /** The keyboard shortcuts list is open. */
  readonly helpOpen: boolean;
  /** The single-character shortcuts (c, r, t, a, ?) are on (app/help/letterKeys.ts). */
  readonly letterKeys: boolean;
  setPlaying(playing: boolean): void;
  setSpeed(speed: number): void;
  select(selection: Selection): void;
  /** The value for the next client request. */
  nextRequestValue(): string;
  setHideHeartbeats(hide: boolean): void;
  /** Name the next client request after the `v<n>` values a loaded script already proposed. */
  continueRequestsFrom(script: readonly string[]): void;
  showNotice(notice: Notice | null): void;
  setShare(share: ShareState | null): void;
  setRestoreOffer(offer: SharedRun | null, failed?: LoadFailure | null): void;
  setSavedRunProblem(problem: ShareError | null): void;
  setNotKept(what: 'run' | 'draft', reason: string | null): void;
  setLoading(label: string | null): void;
  setLoadProgress(progress: LoadProgress | null): void;
  setHelpOpen(open: boolean): void;
  setLetterKeys(on: boolean): void;
}

/** The highest n among `propose <target> v<n>` lines. */
export function lastRequestNumber(script: readonly string[]): number {
  let n = 0;
  for (const line of script) {
    const m = /^(?:propose \S+|client \S+ put k) v(\d+)$/.exec(line);
    if (m !== null) n = Math.max(n, Number(m[1]));
  }
  return n;
}

export const createUiSlice: StateCreator<UiSlice> = (set, get) => ({
  playing: false,
  speed: DEFAULT_SPEED,
  selection: null,
  requests: 0,
  hideHeartbeats: true,
  notice: null,
  share: null,
  restoreOffer: null,
  restoreFailed: null,
  savedRunProblem: null,
  notKept: { run: null, draft: null },
  loading: null,
  loadProgress: null,
  helpOpen: false,
  letterKeys: true,
  setPlaying: (playing) => set({ playing }),
  setSpeed: (speed) => set({ speed: Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed)) }),
  select: (selection) => set({ selection }),
  nextRequestValue: () => {
    const requests = get().requests + 1;
    set({ requests });
    return `v${requests}`;
  },
  setHideHeartbeats: (hideHeartbeats) => set({ hideHeartbeats }),
  continueRequestsFrom: (script) => set({ requests: lastRequestNumber(script) }),
  showNotice: (notice) => set({ notice }),
  setShare: (share) => set({ share }),
  setRestoreOffer: (restoreOffer, failed = null) => set({ restoreOffer, restoreFailed: restoreOffer === null ? null : failed }),
  setSavedRunProblem: (savedRunProblem) => set({ savedRunProblem }),
  setNotKept: (what, reason) => {
    if (get().notKept[what] !== reason) set({ notKept: { ...get().notKept, [what]: reason } });
  },
  setLoading: (loading) => set({ loading, loadProgress: null }),
  setLoadProgress: (loadProgress) => set({ loadProgress }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setLetterKeys: (letterKeys) => set({ letterKeys }),
});
