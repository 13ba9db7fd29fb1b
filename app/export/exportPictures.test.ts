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
});
