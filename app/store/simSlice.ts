/** The simulation as the page last heard of it from the worker. */
import type { StateCreator } from 'zustand';
import type { ScenarioError } from '../../engine/scenario/ast.ts';
import type { Snapshot } from '../worker/viewModel.ts';
import { emptySimData, mergeSnapshot, type SimData } from './mergeSnapshot.ts';

export interface CommandError extends ScenarioError {
  /** The line that was refused. */
  readonly text: string;
  /** The worker itself failed: nothing works until it is restarted. */
  readonly fatal?: boolean;
}

export interface SimSlice extends SimData {
  readonly lastError: CommandError | null;
  applySnapshot(s: Snapshot): void;
  reportError(e: CommandError): void;
  clearError(): void;
}

export const createSimSlice: StateCreator<SimSlice> = (set) => ({
  ...emptySimData,
  lastError: null,
  applySnapshot: (s) => set((state) => mergeSnapshot(state, s)),
  reportError: (e) => set({ lastError: e }),
  clearError: () => set({ lastError: null }),
});
