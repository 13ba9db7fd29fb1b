/**
 * The page's estimate of simulated time between snapshots. The worker answers
 * at most once a frame, and while paused not at all, so animations (messages
 * gliding along links, timer arcs) extrapolate from the last snapshot at the
 * current speed instead of waiting for the worker.
 */
export class SimClock {
  private base = 0;
  private baseWall = 0;
  private rate = 0;

  /**
   * How far ahead of the last snapshot the estimate may run, in wall ms: about
   * the time the worker takes to answer a tick. Beyond it the worker is behind,
   * and drawing further ahead would show what has not happened.
   */
  constructor(private readonly maxLeadWallMs = 120) {}

  /** The worker reports `simTime`. While playing, the estimate never steps back by less than its lead. */
  sync(simTime: number, wallNow: number): void {
    const estimate = this.now(wallNow);
    const lead = estimate - simTime;
    this.base = this.rate > 0 && lead > 0 && lead <= this.rate * this.maxLeadWallMs ? estimate : simTime;
    this.baseWall = wallNow;
  }

  /** Simulated ms per wall ms; 0 while paused. */
  setRate(rate: number, wallNow: number): void {
    this.base = this.now(wallNow);
    this.baseWall = wallNow;
    this.rate = rate;
  }

  now(wallNow: number): number {
    const elapsed = Math.min(Math.max(0, wallNow - this.baseWall), this.maxLeadWallMs);
    return this.base + elapsed * this.rate;
  }
}

/** The one clock of the page. */
export const simClock = new SimClock();
