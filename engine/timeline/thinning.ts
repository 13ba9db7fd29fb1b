/**
 * Which checkpoints a timeline keeps as its run grows: every one near the head,
 * ever fewer further back, so that a run of n events keeps O(log n) of them
 * while a seek replays at most a fixed share of its distance from the head.
 *
 * Checkpoints are numbered by index i (taken at position i·every). With the
 * head's newest checkpoint at index h, checkpoint i is kept iff i is a multiple
 * of 2^level(h - i), where
 *
 *   level(d) = 0                            for d < 2·density,
 *            = floor(log2(d / density))     beyond.
 *
 * So the last 2·density checkpoints are all kept, and each further doubling of
 * the distance keeps `density` of them, evenly spaced: about
 * density·(log2(h / density) + 1) in all, and a checkpoint at distance d stands
 * at most d / density checkpoints after the one before it, which bounds the
 * replay of a seek there to about d·every/density events.
 *
 * The rule is monotone: level(d) only grows with the head, and a multiple of
 * 2^(l+1) is a multiple of 2^l, so a checkpoint once dropped is never wanted
 * again, and the kept set depends on h alone, not on the path to it. A run cut
 * back to an earlier head (a fork) keeps a subset of what the rule keeps there,
 * and thinning goes on from it by the same rule.
 */

/** Checkpoints kept per doubling of the distance from the head (beyond the first 2·density, all kept). */
export const CHECKPOINT_DENSITY = 64;

/** How sparse checkpoints are `distance` checkpoints behind the head: kept ones are multiples of 2^level. */
export function level(distance: number, density: number): number {
  let l = 0;
  // Counted rather than taken from Math.log2, so a distance of exactly density·2^l is level l without rounding.
  while (density * 2 ** (l + 1) <= distance) l++;
  return l;
}

/** Does the rule keep checkpoint `index` while the head's newest checkpoint is `head`? */
export const kept = (index: number, head: number, density: number): boolean => index % 2 ** level(head - index, density) === 0;

/**
 * The indices the rule stops keeping when the head's newest checkpoint becomes
 * `head` (from head - 1): those whose distance just reached density·2^l for
 * some l ≥ 1 (a new level), and that are not multiples of 2^l. Calling this at
 * every new head keeps exactly the rule's set, at O(log) work per checkpoint.
 */
export function leaving(head: number, density: number): number[] {
  const out: number[] = [];
  if (!Number.isFinite(density)) return out;
  for (let l = 1; ; l++) {
    const index = head - density * 2 ** l;
    if (index < 0) return out;
    if (index % 2 ** l !== 0) out.push(index);
  }
}
