/**
 * Everything the app keeps in the browser is listed in the README's "Security
 * and privacy" section: every localStorage key, and the IndexedDB database,
 * object store and keys.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) && !/\.test\./.test(name) ? [path] : [];
  });

/** The string constant `name` of an app module (read from its source: the engine's tests run without the DOM the app needs). */
function constant(file: string, name: string): string {
  const m = new RegExp(`export const ${name} = '([^']+)'`).exec(readFileSync(join('app', 'storage', file), 'utf8'));
  if (m === null) throw new Error(`${name} not found in ${file}`);
  return m[1];
}

const readme = readFileSync('README.md', 'utf8');
const section = readme.slice(readme.indexOf('## Security and privacy'), readme.indexOf('## Performance'));
const named = (text: string): boolean => section.includes(`\`${text}\``);

describe('what the app stores', () => {
  it('in localStorage: every key the README names, and no other', () => {
    const keys = new Set(sources('app').flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/'(raftviz:[a-z-]+)'/g)].map((m) => m[1])));
    const documented = new Set([...section.matchAll(/`(raftviz:[a-z-]+)`/g)].map((m) => m[1]));
    expect(keys.size).toBeGreaterThan(0);
    expect([...keys].sort()).toEqual([...documented].sort());
    // The keys earlier versions kept runs and drafts under are still named: they are moved to IndexedDB on a visit.
    for (const key of ['raftviz:saved-run', 'raftviz:script-draft']) expect(keys).toContain(key);
  });

  it('in IndexedDB: the database, the object store and each key are named in the README', () => {
    const names = [constant('indexedStore.ts', 'KEPT_DATABASE'), constant('indexedStore.ts', 'KEPT_OBJECT_STORE'), constant('keptData.ts', 'SAVED_RUN_KEY'), constant('keptData.ts', 'DRAFT_KEY')];
    for (const name of names) expect(named(name), name).toBe(true);
  });

  it('in IndexedDB through one module only, which the README describes', () => {
    const users = sources('app').filter((f) => /from 'idb-keyval'|indexedDB\./.test(readFileSync(f, 'utf8')));
    expect(users).toEqual([join('app', 'storage', 'indexedStore.ts')]);
  });
});
