/**
 * Starts loading the library and the tours as soon as the page's script runs,
 * in parallel with starting the worker and drawing the first cluster, and puts
 * them in the store when they arrive. Anything that needs them (opening a
 * `?scenario=` or `?tour=` link) waits for `content`.
 */
import { useStore } from '../store/store.ts';

export type Content = typeof import('./content.ts');

export const content: Promise<Content> = import('./content.ts').then((c) => {
  useStore.getState().setContent(c.LIBRARY, c.TOURS);
  return c;
});
