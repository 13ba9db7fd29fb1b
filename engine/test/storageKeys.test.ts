/** Every localStorage key the app uses is listed in the README's "Security and privacy" section. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) && !/\.test\./.test(name) ? [path] : [];
  });

describe('what the app stores', () => {
  it('is every key the README names, and no other', () => {
    const keys = new Set(sources('app').flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/'(raftviz:[a-z-]+)'/g)].map((m) => m[1])));
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Security and privacy'), readme.indexOf('## Performance'));
    const documented = new Set([...section.matchAll(/`(raftviz:[a-z-]+)`/g)].map((m) => m[1]));
    expect(keys.size).toBeGreaterThan(0);
    expect([...keys].sort()).toEqual([...documented].sort());
  });
});
