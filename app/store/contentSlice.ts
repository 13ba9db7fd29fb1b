/** The texts raftviz ships (the library and the tours), once their chunk has loaded; empty until then. */
import type { StateCreator } from 'zustand';
import type { LibraryScenario } from '../library/library.ts';
import type { Tour } from '../tour/tours.ts';

export interface ContentSlice {
  readonly library: readonly LibraryScenario[];
  readonly tours: readonly Tour[];
  setContent(library: readonly LibraryScenario[], tours: readonly Tour[]): void;
}

export const createContentSlice: StateCreator<ContentSlice> = (set) => ({
  library: [],
  tours: [],
  setContent: (library, tours) => set({ library, tours }),
});
