import { describe, expect, it } from 'vitest';
import { schemeTableau10 } from 'd3-scale-chromatic';
import { inkOn, PALETTE, termColor, TERM_ZERO_COLOR } from './termColor.ts';

describe('termColor', () => {
  it("uses d3's Tableau10 colours, without the grey", () => {
    expect(PALETTE).toEqual(schemeTableau10.slice(0, 9));
  });

  it('gives each of the first nine terms its own colour, the same every time', () => {
    const colors = Array.from({ length: 9 }, (_, i) => termColor(i + 1));
    expect(new Set(colors).size).toBe(9);
    expect(termColor(4)).toBe(colors[3]);
    expect(termColor(10)).toBe(termColor(1));
    expect(termColor(0)).toBe(TERM_ZERO_COLOR);
  });
  it('picks readable ink', () => {
    expect(inkOn('#ffffff')).toBe('#111');
    expect(inkOn('#000000')).toBe('#fff');
    expect(inkOn(termColor(0))).toBe('#111');
  });
});
