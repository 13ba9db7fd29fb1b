/**
 * The run or the script draft could not be kept in this browser (quota, site
 * data turned off): said at the top of the page for as long as it holds, not
 * as a notice that a click or the next load clears, since a reload would lose
 * the work. It goes once a later write succeeds.
 */
import { useAppStore } from '../store/useAppStore.ts';
import { selectNotKept } from '../store/selectors.ts';
import { draftNotKeptText, runNotKeptText } from '../storage/keepFailure.ts';

export function KeepWarning() {
  const { run, draft } = useAppStore(selectNotKept);
  if (run === null && draft === null) return null;
  return (
    <div className="restore-banner restore-problem" data-testid="not-kept" role="alert">
      {run !== null ? <span data-testid="run-not-kept">{runNotKeptText(run)}</span> : null}
      {draft !== null ? <span data-testid="draft-not-kept">{draftNotKeptText(draft)}</span> : null}
    </div>
  );
}
