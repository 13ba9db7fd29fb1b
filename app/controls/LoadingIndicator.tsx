/**
 * A whole script loading: what it is, how far it is, and Cancel. Shown only
 * once a load has taken half a second (see .loading-banner): most take
 * milliseconds. It blocks nothing: the page stays as it was until the load is done.
 */
import { useAppStore } from '../store/useAppStore.ts';
import { selectLoadProgress } from '../store/selectors.ts';
import { useSession } from '../session/useSession.ts';
import { labelInSentence } from '../sim/loadNotice.ts';
import { percentDone, progressText } from './loadProgressText.ts';

export function LoadingIndicator({ label }: { label: string }) {
  const session = useSession();
  const progress = useAppStore(selectLoadProgress);
  const percent = progress === null ? null : percentDone(progress);
  return (
    <div className="notice-banner loading-banner" data-testid="loading" role="status" aria-busy="true">
      <span className="loading-what">Loading {labelInSentence(label)}…</span>
      {progress !== null && percent !== null ? (
        <span className="loading-progress" data-testid="load-progress" data-done={progress.done} data-total={progress.total} data-unit={progress.unit}>
          <progress max={100} value={percent} aria-label="Loaded" />
          <span className="loading-count">
            {percent}% · {progressText(progress)}
          </span>
        </span>
      ) : null}
      <button data-testid="cancel-load" onClick={() => session.cancelLoad()} title="Stop loading; the run on screen stays as it is">
        Cancel
      </button>
    </div>
  );
}
