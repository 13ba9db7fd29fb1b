/**
 * The page's one simulation: the worker client wired to the store and the clock.
 * Components never talk to the worker directly; they call the actions in
 * actions.ts, which send scenario lines through here.
 */
import { useStore } from '../store/store.ts';
import { SimClient } from './simClient.ts';
import { simClock } from './simClock.ts';
import { startupFor } from './startup.ts';

export const simulation = new SimClient({
  ready() {
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
    useStore.getState().reportError({ line: 0, col: 0, message, text: '' });
  },
});

// The clock runs at the chosen speed while playing and stands still otherwise.
useStore.subscribe((s, prev) => {
  if (s.playing !== prev.playing || s.speed !== prev.speed) simClock.setRate(s.playing ? s.speed : 0, performance.now());
});
