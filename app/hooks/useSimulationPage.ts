/**
 * What every page that shows the simulation runs, the full app and the
 * embedded view alike, inside its SessionProvider (which runs the worker):
 * the play loop, the keyboard shortcuts, and stopping at a safety violation.
 */
import { usePlayLoop } from './usePlayLoop.ts';
import { useKeyboardShortcuts } from './useKeyboardShortcuts.ts';
import { useStopOnViolations } from '../safety/useStopOnViolations.ts';

export function useSimulationPage(): void {
  usePlayLoop();
  useKeyboardShortcuts();
  useStopOnViolations();
}
