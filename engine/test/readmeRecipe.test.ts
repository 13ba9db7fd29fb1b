/** The README's Playwright recipe is the spec that runs in e2e/, word for word. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe("the README's regression-test recipe", () => {
  it('is e2e/recipe.spec.ts exactly', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('### A regression test of your own'));
    const block = /```ts\n([\s\S]*?)```/.exec(section);
    expect(block).not.toBeNull();
    expect(block![1]).toBe(readFileSync('e2e/recipe.spec.ts', 'utf8'));
  });
});
