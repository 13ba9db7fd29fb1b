/**
 * The page's estimate of simulated time between snapshots. The worker answers
 * at most once a frame, and while paused not at all, so animations (messages
 * gliding along links, timer arcs) extrapolate from the last snapshot at the
 * current speed instead of waiting for the worker. Each session has its own.
 */

/**
 * Ticks carry whole milliseconds, so at very low speeds the worker moves in
 * 1 ms steps, seconds apart: the estimate may run this far ahead regardless.
 */
const MIN_LEAD_SIM_MS = 1.5;

export class SimClock {
  private base = 0;
  private baseWall = 0;
  private rate = 0;
  /** The worker's time in its last snapshot. */
  private reported = 0;

  /**
   * How far ahead of the last snapshot the estimate may run, in wall ms: about
   * the time the worker takes to answer a tick. Beyond it the worker is behind,
   * and drawing further ahead would show what has not happened.
   */
  constructor(private readonly maxLeadWallMs = 120) {}

  private get maxLead(): number {
    return this.rate === 0 ? 0 : Math.max(this.rate * this.maxLeadWallMs, MIN_LEAD_SIM_MS);
  }

  /** The worker reports `simTime`. While playing, the estimate does not step back by less than its lead. */
  sync(simTime: number, wallNow: number): void {
    this.reported = simTime;
    const lead = this.now(wallNow) - simTime;
    this.base = lead > 0 && lead <= this.maxLead ? simTime + lead : simTime;
    this.baseWall = wallNow;
  }

  /** Simulated ms per wall ms; 0 while paused. A pause shows the worker's own time, not an extrapolation. */
  setRate(rate: number, wallNow: number): void {
    this.base = rate === 0 ? this.reported : this.now(wallNow);
    this.baseWall = wallNow;
    this.rate = rate;
  }

  now(wallNow: number): number {
    return this.base + Math.min(Math.max(0, wallNow - this.baseWall) * this.rate, this.maxLead);
  }
}
