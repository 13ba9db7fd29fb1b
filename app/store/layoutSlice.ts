/** How the page is laid out for this visit: which panels are collapsed to their heading. */
import type { StateCreator } from 'zustand';

/** Every panel of the main screen, by the name its heading and its store entry use. */
export type PanelId = 'cluster' | 'legend' | 'logs' | 'safety' | 'history' | 'timeline' | 'script' | 'explain' | 'selection' | 'events';

/**
 * Collapsed on a first view: only the legend, which explains what the cluster
 * and the logs already say in their own keys, and would otherwise push the
 * panels below it out of the first screen.
 */
export const COLLAPSED_AT_FIRST: Readonly<Record<PanelId, boolean>> = {
  cluster: false,
  legend: true,
  logs: false,
  safety: false,
  history: false,
  timeline: false,
  script: false,
  explain: false,
  selection: false,
  events: false,
};

export interface LayoutSlice {
  /**
   * Kept for as long as the page is open: loading a scenario, a tour step or a
   * share link changes the run on screen, not how the user arranged the page.
   */
  readonly collapsed: Readonly<Record<PanelId, boolean>>;
  setCollapsed(id: PanelId, collapsed: boolean): void;
}

export const createLayoutSlice: StateCreator<LayoutSlice> = (set, get) => ({
  collapsed: COLLAPSED_AT_FIRST,
  setCollapsed: (id, collapsed) => {
    if (get().collapsed[id] !== collapsed) set({ collapsed: { ...get().collapsed, [id]: collapsed } });
  },
});
