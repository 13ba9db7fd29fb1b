/** What the page has to say about what it opened: a bad link, a check that did not hold. Dismissable. */
import { useAppStore } from '../store/useAppStore.ts';
import { selectLoading, selectNotice } from '../store/selectors.ts';
import { useSession } from '../session/useSession.ts';
import { LoadingIndicator } from './LoadingIndicator.tsx';

export function NoticeBanner() {
  const session = useSession();
  const notice = useAppStore(selectNotice);
  const loading = useAppStore(selectLoading);
  if (loading !== null) return <LoadingIndicator label={loading} />;
  if (notice === null) return null;
  return (
    <div className={`notice-banner notice-${notice.tone}`} data-testid="notice" data-tone={notice.tone} role={notice.tone === 'error' ? 'alert' : 'status'}>
      <span>
        {notice.message}
        {notice.code ? (
          <>
            {' '}
            <code>{notice.code}</code>
          </>
        ) : null}
      </span>
      <button data-testid="dismiss-notice" onClick={() => session.store.getState().showNotice(null)} aria-label="Dismiss">
        ✕
      </button>
    </div>
  );
}
