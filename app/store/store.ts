/**
 * The page's one store, in two slices: the simulation as the worker last
 * reported it, and the user's own state. Components read it through the
 * selectors in selectors.ts; the animation loop reads it with getState().
 */
import { create } from 'zustand';
import { createSimSlice, type SimSlice } from './simSlice.ts';
import { createUiSlice, type UiSlice } from './uiSlice.ts';

export type Store = SimSlice & UiSlice;

export const useStore = create<Store>()((...a) => ({
  ...createSimSlice(...a),
  ...createUiSlice(...a),
}));
