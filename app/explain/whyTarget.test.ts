import { describe, expect, it } from 'vitest';
import { parseWhy, sameTarget, whyAttr, type WhyTarget } from './whyTarget.ts';

describe('whyTarget', () => {
  it('reads back what it writes', () => {
    const targets: WhyTarget[] = [
      { kind: 'node', id: 'n3' },
      { kind: 'entry', node: 'n3', index: 12 },
      { kind: 'message', id: 0 },
      { kind: 'rule', id: 'current-term-only' },
    ];
    for (const t of targets) expect(parseWhy(whyAttr(t))).toEqual(t);
  });

  it('names nothing for attributes it does not know', () => {
    for (const bad of [null, undefined, '', 'node', 'node:', 'node:n1:2', 'entry:n1', 'entry:n1:0', 'entry:n1:x', 'message:a', 'rule:no-such-rule', 'link:n1:n2'])
      expect(parseWhy(bad), String(bad)).toBeNull();
  });

  it('tells targets apart', () => {
    expect(sameTarget({ kind: 'node', id: 'n1' }, { kind: 'node', id: 'n1' })).toBe(true);
    expect(sameTarget({ kind: 'node', id: 'n1' }, { kind: 'message', id: 1 })).toBe(false);
    expect(sameTarget(null, { kind: 'node', id: 'n1' })).toBe(false);
  });
});
