/**
 * One colour per term, used everywhere a term is drawn (nodes, log cells, the
 * timeline, messages), so "same colour" always means "same term".
 *
 * Tableau10 without its grey, which would read as "crashed": nine hues, so terms
 * 1 and 10 share a colour; the term number is always printed next to it.
 */
/**
 * d3-scale-chromatic's schemeTableau10, first nine. Written out because that
 * package is one module whose palettes are built at load time, so importing one
 * scheme ships them all (about 6 KB gzipped); termColor.test.ts checks these
 * are still d3's colours.
 */
export const PALETTE: readonly string[] = ['#4e79a7', '#f28e2c', '#e15759', '#76b7b2', '#59a14f', '#edc949', '#af7aa1', '#ff9da7', '#9c755f'];

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
