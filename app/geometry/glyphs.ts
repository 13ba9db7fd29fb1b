/** Small shapes as SVG path strings, centred on (0, 0). */

/** A crown for the leader, `w` wide, sitting on y = 0 and rising to y = -h. */
export function crownPath(w: number, h: number): string {
  const x = w / 2;
  return [
    `M${-x},0`,
    `L${-x},${-h * 0.75}`,
    `L${-x / 2},${-h * 0.35}`,
    `L0,${-h}`,
    `L${x / 2},${-h * 0.35}`,
    `L${x},${-h * 0.75}`,
    `L${x},0`,
    'Z',
  ].join(' ');
}

/** A diamond (RequestVote messages) with half-diagonal `r`. */
export const diamondPath = (r: number): string => `M0,${-r} L${r},0 L0,${r} L${-r},0 Z`;

/** A ✕ of half-size `r`. */
export const crossPath = (r: number): string => `M${-r},${-r} L${r},${r} M${r},${-r} L${-r},${r}`;

/** A ✓ fitting in a box of half-size `r`. */
export const tickPath = (r: number): string => `M${-r},0 L${-r / 3},${r * 0.7} L${r},${-r * 0.7}`;
