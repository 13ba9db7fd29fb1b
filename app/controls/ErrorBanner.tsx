/** A command the simulation refused, in the parser's words. */
import { useStore } from '../store/store.ts';
import { selectLastError } from '../store/selectors.ts';
import { restartFromRecording } from '../sim/actions.ts';

export function ErrorBanner() {
  const error = useStore(selectLastError);
  if (error === null) return null;
  return (
    <div className="error-banner" role="alert">
      <span>
        {error.text ? <code>{error.text}</code> : null} {error.message}
      </span>
      {error.fatal ? (
        <button onClick={restartFromRecording}>Restart from the script</button>
      ) : (
        <button onClick={() => useStore.getState().clearError()} aria-label="Dismiss">
          ✕
        </button>
      )}
    </div>
  );
}
