/**
 * The page's one store, in three slices: the simulation as the worker last
 * reported it, the user's own state, and the guided tour under way.
 * Components read it through the selectors in selectors.ts; the animation loop
 * reads it with getState().
 */
import { create } from 'zustand';
import { createSimSlice, type SimSlice } from './simSlice.ts';
import { createUiSlice, type UiSlice } from './uiSlice.ts';
import { createTourSlice, type TourSlice } from './tourSlice.ts';

export type Store = SimSlice & UiSlice & TourSlice;

export const useStore = create<Store>()((...a) => ({
  ...createSimSlice(...a),
  ...createUiSlice(...a),
  ...createTourSlice(...a),
}));
