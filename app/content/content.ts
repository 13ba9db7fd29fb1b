/**
 * The texts raftviz ships: the scenario library and the guided tours, bundled
 * at build time. This module is its own chunk, loaded in parallel with the page
 * (see contentLoad.ts) rather than inside the entry script: the cluster can be
 * drawn before these texts (about 13 KB gzipped) have arrived.
 */
import { toScenario, type LibraryScenario } from '../library/library.ts';
import { toTour, type Tour } from '../tour/tours.ts';

const scenarioFiles = import.meta.glob<string>('/public/scenarios/*.txt', { query: '?raw', import: 'default', eager: true });
const tourFiles = import.meta.glob<string>('/public/tours/*.txt', { query: '?raw', import: 'default', eager: true });

/** Every library scenario, by title. */
export const LIBRARY: readonly LibraryScenario[] = Object.entries(scenarioFiles)
  .map(([path, text]) => toScenario(path, text))
  .sort((a, b) => a.title.localeCompare(b.title));

/** The tours in their order; a file that is not a valid tour is left out (the tours test keeps that from shipping). */
export const TOURS: readonly Tour[] = Object.entries(tourFiles)
  .map(([path, text]) => toTour(path, text))
  .filter((t): t is Tour => t !== null)
  .sort((a, b) => a.number - b.number);
