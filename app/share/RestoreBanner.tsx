/**
 * On a plain visit, the offer to bring back the run an earlier visit saved; or,
 * if that run cannot be read, a message that says why, in the same place.
 */
import { useStore } from '../store/store.ts';
import { selectRestoreOffer } from '../store/selectors.ts';
import { dismissSavedRun, restoreSavedRun } from '../sim/actions.ts';
import { forgetSavedRunProblem, savedRunProblemText, selectSavedRunProblem, useSavedRunProblem } from './savedRunProblem.ts';

/** The run on screen is the one to keep from now on: it will be saved over the unreadable one. */
function dismissRunProblem(): void {
  forgetSavedRunProblem();
  dismissSavedRun();
}

export function RestoreBanner() {
  const offer = useStore(selectRestoreOffer);
  const problem = useSavedRunProblem(selectSavedRunProblem);
  if (offer === null && problem !== null) {
    return (
      <div className="restore-banner restore-problem" data-testid="saved-run-problem" role="status">
        <span>{savedRunProblemText(problem)}</span>
        <span className="restore-actions">
          <button data-testid="dismiss-saved-run-problem" onClick={dismissRunProblem}>
            Dismiss
          </button>
        </span>
      </div>
    );
  }
  if (offer === null) return null;
  const lines = offer.script.split('\n').length;
  return (
    <div className="restore-banner" data-testid="restore-banner" role="status">
      <span>
        Your last run was saved: {lines} line{lines === 1 ? '' : 's'} of script, {offer.cursor.time} ms, event #{offer.cursor.event}.{' '}
        <span className="muted">It is kept until you change the run on screen.</span>
      </span>
      <span className="restore-actions">
        <button data-testid="restore-run" className="primary" onClick={restoreSavedRun}>
          Restore
        </button>
        <button data-testid="dismiss-restore" onClick={dismissSavedRun}>
          Dismiss
        </button>
      </span>
    </div>
  );
}
