/**
 * The whole recorded run as a strip: a scrubber from its first event to its live
 * end, where the view stands, and undo/redo. Moving back only looks; acting in
 * the past forks the run (the worker cuts it there), and Undo brings the old
 * future back. The scrubber's steps are events, so its arrow keys step one
 * event, like the ← and → shortcuts.
 */
import { useAppStore } from '../store/useAppStore.ts';
import { selectEvent, selectTime, selectTimeline } from '../store/selectors.ts';
import { backToLive, redo, seekTo, stepBack, undo } from '../sim/actions.ts';
import { useSession } from '../session/useSession.ts';

export function TimeTravelBar() {
  const session = useSession();
  const timeline = useAppStore(selectTimeline);
  const event = useAppStore(selectEvent);
  const time = useAppStore(selectTime);
  const past = !timeline.live;
  return (
    <div className="time-travel" data-testid="time-travel" data-live={timeline.live}>
      <button data-testid="step-back" onClick={() => stepBack(session)} disabled={event === 0} title="Go back exactly one event (←)">
        ◂ Back
      </button>
      <label className="scrubber-label">
        <span className="sr-only">Moment of the run, in events</span>
        <input
          data-testid="scrubber"
          className="scrubber"
          type="range"
          min={0}
          max={timeline.length}
          step={1}
          value={event}
          disabled={timeline.length === 0}
          aria-valuetext={`event ${event} of ${timeline.length}, at ${time} ms`}
          onChange={(e) => seekTo(session, Number(e.target.value))}
        />
      </label>
      <span className="time-travel-where" data-testid="time-travel-where">
        {past ? (
          <>
            <strong>Replaying the past</strong> · event {event} of {timeline.length} · acting here starts a new future
          </>
        ) : (
          <>
            Live · {timeline.length} event{timeline.length === 1 ? '' : 's'} · drag back to replay
          </>
        )}
      </span>
      {past ? (
        <button data-testid="back-to-live" onClick={() => backToLive(session)} title="Jump to the live end of the run (End)">
          Live ▸▸
        </button>
      ) : null}
      <button data-testid="undo" onClick={() => undo(session)} disabled={!timeline.canUndo} title="Bring back the run as it was before your last change of the past, reset or loaded script (Ctrl+Z)">
        ↶ Undo
      </button>
      <button data-testid="redo" onClick={() => redo(session)} disabled={!timeline.canRedo} title="Redo (Ctrl+Shift+Z)">
        ↷ Redo
      </button>
    </div>
  );
}
