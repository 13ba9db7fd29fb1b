/**
 * The page's one simulation: the worker client wired to the store and the clock.
 * Components never talk to the worker directly; they call the actions in
 * actions.ts, which send scenario lines through here.
 */
import { useStore } from '../store/store.ts';
import { SimClient } from './simClient.ts';
import { simClock } from './simClock.ts';
import { startupFor } from './startup.ts';

/** After a worker failure: the recording to rebuild the simulation from. */
let replay: string | null = null;

export const simulation = new SimClient({
  ready() {
    if (replay !== null) {
      simulation.command(replay);
      replay = null;
      return;
    }
    const start = startupFor(window.location.search);
    useStore.getState().setPlaying(start.playing);
    simulation.command(start.command);
  },
  snapshot(s) {
    useStore.getState().applySnapshot(s);
    simClock.sync(s.time, performance.now());
  },
  refused(text, error) {
    useStore.getState().reportError({ ...error, text });
  },
  failed(message) {
    useStore.getState().setPlaying(false);
    useStore.getState().reportError({ line: 0, col: 0, message: `The simulation stopped: ${message}`, text: '', fatal: true });
  },
});

/** Start a new worker and replay the recording into it: the recording is the whole state. */
export function restartFromRecording(): void {
  const script = useStore.getState().script;
  replay = script.length > 0 ? script.join('\n') : null;
  useStore.getState().clearError();
  simulation.restart();
}

// The clock runs at the chosen speed while playing and stands still otherwise.
useStore.subscribe((s, prev) => {
  if (s.playing !== prev.playing || s.speed !== prev.speed) simClock.setRate(s.playing ? s.speed : 0, performance.now());
});
