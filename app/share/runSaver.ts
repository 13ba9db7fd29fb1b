/**
 * Keeps the current run in localStorage as it changes, at most once a second,
 * and once more when the page is hidden or closed.
 *
 * Saving starts only once the user changes the run (a command: a step, a crash,
 * a new cluster, a library scenario...), or answers the offer to restore the
 * saved one. Until then the saved run stays as it was: opening the page, a
 * link, or a bad link that fell back to the default cluster never overwrites it.
 *
 * Once the user changes a run opened from a link or `?scenario=`, the address
 * loses its query and fragment: it no longer names what is on screen, and
 * reloading the plain address offers the run just saved.
 */
import { useStore } from '../store/store.ts';
import { loadPending } from '../sim/simulation.ts';
import { browserStorage, writeSavedRun } from './savedRun.ts';
import { EMBEDDED } from '../embed/embedMode.ts';
import { forgetSavedRunProblem } from './savedRunProblem.ts';

export const SAVE_INTERVAL_MS = 1_000;

let armed = false;
let timer: ReturnType<typeof setTimeout> | undefined;
/** What was last written, so an unchanged run is not written again. */
let written = '';

/** The user changed the run: from now on it is the one to keep. Withdraws the offer to restore the old one. */
export function startSaving(): void {
  // An embedded view (a slide, a course page) is someone else's page: it keeps nothing of the visitor's.
  if (armed || EMBEDDED) return;
  armed = true;
  useStore.getState().setRestoreOffer(null);
  forgetSavedRunProblem();
  if (window.location.search !== '' || window.location.hash !== '') window.history.replaceState(window.history.state, '', window.location.pathname);
  schedule();
}

/**
 * Another run is about to be opened from the address bar: keep what is on
 * screen, then hold saving until the user changes the new run, as on a fresh visit.
 */
export function holdSaving(): void {
  save();
  armed = false;
}

function schedule(): void {
  if (armed && timer === undefined) timer = setTimeout(save, SAVE_INTERVAL_MS);
}

function save(): void {
  clearTimeout(timer);
  timer = undefined;
  if (!armed) return;
  // Mid-load, the store still holds the run being replaced.
  if (loadPending()) return schedule();
  const { loaded, script, time, event } = useStore.getState();
  if (!loaded || script.length === 0) return;
  const text = script.join('\n');
  const key = `${time} ${event} ${text}`;
  if (key === written) return;
  if (writeSavedRun(browserStorage(), { script: text, cursor: { time, event } })) written = key;
}

useStore.subscribe((s, prev) => {
  if (s.script !== prev.script || s.event !== prev.event) schedule();
});

// A closing or hidden tab may never run the timer: save now.
window.addEventListener('pagehide', save);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') save();
});
