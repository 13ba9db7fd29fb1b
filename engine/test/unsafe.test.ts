import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNSAFE_RULES, canonicalUnsafe, unsafeFlags } from '../raft/unsafe.ts';

describe('unsafe switches', () => {
  it('become one flag per rule, on exactly for the rules given', () => {
    const off = { 'commit-old-terms': false, 'vote-any-log': false, 'no-truncate': false, 'no-sessions': false, 'stale-reads': false, 'snapshot-no-sessions': false, 'direct-change': false, 'change-before-noop': false };
    expect(unsafeFlags([])).toEqual(off);
    expect(unsafeFlags(['no-truncate'])).toEqual({ ...off, 'no-truncate': true });
    expect(unsafeFlags(['stale-reads', 'no-sessions'])).toEqual({ ...off, 'no-sessions': true, 'stale-reads': true });
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
