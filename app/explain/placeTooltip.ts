/**
 * Where the floating explanation goes: under the item it explains, or above it
 * when there is no room below, centred on it, and always wholly inside the
 * viewport (a phone's included), `MARGIN` px from its edges.
 */

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

export const GAP = 8;
export const MARGIN = 8;

export function placeTooltip(anchor: Box, tip: Size, viewport: Size): { left: number; top: number; above: boolean } {
  const below = anchor.bottom + GAP;
  const above = anchor.top - GAP - tip.height;
  const fitsBelow = below + tip.height <= viewport.height - MARGIN;
  const fitsAbove = above >= MARGIN;
  // Below by preference; above if only that fits; otherwise wherever more of it shows, then clamped.
  const useAbove = !fitsBelow && (fitsAbove || anchor.top > viewport.height - anchor.bottom);
  const top = clamp(useAbove ? above : below, MARGIN, viewport.height - MARGIN - tip.height);
  const centre = (anchor.left + anchor.right) / 2;
  const left = clamp(centre - tip.width / 2, MARGIN, viewport.width - MARGIN - tip.width);
  return { left: Math.round(left), top: Math.round(top), above: useAbove };
}

/** `lo` wins when the range is empty: a tooltip taller than the viewport starts at its top edge. */
const clamp = (x: number, lo: number, hi: number): number => Math.max(lo, Math.min(x, hi));
