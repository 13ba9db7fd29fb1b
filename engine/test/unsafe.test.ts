import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNSAFE_RULES, canonicalUnsafe, unsafeFlags } from '../raft/unsafe.ts';

describe('unsafe switches', () => {
  it('become one flag per rule, on exactly for the rules given', () => {
    expect(unsafeFlags([])).toEqual({ 'commit-old-terms': false, 'vote-any-log': false, 'no-truncate': false });
    expect(unsafeFlags(['no-truncate'])).toEqual({ 'commit-old-terms': false, 'vote-any-log': false, 'no-truncate': true });
  });

  it('are written in list order, each once', () => {
    expect(canonicalUnsafe(['no-truncate', 'commit-old-terms', 'no-truncate'])).toEqual(['commit-old-terms', 'no-truncate']);
  });

  it('each has a rule that consults it by name', () => {
    const dir = join(import.meta.dirname, '..', 'raft');
    const code = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'unsafe.ts').map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    for (const rule of UNSAFE_RULES) expect(code, rule).toContain(`unsafe['${rule}']`);
  });
});
