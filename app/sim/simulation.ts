/**
 * The page's one simulation: the worker client wired to the store and the clock.
 * Components never talk to the worker directly; they call the actions in
 * actions.ts, which send scenario lines through here.
 */
import { useStore } from '../store/store.ts';
import type { LibraryScenario } from '../library/library.ts';
import { SimClient } from './simClient.ts';
import { simClock } from './simClock.ts';
import { DEFAULT_CLUSTER_LINE, openingFor, type Opening } from './startup.ts';
import { content } from '../content/contentLoad.ts';
import { expectNotice, loadNotice, type ScriptRequest } from './loadNotice.ts';
import { badLinkMessage, unknownNameMessage } from './openingNotices.ts';
import { browserStorage } from '../share/savedRun.ts';
import { savedRunOnArrival } from '../share/savedRunProblem.ts';
import { startTour } from '../tour/tourActions.ts';
import { shouldWelcome } from '../tour/welcome.ts';
import { restoreSavedRun } from './actions.ts';
import { downloadText } from '../export/download.ts';
import { EMBEDDED } from '../embed/embedMode.ts';

/** A load still running after this long (a forged link that runs for hours) is stopped. */
export const LOAD_TIMEOUT_MS = 20_000;

/** After a load that was stopped, or a restart asked for: the script to rebuild the simulation from. */
let replay: string | null = null;
/** After a worker failure: the run to load into the new worker, at the moment that was on screen. */
let recovery: ScriptRequest | null = null;
/**
 * When the page last recovered from a worker failure by itself. Another failure
 * soon after (during the replay, or as soon as it is done) is not recovered from
 * again: the same fault would loop. The user's Restart is then the way on.
 */
let recoveredAt = -Infinity;
const RECOVERY_WINDOW_MS = 10_000;
/** Loads sent and not yet answered, oldest first: the worker answers in order. */
const loads: ScriptRequest[] = [];
let watchdog: ReturnType<typeof setTimeout> | undefined;

const store = () => useStore.getState();

export const simulation = new SimClient({
  ready() {
    if (recovery !== null) {
      openScript(recovery);
      recovery = null;
      return;
    }
    if (replay !== null) {
      simulation.command(replay);
      replay = null;
      return;
    }
    openFromLocation();
  },
  snapshot(s) {
    store().applySnapshot(s);
    simClock.sync(s.time, performance.now());
  },
  refused(text, error) {
    store().reportError({ ...error, text });
  },
  expectFailed(failure) {
    store().showNotice(expectNotice('The script', failure));
  },
  loaded(result) {
    const request = loads.shift();
    if (loads.length === 0) {
      clearTimeout(watchdog);
      store().setLoading(null);
    }
    if (request === undefined) return;
    // A script refused before anything ran leaves the simulation as it was; at startup there is none yet.
    const fallback = !result.ok && !store().loaded;
    const notice = request.reportsOwnProblems === true && !fallback ? null : loadNotice(request, result, fallback);
    if (notice !== null) store().showNotice(notice);
    if (fallback) openDefault();
    if (result.ok) store().continueRequestsFrom(store().script);
    request.then?.(result);
  },
  forked(at, time, dropped) {
    store().showNotice({
      tone: 'info',
      message:
        `You changed the past at event #${at} (${time} ms): the run goes on from there. ` +
        `The ${dropped} event${dropped === 1 ? '' : 's'} that followed in the old run ${dropped === 1 ? 'was' : 'were'} set aside; Undo (Ctrl+Z) brings them back.`,
    });
  },
  exported(format, text) {
    if (text === '') return;
    if (format === 'shiviz') downloadText(text, 'raftviz-shiviz.log');
    else downloadText(text, 'raftviz-trace.json', 'application/json');
  },
  failed(message) {
    forgetLoads();
    const s = store();
    s.setPlaying(false);
    if (performance.now() - recoveredAt < RECOVERY_WINDOW_MS || s.script.length === 0) {
      // It failed again straight after a recovery, or there is nothing to replay: stop it (a failed worker may
      // still be running, and would go on with the replay), say so, and leave the restart to the user.
      recovery = null;
      simulation.terminate();
      s.reportError({ line: 0, col: 0, message: `The simulation stopped: ${message}`, text: '', fatal: true });
      return;
    }
    recoverFrom(message);
  },
});

/** Open what the page's URL names (see startup.ts). */
export function openFromLocation(): void {
  void content.then(({ LIBRARY, TOURS }) => open(openingFor(window.location.search, window.location.hash, LIBRARY, TOURS)));
}

function open(opening: Opening): void {
  // On arrival (not a link pasted into an open page), the run an earlier visit
  // saved is offered back, whatever the address opens: acting on the new run
  // replaces the saved one, and the offer says so. A reload of the plain address
  // brings it straight back.
  const saved = store().loaded || EMBEDDED ? null : savedRunOnArrival(browserStorage());
  if (saved !== null) store().setRestoreOffer(saved);
  if (opening.kind === 'default' && saved !== null && reloaded()) return restoreSavedRun();
  switch (opening.kind) {
    case 'default':
      store().setWelcome(!EMBEDDED && shouldWelcome(browserStorage()));
      return openDefault();
    case 'preset':
      store().setPlaying(false);
      return simulation.command(`preset ${opening.name}`);
    case 'library':
      return openScript(libraryRequest(opening.scenario));
    case 'link':
      return openScript({ text: opening.run.script, label: 'The link', cursor: opening.run.cursor });
    case 'bad-link': {
      // Pasted into an open page, a bad link leaves the run on screen as it is.
      const fallback = !store().loaded;
      store().showNotice({ tone: 'error', message: badLinkMessage(opening.error, fallback) });
      return fallback ? openDefault() : undefined;
    }
    case 'tour':
      startTour(opening.tour, opening.step);
      // After the start, which clears the notices of whatever was on screen before.
      if (!opening.stepOk) {
        store().showNotice({ tone: 'warning', message: `The tour “${opening.tour.title}” has steps 1 to ${opening.tour.steps.length}; showing step ${opening.step + 1}.` });
      }
      return;
    case 'unknown-tour':
      store().showNotice({ tone: 'error', message: unknownNameMessage('tour', opening.name) });
      return openDefault();
    case 'unknown-scenario':
      store().showNotice({ tone: 'error', message: unknownNameMessage('scenario', opening.name) });
      return openDefault();
  }
}

/** Was this page reloaded (rather than opened afresh)? */
function reloaded(): boolean {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return nav?.type === 'reload';
}

/** The default cluster, playing (paused under reduced motion): what a plain visit shows. */
function openDefault(): void {
  // With reduced motion asked for, nothing moves until the visitor presses Play.
  store().setPlaying(!window.matchMedia('(prefers-reduced-motion: reduce)').matches);
  simulation.command(DEFAULT_CLUSTER_LINE);
}

export const libraryRequest = (s: LibraryScenario): ScriptRequest => ({ text: s.text, label: `“${s.title}”` });

/** Replace the simulation with a whole script, run to its end (or its first failed expect), paused. */
export function openScript(request: ScriptRequest): void {
  const ui = store();
  ui.setPlaying(false);
  ui.select(null);
  ui.clearError();
  ui.showNotice(null);
  loads.push(request);
  ui.setLoading(request.label);
  clearTimeout(watchdog);
  watchdog = setTimeout(loadTimedOut, LOAD_TIMEOUT_MS);
  simulation.load(request.text, { cursor: request.cursor, afterLine: request.afterLine });
}

/** The worker is still busy with a load: stop it, and go back to what was shown before (or the default cluster). */
function loadTimedOut(): void {
  const request = loads.at(-1);
  forgetLoads();
  const script = store().script;
  store().showNotice({
    tone: 'error',
    message: `${request?.label ?? 'The script'} took longer than ${LOAD_TIMEOUT_MS / 1000} s to run, so it was stopped. ${
      script.length > 0 ? 'Back to where you were.' : 'Showing the default cluster instead.'
    }`,
  });
  if (script.length === 0) store().setPlaying(true);
  replay = script.length > 0 ? script.join('\n') : DEFAULT_CLUSTER_LINE;
  simulation.restart();
}

/** A load was sent and not answered yet: the store still shows what was there before. */
export const loadPending = (): boolean => loads.length > 0;

function forgetLoads(): void {
  loads.length = 0;
  clearTimeout(watchdog);
  store().setLoading(null);
}

/**
 * The worker failed: start a new one and replay the recording into it, opened
 * at the moment on screen. The recording is the whole state, so nothing is lost
 * but the undo history.
 */
function recoverFrom(message: string): void {
  const s = store();
  const at = { time: s.time, event: s.event };
  recoveredAt = performance.now();
  recovery = {
    text: s.script.join('\n'),
    label: 'Your run',
    ...(s.timeline.live ? {} : { cursor: at }),
    then(result) {
      if (!result.ok) return;
      store().showNotice({
        tone: 'warning',
        message: `The simulation failed (${message}). It was restarted and your run replayed from its script, back to event #${result.event} (${result.time} ms); only the undo history is gone.`,
      });
    },
  };
  simulation.restart();
}

/** Start a new worker and replay the recording into it: the recording is the whole state. */
export function restartFromRecording(): void {
  const script = store().script;
  forgetLoads();
  replay = script.length > 0 ? script.join('\n') : null;
  store().clearError();
  simulation.restart();
}

// The clock runs at the chosen speed while playing and stands still otherwise.
useStore.subscribe((s, prev) => {
  if (s.playing !== prev.playing || s.speed !== prev.speed) simClock.setRate(s.playing ? s.speed : 0, performance.now());
});
