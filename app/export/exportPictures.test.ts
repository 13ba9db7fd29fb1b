import { describe, expect, it } from 'vitest';
import { wrap } from './legendSvg.ts';
import { logSvg } from './logSvg.ts';

describe('exported pictures', () => {
  it('legend lines wrap at spaces to fit the image', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrap('averyveryverylongword x', 5)).toEqual(['averyveryverylongword', 'x']);
  });

  it('the logs picture draws committed entries solid and the rest dashed, and escapes what it writes', () => {
    const svg = logSvg({ ids: ['n1', 'n2'], terms: { n1: [1, 2, 2], n2: [1] }, commitIndex: { n1: 2, n2: 1 }, leader: 'n1', down: new Set(['n2']) });
    expect(svg.match(/<rect [^>]*stroke-dasharray/g)).toHaveLength(1);
    expect(svg.match(/<rect x="\d+" y="\d+" width="26"/g)).toHaveLength(4);
    expect(svg).toContain('n1 ♛');
    expect(svg).toContain('n2 ✕');
    expect(svg).not.toMatch(/<script|on\w+=/);
  });

  it('a very long log keeps its last entries and says which', () => {
    const terms = Array.from({ length: 500 }, () => 3);
    const svg = logSvg({ ids: ['n1'], terms: { n1: terms }, commitIndex: { n1: 500 }, leader: null, down: new Set() });
    expect(svg).toContain('Indexes 381 to 500 of 500.');
  });

  it('a log that starts after a snapshot draws the snapshot as one block and its entries under their own indexes (§7)', () => {
    const svg = logSvg({ ids: ['n1', 'n2'], terms: { n1: [2, 2], n2: [1, 1, 2, 2, 2, 2] }, starts: { n1: { index: 4, term: 1 } }, commitIndex: { n1: 6, n2: 6 }, leader: 'n1', down: new Set() });
    expect(svg).toContain('1–4');
    expect(svg).toContain('entries compacted into a snapshot');
    // n1's first entry is index 5: in the same column as n2's index 5 (x = 64 + 4 * 28), not in index 1's.
    const n1Cells = [...svg.matchAll(/<rect x="(\d+)" y="26" width="26"/g)].map((m) => Number(m[1]));
    expect(n1Cells).toEqual([64 + 4 * 28, 64 + 5 * 28]);
    // Six columns in all: the snapshot does not add any.
    expect(svg).toMatch(/>6<\/text>/);
  });
});
