/**
 * Everything the user can do to the simulation, as scenario lines. These are the
 * only functions that send commands, so every change is recorded in the script.
 */
import type { PresetName } from '../../engine/scenario/ast.ts';
import type { NodeId } from '../../engine/types.ts';
import { linkKey } from '../../engine/sim/cluster.ts';
import { useStore } from '../store/store.ts';
import type { LibraryScenario } from '../library/library.ts';
import { libraryRequest, openScript, simulation } from './simulation.ts';
import { startSaving } from '../share/runSaver.ts';
import { showInAddressBar } from '../tour/tourLink.ts';

const ui = () => useStore.getState();

/** Every change the user makes goes through here (or `openScript`), and makes this run the one to keep. */
const send = (line: string): void => {
  startSaving();
  ui().clearError();
  simulation.command(line);
};

export const play = (): void => ui().setPlaying(true);
export const pause = (): void => ui().setPlaying(false);
export const togglePlaying = (): void => ui().setPlaying(!ui().playing);

/**
 * Exactly one event on. Stepping while playing would be lost in the stream, so
 * it pauses first. In the past it replays the recorded next event; at the live
 * end it is a recorded `step`.
 */
export function stepOnce(): void {
  pause();
  ui().clearError();
  startSaving();
  simulation.travel({ kind: 'step-forward' });
}

/** Exactly one event back. Looking at the past changes nothing until you act there. */
export function stepBack(): void {
  pause();
  simulation.travel({ kind: 'step-back' });
}

/** Show the run just after event `position`, with the clock at `time` if given (its end is the live state). */
export function seekTo(position: number, time?: number): void {
  if (!ui().loaded) return;
  pause();
  simulation.seek(position, time);
}

/** Back to the live end of the run. */
export const backToLive = (): void => seekTo(ui().timeline.length);

/** Bring back the run as it was before the last fork, reset, or loaded script. */
export function undo(): void {
  if (!ui().timeline.canUndo) return;
  pause();
  ui().showNotice(null);
  simulation.travel({ kind: 'undo' });
}

export function redo(): void {
  if (!ui().timeline.canRedo) return;
  pause();
  simulation.travel({ kind: 'redo' });
}

/** Start the current cluster or preset over, with the same options and seed. A preset starts paused, as when loaded. */
export function reset(): void {
  const setup = ui().setup;
  if (setup.length === 0) return;
  if (setup.some((line) => line.startsWith('preset '))) pause();
  send(setup.join('\n'));
}

/** Close the guided tour, if one is under way; the simulation stays as it is, to play with from there. */
export function leaveTour(): void {
  if (ui().tour === null) return;
  ui().setTour(null);
  showInAddressBar('');
}

export function newCluster(nodes: number, seed: number): void {
  leaveTour();
  ui().select(null);
  send(`cluster nodes=${nodes} seed=${seed}`);
}

/** Load a preset, paused, so the user can act on it first. */
export function loadPreset(name: PresetName): void {
  leaveTour();
  pause();
  ui().select(null);
  send(`preset ${name}`);
}

export const crash = (id: NodeId): void => send(`crash ${id}`);
export const restart = (id: NodeId): void => send(`restart ${id}`);
export const campaign = (id: NodeId): void => send(`campaign ${id}`);

/** A client request to one node, or to whichever node leads (`leader`). */
export const propose = (target: NodeId | 'leader'): void => send(`propose ${target} ${ui().nextRequestValue()}`);

export function toggleLink(a: NodeId, b: NodeId): void {
  const cut = ui().cuts.has(linkKey(a, b));
  send(`${cut ? 'heal' : 'cut'} ${a} ${b}`);
}

export const healAll = (): void => send('heal');

/** The leader crashes and restarts at once (RaftScope's `r`): it comes back a follower, and a new election follows. */
export function restartLeader(): void {
  const leader = ui().leader;
  if (leader === null) return ui().showNotice({ tone: 'info', message: 'There is no leader to restart right now.' });
  send(`crash ${leader}\nrestart ${leader}`);
}

/** Every follower's election timer set at once: one after another (`spread`), or all together (`align`) (§5.2). */
export const setTimers = (layout: 'spread' | 'align'): void => send(`timers ${layout}`);

export const dropMessage = (id: number): void => send(`drop m${id}`);

export { restartFromRecording } from './simulation.ts';

/** Open a library scenario: its whole script, run to its end, paused. */
export function openLibraryScenario(s: LibraryScenario): void {
  leaveTour();
  startSaving();
  openScript(libraryRequest(s));
}

/** Bring back the run an earlier visit saved. */
export function restoreSavedRun(): void {
  const saved = ui().restoreOffer;
  if (saved === null) return;
  ui().setRestoreOffer(null);
  leaveTour();
  // Saving starts only once it is back, so a run that will not load stays saved.
  openScript({ text: saved.script, label: 'Your saved run', cursor: saved.cursor, then: (r) => r.ok && startSaving() });
}

/** Keep the run on screen instead; it replaces the saved one from now on. */
export const dismissSavedRun = (): void => startSaving();
