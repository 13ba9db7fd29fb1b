/**
 * On a plain visit, the offer to bring back the run an earlier visit saved, and
 * why it was not brought back by itself if it failed to load last time.
 */
import { useAppStore } from '../store/useAppStore.ts';
import { selectRestoreFailed, selectRestoreOffer } from '../store/selectors.ts';
import { describeLoadFailure } from '../sim/loadNotice.ts';
import { dismissSavedRun, restoreSavedRun } from '../sim/actions.ts';
import { useSession } from '../session/useSession.ts';

export function RestoreBanner() {
  const session = useSession();
  const offer = useAppStore(selectRestoreOffer);
  const failed = useAppStore(selectRestoreFailed);
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
