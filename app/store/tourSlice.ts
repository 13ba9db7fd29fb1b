/** The guided tour under way, if any: which tour, which step, and what the page knows of how that step went. */
import type { StateCreator } from 'zustand';
import type { Cursor } from '../worker/protocol.ts';

export interface TourPlace {
  /** The tour's name (`?tour=`). */
  readonly name: string;
  /** 0-based step. */
  readonly step: number;
  /** Where the step starts (the previous step's end), once the worker has said; Replay goes back there. */
  readonly start: Cursor | null;
  /** The recorded script as the step left it; any other script means the learner has acted since. */
  readonly script: readonly string[] | null;
  /** Did the step's `expect` lines hold? `pending` until the worker answers. */
  readonly checks: 'pending' | 'ok' | 'failed';
}

export interface TourSlice {
  readonly tour: TourPlace | null;
  /** Offer the tours to a first-time visitor. */
  readonly welcome: boolean;
  setTour(tour: TourPlace | null): void;
  setWelcome(welcome: boolean): void;
}

export const createTourSlice: StateCreator<TourSlice> = (set) => ({
  tour: null,
  welcome: false,
  setTour: (tour) => set(tour === null ? { tour } : { tour, welcome: false }),
  setWelcome: (welcome) => set({ welcome }),
});
