/** A command the simulation refused, in the parser's words. */
import { useAppStore } from '../store/useAppStore.ts';
import { selectLastError } from '../store/selectors.ts';
import { restartFromRecording } from '../sim/actions.ts';
import { useSession } from '../session/useSession.ts';

export function ErrorBanner() {
  const session = useSession();
  const error = useAppStore(selectLastError);
  if (error === null) return null;
  return (
    <div className="error-banner" role="alert">
      <span>
        {error.text ? <code>{error.text}</code> : null} {error.message}
      </span>
      {error.fatal ? (
        <button onClick={() => restartFromRecording(session)}>Restart from the script</button>
      ) : (
        <button onClick={() => session.store.getState().clearError()} aria-label="Dismiss">
          ✕
        </button>
      )}
    </div>
  );
}
