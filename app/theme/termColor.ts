/**
 * One colour per term, used everywhere a term is drawn (nodes, log cells, the
 * timeline, messages), so "same colour" always means "same term".
 *
 * Tableau10 without its grey, which would read as "crashed": nine hues, so terms
 * 1 and 10 share a colour; the term number is always printed next to it.
 */
import { schemeTableau10 } from 'd3-scale-chromatic';

const PALETTE: readonly string[] = schemeTableau10.slice(0, 9);

/** Term 0: nobody has campaigned yet. */
export const TERM_ZERO_COLOR = '#f2f2f2';

export function termColor(term: number): string {
  if (term <= 0) return TERM_ZERO_COLOR;
  return PALETTE[(term - 1) % PALETTE.length];
}

/** Black or white, whichever reads better on `background` (a #rrggbb colour; WCAG relative luminance). */
export function inkOn(background: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background);
  if (m === null) return '#111';
  const lin = (hex: string): number => {
    const s = parseInt(hex, 16) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin(m[1]) + 0.7152 * lin(m[2]) + 0.0722 * lin(m[3]);
  // Contrast with black is (l + 0.05) / 0.05, with white 1.05 / (l + 0.05); pick the larger.
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#111' : '#fff';
}

export const termInk = (term: number): string => inkOn(termColor(term));
