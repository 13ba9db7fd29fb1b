/**
 * On a plain visit, the offer to bring back the run an earlier visit saved, and
 * why it was not brought back by itself if it failed to load last time; or, if
 * that run cannot be read, a message that says why, in the same place.
 */
import { useAppStore } from '../store/useAppStore.ts';
import { selectRestoreFailed, selectRestoreOffer, selectSavedRunProblem } from '../store/selectors.ts';
import { describeLoadFailure } from '../sim/loadNotice.ts';
import { dismissSavedRun, restoreSavedRun } from '../sim/actions.ts';
import { useSession } from '../session/useSession.ts';
import { savedRunProblemText } from './savedRunProblem.ts';

export function RestoreBanner() {
  const session = useSession();
  const offer = useAppStore(selectRestoreOffer);
  const failed = useAppStore(selectRestoreFailed);
  const problem = useAppStore(selectSavedRunProblem);
  if (offer === null && problem !== null) {
    // Dismissing makes the run on screen the one to keep: it is saved over the unreadable one (runSaver.ts).
    return (
      <div className="restore-banner restore-problem" data-testid="saved-run-problem" role="status">
        <span>{savedRunProblemText(problem)}</span>
        <span className="restore-actions">
          <button data-testid="dismiss-saved-run-problem" onClick={() => dismissSavedRun(session)}>
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
        {failed !== null ? (
          <strong className="restore-failed" data-testid="restore-failed" data-reason={failed.kind}>
            It was not restored by itself: it {describeLoadFailure(failed)} last time.{' '}
          </strong>
        ) : null}
        <span className="muted">It is kept until you change the run on screen.</span>
      </span>
      <span className="restore-actions">
        <button data-testid="restore-run" className="primary" onClick={() => restoreSavedRun(session)}>
          {failed === null ? 'Restore' : 'Try again'}
        </button>
        <button data-testid="dismiss-restore" onClick={() => dismissSavedRun(session)}>
          Dismiss
        </button>
      </span>
    </div>
  );
}
