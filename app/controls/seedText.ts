/**
 * The Seed field's text as a seed, or why it is not one. The field is the one
 * control of the cluster's setup that takes free text, so it is checked here
 * against the same range as the `cluster` line's `seed=` (LIMITS.maxSeed), and
 * a value out of range is refused, never quietly clamped to one the user did
 * not ask for.
 */
import { LIMITS } from '../../engine/config.ts';

export type SeedText = { readonly ok: true; readonly seed: number } | { readonly ok: false; readonly message: string };

export function readSeed(text: string): SeedText {
  const t = text.trim();
  const range = `a whole number from 0 to ${LIMITS.maxSeed}`;
  if (t === '') return { ok: false, message: `Type a seed: ${range}.` };
  // Digits only, as `seed=` takes them: no sign, no fraction, no exponent, no hex.
  const n = /^\d+$/.test(t) ? Number(t) : NaN;
  if (!(n <= LIMITS.maxSeed)) {
    return { ok: false, message: `The seed must be ${range}. The cluster was left as it is.` };
  }
  return { ok: true, seed: n };
}
