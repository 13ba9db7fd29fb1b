/**
 * lz-string's compressor, reachable from both of the module loaders that read
 * this code. lz-string is CommonJS: Vite (the app, Vitest) gives its functions
 * as named exports, while Node's own ESM loader (the Playwright specs, which
 * build links with the app's codec) sees only `module.exports`, as `default`.
 */
import * as lz from 'lz-string';

const lib: typeof lz = (lz as typeof lz & { readonly default?: typeof lz }).default ?? lz;

export const compressToEncodedURIComponent: (input: string) => string = lib.compressToEncodedURIComponent;
