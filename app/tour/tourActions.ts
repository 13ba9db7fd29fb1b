/**
 * Moving through a tour. Every step is reached the same way: the tour's script
 * is loaded through the step's last line and opened at the step's start, then
 * played to its end. So Next, Back, a deep link and a reload all give exactly
 * the state the engine computes for that step, whatever the learner did in
 * between (their own run stays on the undo stack).
 */
import { scriptThrough } from '../../engine/scenario/tour.ts';
import type { Session } from '../session/session.ts';
import { backToLive, leaveTour, seekTo } from '../sim/actions.ts';
import { findTour, type Tour } from './tours.ts';
import { showInAddressBar, tourSearch } from './tourLink.ts';

/** The tour under way, with the step it stands at. */
export function currentTour(session: Session): { tour: Tour; step: number } | null {
  const { tour: place, tours } = session.store.getState();
  const tour = place === null ? null : findTour(place.name, tours);
  return place === null || tour === null ? null : { tour, step: place.step };
}

/**
 * Open step `step` (0-based) of `tour`. `play`: show it happen, from the
 * previous step's end; otherwise show where it ends (Back, a step already seen).
 * A Play or Pause the user presses while the step loads wins over its playing.
 */
export function goToStep(session: Session, tour: Tour, step: number, play = true): void {
  const k = Math.max(0, Math.min(tour.steps.length - 1, step));
  const store = () => session.store.getState();
  store().setTour({ name: tour.name, step: k, start: null, script: null, checks: 'pending' });
  showInAddressBar(tourSearch(tour.name, k), session.options.embedded);
  // A press of Play or Pause from now on is the user's, and wins.
  const mark = session.playMark();
  session.openScript({
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
      if (play) session.autoplay(mark);
      else if (!session.choseSince(mark)) backToLive(session);
    },
  });
}

export const startTour = (session: Session, tour: Tour, step = 0): void => goToStep(session, tour, step);

export function nextStep(session: Session): void {
  const c = currentTour(session);
  if (c !== null && c.step < c.tour.steps.length - 1) goToStep(session, c.tour, c.step + 1);
}

export function previousStep(session: Session): void {
  const c = currentTour(session);
  if (c !== null && c.step > 0) goToStep(session, c.tour, c.step - 1, false);
}

/** Watch the step again from its start. */
export function replayStep(session: Session): void {
  const store = () => session.store.getState();
  const start = store().tour?.start;
  const c = currentTour(session);
  if (start == null || c === null) return;
  if (store().tour?.script !== store().script) return goToStep(session, c.tour, c.step);
  seekTo(session, start.event, start.time);
  // Playing starts once the seek is answered: the play loop measures what is left of the step from the moment shown.
  const mark = session.playMark();
  void session.idle().then(() => session.autoplay(mark));
}

/** Jump to the step's end without watching it. */
export const finishStep = (session: Session): void => backToLive(session);

/** After the last step of the last tour. */
export function finishTours(session: Session): void {
  leaveTour(session);
  session.store.getState().showNotice({
    tone: 'info',
    message: 'That was the last tour. The cluster is yours now: crash nodes, cut links, send requests, or open the Library for more scenarios.',
  });
}
