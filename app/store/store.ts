/**
 * The page's one store, in four slices: the simulation as the worker last
 * reported it, the user's own state, the guided tour under way, and the texts
 * raftviz ships (library and tours).
 * Components read it through the selectors in selectors.ts; the animation loop
 * reads it with getState().
 */
import { create } from 'zustand';
import { createSimSlice, type SimSlice } from './simSlice.ts';
import { createUiSlice, type UiSlice } from './uiSlice.ts';
import { createTourSlice, type TourSlice } from './tourSlice.ts';
import { createContentSlice, type ContentSlice } from './contentSlice.ts';

export type Store = SimSlice & UiSlice & TourSlice & ContentSlice;

export const useStore = create<Store>()((...a) => ({
  ...createSimSlice(...a),
  ...createUiSlice(...a),
  ...createTourSlice(...a),
  ...createContentSlice(...a),
}));
