/** The client history of the moment shown, and its linearizability verdict, as the worker last sent them (app/history/historyModel.ts). */
import type { StateCreator } from 'zustand';
import type { Snapshot } from '../worker/viewModel.ts';
import { emptyClientHistory, mergeClientHistory, type ClientHistory } from '../history/historyModel.ts';

export interface ClientHistorySlice {
  readonly clientHistory: ClientHistory;
  /** Fold in a snapshot's part (nothing when it carries none; all anew when it resets). */
  applyClientHistory(s: Snapshot): void;
}

export const createClientHistorySlice: StateCreator<ClientHistorySlice> = (set, get) => ({
  clientHistory: emptyClientHistory,
  applyClientHistory: (s) => {
    const next = mergeClientHistory(get().clientHistory, s.clientHistory, s.reset);
    if (next !== get().clientHistory) set({ clientHistory: next });
  },
});
