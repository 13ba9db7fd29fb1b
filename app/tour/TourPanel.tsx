/**
 * The tour under way: the step's captions, where the learner stands, and the
 * ways on: Next, Back, any step by number, Replay, and Leave (which keeps the
 * simulation as it is, to play with from there).
 */
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import './tour.css';
import { useAppStore } from '../store/useAppStore.ts';
import type { Store } from '../store/store.ts';
import { selectTour } from '../store/selectors.ts';
import { finishStep, finishTours, goToStep, nextStep, previousStep, replayStep, startTour } from './tourActions.ts';
import { leaveTour } from '../sim/actions.ts';
import { findTour, nextTour } from './tours.ts';
import { selectTours } from '../store/selectors.ts';
import { useSession } from '../session/useSession.ts';

/** What the panel needs to know of the simulation: is the step still playing, and has the learner changed the run? */
const selectProgress = (s: Store) => ({
  live: s.timeline.live,
  playing: s.playing,
  loading: s.loading !== null,
  changed: s.tour !== null && s.tour.script !== null && s.tour.script !== s.script,
});

/** Where the tour panel docks at the bottom of the window (tour.css). */
const NARROW = '(max-width: 600px)';

export function TourPanel() {
  const session = useSession();
  const place = useAppStore(selectTour);
  const tours = useAppStore(selectTours);
  const progress = useAppStore(useShallow(selectProgress));
  const caption = useRef<HTMLDivElement>(null);
  // A new step's caption is read from its start, wherever the last one was scrolled to.
  useEffect(() => {
    caption.current?.scrollTo({ top: 0 });
  }, [place?.name, place?.step]);
  // On a phone the toolbar fills the first screen: a tour starts with the cluster in view, above the panel.
  useEffect(() => {
    if (place?.name !== undefined && window.matchMedia(NARROW).matches) document.getElementById('h-cluster')?.scrollIntoView({ block: 'start' });
  }, [place?.name]);
  const tour = place === null ? null : findTour(place.name, tours);
  if (place === null || tour === null) return null;
  const k = place.step;
  const step = tour.steps[k];
  const last = k === tour.steps.length - 1;
  const following = last ? nextTour(tour, tours) : null;
  const playingStep = !progress.live && !progress.loading;
  return (
    <section
      className="tour-panel"
      data-testid="tour"
      data-tour={tour.name}
      data-step={k + 1}
      data-steps={tour.steps.length}
      data-checks={place.checks}
      data-at-end={progress.live && !progress.loading}
      aria-labelledby="h-tour"
    >
      <div className="tour-head">
        <span className="tour-kicker">
          Tour {tour.number} of {tours.length}
        </span>
        <h2 id="h-tour">{tour.title}</h2>
        <span className="tour-progress" data-testid="tour-progress">
          Step {k + 1} of {tour.steps.length}
        </span>
        <ol className="tour-steps" aria-label="Steps">
          {tour.steps.map((_, i) => (
            <li key={i}>
              <button
                className="tour-step-dot"
                data-done={i < k}
                aria-current={i === k ? 'step' : undefined}
                aria-label={`Step ${i + 1}`}
                title={`Step ${i + 1}`}
                onClick={() => goToStep(session, tour, i, i > k)}
              />
            </li>
          ))}
        </ol>
        <button className="tour-leave" data-testid="tour-leave" onClick={() => leaveTour(session)} title="Close the tour and keep playing with the simulation as it is">
          Leave tour
        </button>
      </div>
      <div className="tour-caption" data-testid="tour-caption" aria-live="polite" ref={caption}>
        {step.captions.map((c, i) => (
          <p key={`${k}-${i}`}>{c}</p>
        ))}
      </div>
      <div className="tour-foot">
        <p className="tour-status" data-testid="tour-status" role="status">
          {progress.loading ? (
            'Setting up this step…'
          ) : playingStep ? (
            <>
              {progress.playing ? '▶ Playing this step: watch the cluster and the Explain panel.' : '⏸ Paused inside this step. Press Play to go on.'}{' '}
              <button className="link-button" data-testid="tour-finish-step" onClick={() => finishStep(session)}>
                Skip to its end
              </button>
            </>
          ) : progress.changed ? (
            'You have changed the run since this step. Next, Back and Replay go back to the tour’s own run; Undo brings yours back.'
          ) : place.checks === 'failed' ? (
            '⚠ This step did not turn out as the tour expects (see the note at the top).'
          ) : (
            'This step is done. Try things on the cluster, or go on.'
          )}
        </p>
        <div className="tour-buttons">
          <button data-testid="tour-back" onClick={() => previousStep(session)} disabled={k === 0}>
            ← Back
          </button>
          <button data-testid="tour-replay" onClick={() => replayStep(session)} disabled={place.start === null || !step.acts}>
            ↺ Replay step
          </button>
          {!last ? (
            <button className="primary" data-testid="tour-next" onClick={() => nextStep(session)}>
              Next →
            </button>
          ) : following !== null ? (
            <button className="primary" data-testid="tour-next" onClick={() => startTour(session, following)}>
              Next tour: {following.title} →
            </button>
          ) : (
            <button className="primary" data-testid="tour-next" onClick={() => finishTours(session)}>
              Finish
            </button>
          )}
        </div>
      </div>
    </section>
  );
}
