/**
 * The source never evaluates text as code and never hands React raw HTML: no
 * `eval`, no `new Function`, no string timers, no `dangerouslySetInnerHTML`, no
 * `innerHTML`. The Content-Security-Policy forbids the first ones at run time as
 * well (e2e/security.spec.ts); this catches them before anything runs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const FORBIDDEN: readonly [string, RegExp][] = [
  ['eval', /\beval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['a timer given a string', /\bset(?:Timeout|Interval)\s*\(\s*['"`]/],
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['innerHTML or outerHTML', /\.(?:inner|outer)HTML\b/],
  ['document.write', /\bdocument\.write/],
];

describe('no code or markup from text', () => {
  const files = [...sources('app'), ...sources('engine')];

  it('reads the sources', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  for (const [what, pattern] of FORBIDDEN) {
    it(`nothing uses ${what}`, () => {
      const found = files.filter((f) => pattern.test(readFileSync(f, 'utf8')));
      expect(found).toEqual([]);
    });
  }
});
