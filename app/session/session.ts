/**
 * One simulation on a page: the controller that owns the worker client, the
 * page's store and clock, the queue of whole-script loads with their watchdog,
 * recovery from a failed worker, and saving the run. Framework-free: React
 * makes one when the app mounts (SessionProvider.tsx) and hands it down
 * through a context, as React Flow makes its store per flow; a test or the
 * embedded view makes its own.
 *
 * Nothing happens when it is made: `start` starts the worker and the
 * listeners, `stop` ends them, and a stopped session can be started again
 * (React's StrictMode mounts twice).
 *
 * Every change to the simulation goes through here as scenario commands
 * (`command`), a whole script (`openScript`), or time travel, so every change
 * is recorded in the script. The user's actions are functions of a session
 * (app/sim/actions.ts, app/tour/tourActions.ts); the script editor is its own
 * part (`editor`).
 */
import type { CommandBody } from '../../engine/scenario/ast.ts';
import { formatCommand } from '../../engine/scenario/format.ts';
import { createAppStore, type AppStore } from '../store/store.ts';
import { SimClient, type SimClientHandlers } from '../sim/simClient.ts';
import { SimClock } from '../sim/simClock.ts';
import { DEFAULT_CLUSTER } from '../sim/startup.ts';
import { expectNotice, loadFailureNotice, loadNotice, type LoadFailure, type ScriptRequest } from '../sim/loadNotice.ts';
import { contentChunk } from '../content/contentLoad.ts';
import { RunSaver } from '../share/runSaver.ts';
import { ScriptEditing } from '../script/scriptEditing.ts';
import { KeptData } from '../storage/keptData.ts';
import { openIndexedStore } from '../storage/indexedStore.ts';
import { browserStorage } from '../share/savedRun.ts';
import { downloadText } from '../export/download.ts';
import { EXPORT_FILES } from '../export/exportFiles.ts';
import type { Cursor, ExportFormat, ToWorker } from '../worker/protocol.ts';

/** A load still running after this long (a forged link that runs for hours) is stopped. */
export const LOAD_TIMEOUT_MS = 20_000;

/**
 * A load the worker was asked to give up, and has not, this long after: the
 * worker is stuck inside one slice. It is restarted, and the run on screen
 * replayed into the new one.
 */
const CANCEL_GRACE_MS = 3_000;

/**
 * Another worker failure this soon after the page recovered from one (during
 * the replay, or as soon as it is done) is not recovered from again: the same
 * fault would loop. The user's Restart is then the way on.
 */
const RECOVERY_WINDOW_MS = 10_000;

export interface SessionOptions {
  /** `?embed=1`: the page keeps nothing of the visitor's (no saving, no restore offer, no tour offer). */
  readonly embedded: boolean;
  /**
   * Open what the page's address names: called when the first worker is up,
   * and when a link is pasted into the address bar (app/session/opening.ts).
   */
  readonly open: (session: Session) => void;
  /** The worker client; a test may pass one over a fake worker. */
  readonly client?: (handlers: SimClientHandlers) => SimClient;
  /** What the page keeps between visits; a test may pass one over a store in memory. */
  readonly kept?: KeptData;
}

export class Session {
  readonly store: AppStore = createAppStore();
  /** Simulated time between snapshots, for the animations (simClock.ts). */
  readonly clock = new SimClock();
  readonly client: SimClient;
  /** The saved run and the script draft, kept between visits (IndexedDB). */
  readonly kept: KeptData;
  readonly saver: RunSaver;
  /** The Script panel's editor: its draft and what Run does with it. */
  readonly editor: ScriptEditing;

  /** Loads sent and not yet answered, oldest first: the worker answers in order. */
  private readonly loads: ScriptRequest[] = [];
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  /** The loads were asked to be given up, and why: the answers (`load-cancelled`) are on their way. */
  private cancelling: LoadFailure | null = null;
  /** After a load that was stopped, or a restart asked for: the script to rebuild the simulation from. */
  private replay: string | null = null;
  /** After a worker failure: the run to load into the new worker, at the moment that was on screen. */
  private recovery: ScriptRequest | null = null;
  /** When the page last recovered from a worker failure by itself (performance.now()). */
  private recoveredAt = -Infinity;
  /**
   * The user's Play and Pause presses so far. Anything the page starts
   * playing by itself (a tour step, once loaded) yields to a press made since
   * it was asked for: the user's choice always wins.
   */
  private playChoices = 0;
  private stopListening: (() => void) | null = null;

  constructor(readonly options: SessionOptions) {
    this.client = (options.client ?? ((h) => new SimClient(h)))(this.handlers());
    this.kept = options.kept ?? new KeptData(openIndexedStore(), browserStorage());
    this.saver = new RunSaver(this.store, { embedded: options.embedded, loadPending: () => this.loadPending, kept: this.kept });
    this.editor = new ScriptEditing(this);
  }

  /** Start the worker and listen to the store and the page. */
  start(): void {
    if (this.stopListening !== null) return;
    const store = this.store;
    // The clock runs at the chosen speed while playing and stands still otherwise.
    const unsubscribeClock = store.subscribe((s, prev) => {
      if (s.playing !== prev.playing || s.speed !== prev.speed) this.clock.setRate(s.playing ? s.speed : 0, performance.now());
    });
    // A link pasted into the address bar of an open page changes only the fragment: the page is not reloaded.
    const onHashChange = (): void => {
      if (window.location.hash.length <= 1) return;
      this.saver.holdSaving();
      this.options.open(this);
    };
    window.addEventListener('hashchange', onHashChange);
    this.saver.start();
    this.editor.start();
    // What an earlier visit kept is read while the worker starts; the opening waits for it (opening.ts).
    if (!this.options.embedded) void this.kept.load().then((kept) => this.editor.restoreDraft(kept.draft));
    void contentChunk().then((c) => store.getState().setContent(c.LIBRARY, c.TOURS));
    this.stopListening = () => {
      unsubscribeClock();
      window.removeEventListener('hashchange', onHashChange);
    };
    this.client.start();
  }

  /** Stop the worker and every listener. */
  stop(): void {
    this.stopListening?.();
    this.stopListening = null;
    this.editor.stop();
    this.saver.stop();
    this.forgetLoads();
    this.client.terminate();
  }

  // ---- Playing -------------------------------------------------------------

  /** The user pressed Play. */
  play(): void {
    this.playChoices++;
    this.store.getState().setPlaying(true);
  }

  /** The user pressed Pause, or did something that pauses first (a step, a seek, Edit). */
  pause(): void {
    this.playChoices++;
    this.store.getState().setPlaying(false);
  }

  togglePlaying(): void {
    if (this.store.getState().playing) this.pause();
    else this.play();
  }

  /** A mark to pass to `autoplay` later: the user's presses so far. */
  playMark(): number {
    return this.playChoices;
  }

  /** Start playing on the page's own initiative, unless the user pressed Play or Pause since `mark` was taken. */
  autoplay(mark: number): void {
    if (this.playChoices === mark) this.store.getState().setPlaying(true);
  }

  /** The user pressed Play or Pause since `mark` was taken. */
  choseSince(mark: number): boolean {
    return this.playChoices !== mark;
  }

  // ---- Changing the simulation ----------------------------------------------

  /** Commands the user gave, applied in order. They make this run the one to keep. */
  command(commands: CommandBody | readonly CommandBody[]): void {
    const list: readonly CommandBody[] = Array.isArray(commands) ? commands : [commands as CommandBody];
    this.sendLines(list.map(formatCommand));
  }

  /** Lines the worker recorded itself (the run's setup, for Reset): already in canonical form. */
  sendLines(lines: readonly string[]): void {
    this.saver.startSaving();
    this.store.getState().clearError();
    this.client.command(lines.join('\n'));
  }

  /** Time travel and undo, which change nothing until the user acts in the past. */
  travel(msg: Extract<ToWorker, { kind: 'step-back' | 'step-forward' | 'undo' | 'redo' }>): void {
    this.client.travel(msg);
  }

  /** Show the run just after event `position`, with the clock at `time` if given (a moment between two events). */
  seek(position: number, time?: number): void {
    this.client.seek(position, time);
  }

  /** Resolves once every tick and seek sent so far has been answered. */
  idle(): Promise<void> {
    return this.client.idle();
  }

  /** Ask the worker for the run as a file for another tool; it is downloaded when it comes. */
  exportFile(format: ExportFormat): void {
    this.client.exportFile(format);
  }

  /** The default cluster: what a plain visit shows. It opens paused, and nothing starts it but the user's Play. */
  openDefault(): void {
    this.client.command(formatCommand(DEFAULT_CLUSTER));
  }

  /** A preset, paused before any command. Not a change of the user's: the saved run stays. */
  openPreset(line: Extract<CommandBody, { kind: 'preset' }>, byPage: boolean): void {
    this.pauseToOpen(byPage);
    this.client.command(formatCommand(line));
  }

  /**
   * What is opened opens paused, except the page's first opening from its
   * address (`byPage`, nothing on screen yet) after the user already pressed
   * Play or Pause: the press was made on the page as first painted, and wins.
   */
  private pauseToOpen(byPage: boolean): void {
    const ui = this.store.getState();
    if (byPage && !ui.loaded && this.playChoices > 0) return;
    ui.setPlaying(false);
  }

  /** Replace the simulation with a whole script, run to its end (or its first failed expect), paused (see pauseToOpen). */
  openScript(request: ScriptRequest): void {
    const ui = this.store.getState();
    this.pauseToOpen(request.byPage === true);
    ui.select(null);
    ui.clearError();
    ui.showNotice(null);
    this.loads.push(request);
    ui.setLoading(request.label);
    clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => this.cancelLoads({ kind: 'timeout', seconds: LOAD_TIMEOUT_MS / 1000 }), LOAD_TIMEOUT_MS);
    this.client.load(request.text, { cursor: request.cursor, afterLine: request.afterLine });
  }

  /** The user's Cancel: give up the loads sent; the run on screen stays (or, with none, the default cluster opens). */
  cancelLoad(): void {
    this.cancelLoads({ kind: 'cancelled' });
  }

  /** Ask the worker to give up every load sent; each answers `load-cancelled` (see `loadCancelled`). */
  private cancelLoads(why: LoadFailure): void {
    if (this.loads.length === 0 || this.cancelling !== null) return;
    this.cancelling = why;
    this.client.cancelLoad();
    clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => this.loadStuck(), CANCEL_GRACE_MS);
  }

  /** A load was sent and not answered yet: the store still shows what was there before. */
  get loadPending(): boolean {
    return this.loads.length > 0;
  }

  /** The user changed the run: from now on it is the one to keep. */
  startSaving(): void {
    this.saver.startSaving();
  }

  /** Call `then` once the run on screen is saved (see RunSaver.whenSaved). */
  whenRunSaved(then: () => void): void {
    this.saver.whenSaved(then);
  }

  /** Start a new worker and replay the recording into it: the recording is the whole state. */
  restartFromRecording(): void {
    const script = this.store.getState().script;
    this.forgetLoads();
    this.replay = script.length > 0 ? script.join('\n') : null;
    this.store.getState().clearError();
    this.client.restart();
  }

  // ---- The worker's answers -------------------------------------------------

  private handlers(): SimClientHandlers {
    const store = () => this.store.getState();
    return {
      ready: () => {
        if (this.recovery !== null) {
          this.openScript(this.recovery);
          this.recovery = null;
          return;
        }
        if (this.replay !== null) {
          this.client.command(this.replay);
          this.replay = null;
          return;
        }
        this.options.open(this);
      },
      snapshot: (s) => {
        store().applySnapshot(s);
        store().applyClientHistory(s);
        this.clock.sync(s.time, performance.now());
      },
      // The worker stopped the tick at the very moment (a violation, a tour step's end); its snapshot follows.
      stopped: () => store().setPlaying(false),
      refused: (text, error) => store().reportError({ ...error, text }),
      expectFailed: (failure) => store().showNotice(expectNotice('The script', failure)),
      loaded: (result) => {
        const request = this.loads.shift();
        if (this.loads.length === 0) {
          // Done before a cancel reached the worker: nothing is left to give up.
          this.cancelling = null;
          clearTimeout(this.watchdog);
          store().setLoading(null);
        }
        if (request === undefined) return;
        // A script refused before anything ran leaves the simulation as it was; at startup there is none yet.
        const fallback = !result.ok && !store().loaded;
        const notice = request.reportsOwnProblems === true && !fallback ? null : loadNotice(request, result, fallback);
        if (notice !== null) store().showNotice(notice);
        if (fallback) this.openDefault();
        if (result.ok) store().continueRequestsFrom(store().script);
        request.then?.(result);
      },
      loadProgress: (progress) => {
        if (this.loads.length > 0) store().setLoadProgress(progress);
      },
      loadCancelled: () => this.loadCancelled(),
      forked: (at, time, dropped) =>
        store().showNotice({
          tone: 'info',
          message:
            `You changed the past at event #${at} (${time} ms): the run goes on from there. ` +
            `The ${dropped} event${dropped === 1 ? '' : 's'} that followed in the old run ${dropped === 1 ? 'was' : 'were'} set aside; Undo (Ctrl+Z) brings them back.`,
        }),
      exported: (format, text) => {
        if (text === '') return;
        downloadText(text, EXPORT_FILES[format].name, EXPORT_FILES[format].type);
      },
      failed: (message) => this.failed(message),
    };
  }

  /** A load was given up, as asked (the run before it is back in the worker, and its snapshot came first). */
  private loadCancelled(): void {
    const request = this.loads.shift();
    const why = this.cancelling ?? { kind: 'cancelled' };
    request?.failed?.(why);
    if (this.loads.length > 0) return;
    clearTimeout(this.watchdog);
    this.watchdog = undefined;
    this.cancelling = null;
    const s = this.store.getState();
    s.setLoading(null);
    if (request === undefined) return;
    s.showNotice(loadFailureNotice(request.label, why, s.loaded));
    if (!s.loaded) this.openDefault();
  }

  private failed(message: string): void {
    this.giveUpLoads({ kind: 'error', message });
    const s = this.store.getState();
    s.setPlaying(false);
    if (performance.now() - this.recoveredAt < RECOVERY_WINDOW_MS || s.script.length === 0) {
      // It failed again straight after a recovery, or there is nothing to replay: stop it (a failed worker may
      // still be running, and would go on with the replay), say so, and leave the restart to the user.
      this.recovery = null;
      this.client.terminate();
      s.reportError({ line: 0, col: 0, message: `The simulation stopped: ${message}`, text: '', fatal: true });
      return;
    }
    this.recoverFrom(message);
  }

  /**
   * The worker failed: start a new one and replay the recording into it, opened
   * at the moment on screen. The recording is the whole state, so nothing is lost
   * but the undo history.
   */
  private recoverFrom(message: string): void {
    const s = this.store.getState();
    const at: Cursor = { time: s.time, event: s.event };
    this.recoveredAt = performance.now();
    this.recovery = {
      text: s.script.join('\n'),
      label: 'Your run',
      ...(s.timeline.live ? {} : { cursor: at }),
      then: (result) => {
        if (!result.ok) return;
        this.store.getState().showNotice({
          tone: 'warning',
          message: `The simulation failed (${message}). It was restarted and your run replayed from its script, back to event #${result.event} (${result.time} ms); only the undo history is gone.`,
        });
      },
    };
    this.client.restart();
  }

  /**
   * The worker did not give up the loads when asked: it is stuck. Start a new
   * one and rebuild what was shown before (or the default cluster) from its script.
   */
  private loadStuck(): void {
    const request = this.loads[0];
    const why = this.cancelling ?? { kind: 'cancelled' };
    this.giveUpLoads(why);
    const ui = this.store.getState();
    const script = ui.script;
    if (request !== undefined) ui.showNotice(loadFailureNotice(request.label, why, script.length > 0));
    this.replay = script.length > 0 ? script.join('\n') : formatCommand(DEFAULT_CLUSTER);
    this.client.restart();
  }

  /** Forget the loads sent, telling each it was given up. */
  private giveUpLoads(why: LoadFailure): void {
    const given = [...this.loads];
    this.forgetLoads();
    for (const request of given) request.failed?.(why);
  }

  private forgetLoads(): void {
    this.loads.length = 0;
    this.cancelling = null;
    clearTimeout(this.watchdog);
    this.watchdog = undefined;
    this.store.getState().setLoading(null);
  }
}
