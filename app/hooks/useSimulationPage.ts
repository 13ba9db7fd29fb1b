/**
 * What every page that shows the simulation runs, the full app and the
 * embedded view alike: the worker and its link to the store, the play loop,
 * the keyboard shortcuts, and stopping at a safety violation.
 */
import { useSimulation } from './useSimulation.ts';
import { usePlayLoop } from './usePlayLoop.ts';
import { useKeyboardShortcuts } from './useKeyboardShortcuts.ts';
import { useStopOnViolations } from '../safety/useStopOnViolations.ts';

export function useSimulationPage(): void {
  useSimulation();
  usePlayLoop();
  useKeyboardShortcuts();
  useStopOnViolations();
}
