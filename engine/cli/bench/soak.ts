/**
 * The soak figures: heaps sampled over a long session, fitted with a straight
 * line (least squares) to get MB per simulated minute, and extrapolated to an
 * hour of wall time at 10× (600 simulated minutes), from the second half of
 * the samples. A heap that levels off fits a slope near zero; a heap that
 * grows like the log of the run (thinned checkpoints) grows slower later than
 * in the window fitted, so the extrapolation errs on the high side.
 */
import { MB, round } from './stats.ts';

/** Simulated minutes in an hour of wall time at 10×. */
export const HOUR_AT_10X_SIM_MINUTES = 600;

/** Least-squares line through the points (x, y). */
export function linearFit(points: readonly (readonly [number, number])[]): { slope: number; intercept: number } {
  const n = points.length;
  if (n < 2) return { slope: 0, intercept: points[0]?.[1] ?? 0 };
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

export interface SoakSample {
  readonly wallS: number;
  readonly simMs: number;
  readonly events: number;
  readonly pageBytes: number;
  readonly workerBytes: number;
}

/** One heap's growth: MB per simulated minute, where it stood at the end, and the line carried on to an hour at 10×. */
export interface HeapGrowth {
  readonly startMB: number;
  readonly endMB: number;
  readonly MBPerSimMinute: number;
  readonly hourAt10xMB: number;
}

function growth(samples: readonly SoakSample[], bytes: (s: SoakSample) => number): HeapGrowth {
  // The second half only: in the first, the page is still warming up (chunks loading, the JIT, and the log
  // view drawing every cell until the logs pass 300 entries, after which it draws only the columns in view).
  const fitted = samples.length >= 4 ? samples.slice(Math.floor(samples.length / 2)) : samples;
  const { slope, intercept } = linearFit(fitted.map((s) => [s.simMs / 60_000, bytes(s) / MB]));
  return {
    startMB: round(bytes(samples[0]) / MB),
    endMB: round(bytes(samples[samples.length - 1]) / MB),
    MBPerSimMinute: round(slope, 3),
    hourAt10xMB: round(intercept + slope * HOUR_AT_10X_SIM_MINUTES, 1),
  };
}

export function soakFigures(samples: readonly SoakSample[]) {
  const last = samples[samples.length - 1];
  return {
    wallSeconds: last.wallS,
    simulatedMinutes: round(last.simMs / 60_000, 2),
    events: last.events,
    worker: growth(samples, (s) => s.workerBytes),
    page: growth(samples, (s) => s.pageBytes),
    target: { workerHourMB: 64, pageHourMB: 32 },
  };
}
