/**
 * The page's state, in five slices: the simulation as the worker last
 * reported it, the user's own state, the guided tour under way, the texts
 * raftviz ships (library and tours), and which panels are collapsed.
 *
 * There is no module-level store: each session (app/session/session.ts) makes
 * its own with `createAppStore`, so the full app, the embedded view and a test
 * never share state. Components read it through `useAppStore(selector)` with
 * the narrow selectors in selectors.ts; the animation loop reads it with
 * getState().
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createSimSlice, type SimSlice } from './simSlice.ts';
import { createUiSlice, type UiSlice } from './uiSlice.ts';
import { createTourSlice, type TourSlice } from './tourSlice.ts';
import { createContentSlice, type ContentSlice } from './contentSlice.ts';
import { createLayoutSlice, type LayoutSlice } from './layoutSlice.ts';
import { createClientHistorySlice, type ClientHistorySlice } from './clientHistorySlice.ts';

export type Store = SimSlice & UiSlice & TourSlice & ContentSlice & LayoutSlice & ClientHistorySlice;

export type AppStore = StoreApi<Store>;

export function createAppStore(): AppStore {
  return createStore<Store>()((...a) => ({
    ...createSimSlice(...a),
    ...createUiSlice(...a),
    ...createTourSlice(...a),
    ...createContentSlice(...a),
    ...createLayoutSlice(...a),
    ...createClientHistorySlice(...a),
  }));
}
