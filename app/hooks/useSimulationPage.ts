/**
 * What every page that shows the simulation runs, the full app and the
 * embedded view alike, inside its SessionProvider (which runs the worker):
 * the play loop and the keyboard shortcuts. (Playing stops at a safety
 * violation in the worker: the play loop sends the stop conditions with every tick.)
 */
import { usePlayLoop } from './usePlayLoop.ts';
import { useKeyboardShortcuts } from './useKeyboardShortcuts.ts';

export function useSimulationPage(): void {
  usePlayLoop();
  useKeyboardShortcuts();
}
