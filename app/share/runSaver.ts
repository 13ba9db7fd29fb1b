/**
 * Keeps the current run (keptData.ts, in IndexedDB) as it changes, at most
 * once a second, and once more when the page is hidden or closed. A write the
 * browser refuses is told on the page (the store's `notKept.run`) until a
 * later one succeeds; the run stays on screen, and the draft that made it is
 * kept until it is saved (`whenSaved`).
 *
 * Saving starts only once the user changes the run (a command: a step, a crash,
 * a new cluster, a library scenario...), or answers the offer to restore the
 * saved one. Until then the saved run stays as it was: opening the page, a
 * link, or a bad link that fell back to the default cluster never overwrites it.
 *
 * Once the user changes a run opened from a link or `?scenario=`, the address
 * loses its query and fragment: it no longer names what is on screen, and
 * reloading the plain address offers the run just saved.
 *
 * One saver per session; it listens to the store and the page only between
 * `start` and `stop`.
 */
import type { AppStore } from '../store/store.ts';
import type { KeptData } from '../storage/keptData.ts';
import { keepFailureReason } from '../storage/keepFailure.ts';

export const SAVE_INTERVAL_MS = 1_000;

export interface RunSaverOptions {
  /** An embedded view (a slide, a course page) is someone else's page: it keeps nothing of the visitor's. */
  readonly embedded: boolean;
  /** A load was sent and not answered yet: the store still holds the run being replaced. */
  readonly loadPending: () => boolean;
  /** Where the run is kept. */
  readonly kept: KeptData;
}

export class RunSaver {
  private armed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** What was last written, so an unchanged run is not written again. */
  private written = '';
  /** A write is under way: a save asked for meanwhile waits for it, so writes land in order. */
  private writing = false;
  /** What to do once the run on screen is saved. */
  private afterSave: (() => void)[] = [];
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly store: AppStore,
    private readonly options: RunSaverOptions,
  ) {}

  /** Listen to the run and the page. */
  start(): void {
    if (this.unsubscribe !== null) return;
    const unsubscribeStore = this.store.subscribe((s, prev) => {
      if (s.script !== prev.script || s.event !== prev.event) this.schedule();
    });
    // A closing or hidden tab may never run the timer: save now.
    const onHide = (): void => this.save();
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') this.save();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    this.unsubscribe = () => {
      unsubscribeStore();
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }

  /** Stop listening; what is on screen is kept first. */
  stop(): void {
    this.save();
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** The user changed the run: from now on it is the one to keep. Withdraws the offer to restore the old one. */
  startSaving(): void {
    if (this.armed || this.options.embedded) return;
    this.armed = true;
    this.store.getState().setRestoreOffer(null);
    // A saved run that could not be read is written over from now on: the message about it goes too.
    this.store.getState().setSavedRunProblem(null);
    if (window.location.search !== '' || window.location.hash !== '') window.history.replaceState(window.history.state, '', window.location.pathname);
    this.schedule();
  }

  /**
   * Another run is about to be opened from the address bar: keep what is on
   * screen, then hold saving until the user changes the new run, as on a fresh visit.
   */
  holdSaving(): void {
    this.save();
    this.armed = false;
  }

  private schedule(): void {
    if (this.armed && this.timer === undefined) this.timer = setTimeout(() => this.save(), SAVE_INTERVAL_MS);
  }

  /**
   * Call `then` once the run on screen (or a later one) is saved: at the next
   * save that succeeds. An embedded view saves nothing, and calls it at once.
   */
  whenSaved(then: () => void): void {
    if (this.options.embedded) return then();
    this.afterSave.push(then);
    this.schedule();
  }

  private save(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.armed) return;
    if (this.options.loadPending() || this.writing) return this.schedule();
    const { loaded, script, time, event } = this.store.getState();
    if (!loaded || script.length === 0) return;
    const text = script.join('\n');
    const key = `${time} ${event} ${text}`;
    if (key === this.written) return this.saved();
    this.writing = true;
    const done = this.afterSave.splice(0);
    this.options.kept.writeRun({ script: text, cursor: { time, event } }).then(
      () => {
        this.writing = false;
        this.written = key;
        this.saved(done);
      },
      (error: unknown) => {
        this.writing = false;
        // Kept for the next save that succeeds; the run stays on screen and the page says it is not saved.
        this.afterSave.unshift(...done);
        this.store.getState().setNotKept('run', keepFailureReason(error));
      },
    );
  }

  private saved(done: (() => void)[] = this.afterSave.splice(0)): void {
    this.store.getState().setNotKept('run', null);
    for (const then of done) then();
  }
}
