/** Play/pause, one step, reset, speed, and the simulated clock. */
import { useAppStore } from '../store/useAppStore.ts';
import { selectEvent, selectPlaying, selectTime } from '../store/selectors.ts';
import { reset, stepOnce, togglePlaying } from '../sim/actions.ts';
import { SpeedControl } from './SpeedControl.tsx';
import { useSession } from '../session/useSession.ts';

export function PlaybackControls() {
  const session = useSession();
  const playing = useAppStore(selectPlaying);
  return (
    <div className="control-group playback">
      <button
        data-testid="play-pause"
        data-playing={playing}
        className="primary play"
        onClick={() => togglePlaying(session)}
        title={playing ? 'Pause (Space)' : 'Play (Space)'}
      >
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button data-testid="step" onClick={() => stepOnce(session)} title="Process exactly one event: a message arriving or a timer firing (→)">
        Step ▸
      </button>
      <button data-testid="reset" onClick={() => reset(session)} title="Start this cluster or preset over, with the same seed">
        ↺ Reset
      </button>
      <SpeedControl />
      <SimTime />
    </div>
  );
}

function SimTime() {
  const time = useAppStore(selectTime);
  const event = useAppStore(selectEvent);
  return (
    <span className="sim-time" data-testid="sim-time" data-ms={time} data-event={event} title="Simulated time, and the number of events processed">
      <span className="sim-time-ms">{time} ms</span>
      <span className="sim-time-event" data-testid="event-number" data-event={event}>
        event #{event}
      </span>
    </span>
  );
}
