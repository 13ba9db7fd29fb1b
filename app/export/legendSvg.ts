/**
 * The legend drawn into an exported image, so the picture explains itself
 * outside the page: the colour of each term shown, and what the shapes mean.
 * Returns SVG markup for a group placed at (x, y), and its height.
 */
import { termColor, termInk } from '../theme/termColor.ts';
import { esc } from './svgText.ts';

/** About the width of a character of the legend's 13 px text, to wrap lines before the image's edge. */
const CHAR_WIDTH = 7.4;

/** Break `text` at spaces into lines of at most `chars` characters (a longer word gets a line of its own). */
export function wrap(text: string, chars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > chars) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

export interface LegendPart {
  readonly svg: string;
  readonly height: number;
}

export function legendSvg(terms: readonly number[], lines: readonly string[], x: number, y: number, width: number): LegendPart {
  const swatch = 22;
  const parts: string[] = [];
  let row = y;
  if (terms.length > 0) {
    parts.push(`<text x="${x}" y="${row + 15}" class="lg-text">Colour = term:</text>`);
    terms.forEach((t, i) => {
      const sx = x + 110 + i * (swatch + 4);
      if (sx + swatch > x + width) return;
      parts.push(`<rect x="${sx}" y="${row}" width="${swatch}" height="${swatch}" rx="3" fill="${termColor(t)}" stroke="#555"/>`);
      parts.push(`<text x="${sx + swatch / 2}" y="${row + 15}" text-anchor="middle" fill="${termInk(t)}" class="lg-num">${esc(t)}</text>`);
    });
    row += swatch + 8;
  }
  for (const line of lines.flatMap((l) => wrap(l, Math.floor(width / CHAR_WIDTH)))) {
    parts.push(`<text x="${x}" y="${row + 14}" class="lg-text">${esc(line)}</text>`);
    row += 20;
  }
  return { svg: `<g class="legend">${parts.join('')}</g>`, height: row - y };
}

/** The text style of legends and labels, inlined in each image so it renders the same anywhere. */
export const LEGEND_STYLE =
  '.lg-text{font:13px system-ui,"DejaVu Sans",sans-serif;fill:#1b1f24}.lg-num{font:bold 12px system-ui,"DejaVu Sans",sans-serif}';
