/**
 * Moving through a tour. Every step is reached the same way: the tour's script
 * is loaded through the step's last line and opened at the step's start, then
 * played to its end. So Next, Back, a deep link and a reload all give exactly
 * the state the engine computes for that step, whatever the learner did in
 * between (their own run stays on the undo stack).
 */
import { scriptThrough } from '../../engine/scenario/tour.ts';
import { useStore } from '../store/store.ts';
import { openScript, simulation } from '../sim/simulation.ts';
import { backToLive, leaveTour, seekTo } from '../sim/actions.ts';
import { findTour, type Tour } from './tours.ts';
import { showInAddressBar, tourSearch } from './tourLink.ts';

const store = () => useStore.getState();

/** The tour under way, with the step it stands at. */
export function currentTour(): { tour: Tour; step: number } | null {
  const place = store().tour;
  const tour = place === null ? null : findTour(place.name, store().tours);
  return place === null || tour === null ? null : { tour, step: place.step };
}

/**
 * Open step `step` (0-based) of `tour`. `play`: show it happen, from the
 * previous step's end; otherwise show where it ends (Back, a step already seen).
 */
export function goToStep(tour: Tour, step: number, play = true): void {
  const k = Math.max(0, Math.min(tour.steps.length - 1, step));
  const s = store();
  s.setTour({ name: tour.name, step: k, start: null, script: null, checks: 'pending' });
  showInAddressBar(tourSearch(tour.name, k));
  openScript({
    text: scriptThrough(tour.text, tour.steps, k),
    label: `The tour “${tour.title}” (step ${k + 1})`,
    afterLine: k === 0 ? 0 : tour.steps[k - 1].lastLine,
    then(result) {
      const now = store();
      // Another step, or another run, was asked for meanwhile: this answer is stale.
      if (now.tour?.name !== tour.name || now.tour.step !== k) return;
      if (!result.ok) return now.setTour(null);
      now.setTour({ name: tour.name, step: k, start: { time: result.time, event: result.event }, script: now.script, checks: result.failure === null ? 'ok' : 'failed' });
      if (now.timeline.live) return;
      if (play) now.setPlaying(true);
      else backToLive();
    },
  });
}

export const startTour = (tour: Tour, step = 0): void => goToStep(tour, step);

export function nextStep(): void {
  const c = currentTour();
  if (c !== null && c.step < c.tour.steps.length - 1) goToStep(c.tour, c.step + 1);
}

export function previousStep(): void {
  const c = currentTour();
  if (c !== null && c.step > 0) goToStep(c.tour, c.step - 1, false);
}

/** Watch the step again from its start. */
export function replayStep(): void {
  const start = store().tour?.start;
  const c = currentTour();
  if (start == null || c === null) return;
  if (store().tour?.script !== store().script) return goToStep(c.tour, c.step);
  seekTo(start.event, start.time);
  // Playing starts once the seek is answered: the play loop measures what is left of the step from the moment shown.
  void simulation.idle().then(() => store().setPlaying(true));
}

/** Jump to the step's end without watching it. */
export const finishStep = (): void => backToLive();

/** After the last step of the last tour. */
export function finishTours(): void {
  leaveTour();
  store().showNotice({ tone: 'info', message: 'That was the last tour. The cluster is yours now: crash nodes, cut links, send requests, or open the Library for more scenarios.' });
}
