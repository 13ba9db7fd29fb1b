/** Simulated time per wall time, on a log scale from 0.001× to 10×. */
import { useAppStore } from '../store/useAppStore.ts';
import { selectSpeed } from '../store/selectors.ts';
import { MAX_SPEED, MIN_SPEED } from '../store/uiSlice.ts';
import { formatSpeed } from './formatSpeed.ts';
import { useSession } from '../session/useSession.ts';

export function SpeedControl() {
  const session = useSession();
  const speed = useAppStore(selectSpeed);
  return (
    <label className="speed" title="Simulated time per real time. At 0.1×, one simulated millisecond takes 10 ms to watch.">
      <span className="control-label">Speed</span>
      <input
        data-testid="speed"
        type="range"
        min={Math.log10(MIN_SPEED)}
        max={Math.log10(MAX_SPEED)}
        step={0.05}
        value={Math.log10(speed)}
        onChange={(e) => session.store.getState().setSpeed(10 ** Number(e.target.value))}
      />
      <output className="speed-value">{formatSpeed(speed)}</output>
    </label>
  );
}
