/**
 * The cluster view as a standalone SVG image: a copy of the drawing on the
 * page, with the styles its stylesheet gives each element written onto the
 * element (an exported file has no stylesheet), and a legend underneath.
 * Interactive and accessibility attributes are left behind: the file is a
 * picture.
 */
import { legendSvg, LEGEND_STYLE } from './legendSvg.ts';

/** What the page's CSS decides about how an SVG element looks. */
const PAINT = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity', 'visibility', 'display',
  'stroke-linejoin', 'stroke-linecap', 'paint-order', 'font-family', 'font-size', 'font-weight', 'font-style', 'letter-spacing',
  'text-transform', 'text-anchor', 'dominant-baseline', 'transform', 'transform-origin',
] as const;

const DROP = /^(data-|aria-|on)|^(tabindex|role|class|id)$/;

function inline(live: Element, copy: Element): void {
  const style = getComputedStyle(live);
  const declared = PAINT.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';');
  copy.setAttribute('style', declared);
  for (const a of [...copy.attributes]) if (DROP.test(a.name)) copy.removeAttribute(a.name);
  const kids = live.children;
  const copies = copy.children;
  for (let i = 0; i < kids.length; i++) inline(kids[i], copies[i]);
}

export function clusterSvg(live: SVGSVGElement, terms: readonly number[]): string {
  const box = live.viewBox.baseVal;
  const copy = live.cloneNode(true) as SVGSVGElement;
  inline(live, copy);
  copy.setAttribute('x', '0');
  copy.setAttribute('y', '0');
  copy.setAttribute('width', String(box.width));
  copy.setAttribute('height', String(box.height));
  const legend = legendSvg(
    terms,
    [
      'Colour and number = the node’s term. Crown = leader, dashed ring = candidate, grey and crossed out = crashed.',
      'Diamonds = RequestVote, envelopes = AppendEntries; hollow = a reply (✓ granted or ok, ✗ refused).',
    ],
    8,
    box.height + 8,
    box.width - 16,
  );
  const height = box.height + legend.height + 16;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${box.width}" height="${height}" viewBox="0 0 ${box.width} ${height}">` +
    `<style>${LEGEND_STYLE}</style><rect width="100%" height="100%" fill="#fff"/>${new XMLSerializer().serializeToString(copy)}${legend.svg}</svg>`
  );
}
