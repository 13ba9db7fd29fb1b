/**
 * The page keeps no state at module level: everything a run needs belongs to a
 * Session made when the app mounts (app/session/), and the worker's host is
 * made by the worker's `serve`. So two apps on one page (tests, the embedded
 * view) never share a store, a worker or a timer, and importing a module never
 * starts anything.
 *
 * What is allowed at module level: constants, immutable tables, and memo tables
 * of pure functions (selectors.ts, violationMarks.ts), each saying so.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) && !path.includes('testing') ? [path] : [];
  });
}

/** Patterns that only match at the start of a line: module level, given the code's two-space indentation. */
const FORBIDDEN: readonly [string, RegExp][] = [
  ['a module-level let or var', /^(?:export\s+)?(?:let|var)\s/m],
  ['a zustand store made at module level', /^(?:export\s+)?const\s+\w+\s*=\s*(?:create|createStore)\s*[<(]/m],
  ['a subscription made at import', /^\w+(?:\.\w+)*\.subscribe\s*\(/m],
  ['a listener added at import', /^(?:window|document|self|globalThis)\.(?:addEventListener\s*\(|on\w+\s*=)/m],
  ['a worker, channel or client made at module level', /^(?:export\s+)?const\s+\w+\s*=\s*new\s+(?:Worker|MessageChannel|SimClient|SimHost|Session)\b/m],
];

describe('no module-level state in app/', () => {
  const files = sources('app');

  it('reads the sources', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  for (const [what, pattern] of FORBIDDEN) {
    it(`no file has ${what}`, () => {
      expect(files.filter((f) => pattern.test(readFileSync(f, 'utf8')))).toEqual([]);
    });
  }

  it('the patterns catch what they are for', () => {
    const caught = (text: string) => FORBIDDEN.filter(([, p]) => p.test(text)).map(([what]) => what);
    expect(caught('let armed = false;')).toEqual(['a module-level let or var']);
    expect(caught('export const useThing = create<State>()(() => ({}));')).toEqual(['a zustand store made at module level']);
    expect(caught('useStore.subscribe((s) => s);')).toEqual(['a subscription made at import']);
    expect(caught("self.onmessage = (e) => {};")).toEqual(['a listener added at import']);
    expect(caught('const host = new SimHost();')).toEqual(['a worker, channel or client made at module level']);
    expect(caught('  let inside = 1;\n  const host = new SimHost();')).toEqual([]);
  });
});
