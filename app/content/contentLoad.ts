/**
 * The library and the tours come in their own chunk. A session requests it as
 * it starts, in parallel with starting the worker and drawing the first
 * cluster, and puts them in its store when they arrive; anything that needs
 * them (opening a `?scenario=` or `?tour=` link) waits for the same promise.
 * The module loader fetches the chunk once, however often this is called.
 */
export type Content = typeof import('./content.ts');

export const contentChunk = (): Promise<Content> => import('./content.ts');
