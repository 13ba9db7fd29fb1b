/**
 * The one source of randomness: mulberry32, a small 32-bit PRNG whose whole state
 * is one unsigned integer. The state lives in the cluster state, so a snapshot
 * carries it and a restored run draws exactly the same numbers.
 */

/** Normalize any integer seed to a valid generator state. */
export const seedState = (seed: number): number => (seed >>> 0) ^ 0x9e3779b9;

/** The state after `state`. */
const advance = (state: number): number => (state + 0x6d2b79f5) >>> 0;

/** The float in [0, 1) that the state `s` (just advanced to) yields. */
function output(s: number): number {
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** Advance the generator: returns a float in [0, 1) and the next state. */
export function nextFloat(state: number): [number, number] {
  const s = advance(state);
  return [output(s), s];
}

/** An integer drawn uniformly from [min, max], both inclusive. */
export function nextInt(state: number, min: number, max: number): [number, number] {
  const s = advance(state);
  return [min + Math.floor(output(s) * (max - min + 1)), s];
}

/**
 * The same draw as `nextInt`, from the generator state held in `holder.rng`,
 * which it advances. (The simulator draws before every message and timer: this
 * form allocates nothing.)
 */
export function drawInt(holder: { rng: number }, min: number, max: number): number {
  const s = advance(holder.rng);
  holder.rng = s;
  return min + Math.floor(output(s) * (max - min + 1));
}
