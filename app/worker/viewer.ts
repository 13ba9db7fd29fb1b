/**
 * The viewer: which moment of the run the page is looking at, and how it moves
 * (seeking, stepping, playing the recorded run). Looking at the past changes
 * nothing; the run's end is the live state, where the viewer holds no view.
 *
 * A moment is a pair: the events processed, and the clock. The clock can stand
 * between two events (a pause while playing; a run that ends before the next
 * event is due), so every place the viewer stands at is kept as both numbers,
 * and going back to it (a step back, a seek, a link) gives back both.
 *
 * Stepping keeps a trail: a step forward remembers the moment it left, so the
 * step back returns to that very moment rather than to the time of its event;
 * the other way round too. Any other move forgets the trail.
 */
import type { ClusterState } from '../../engine/sim/cluster.ts';
import type { Moment, Playhead, Standing, Timeline } from '../../engine/timeline/timeline.ts';
import { EventFeed } from './eventFeed.ts';
import type { StopReason } from './protocol.ts';
import type { StopCheck } from './stopConditions.ts';
import { EVENT_WINDOW } from './viewModel.ts';

/** How many events before a moment are replayed to list what led up to it. */
const LEAD_IN_EVENTS = 2 * EVENT_WINDOW;
/** A seek this far ahead of the view replays forward from it rather than from a checkpoint. */
const REPLAY_AHEAD = 256;

/** The page is looking at the past. */
interface View {
  readonly playhead: Playhead;
  /** What led up to the moment. */
  readonly feed: EventFeed;
}

/** How a tick in the past ended. */
export type PlayResult =
  /** A stop condition held: the view stands where it stopped. */
  | { readonly kind: 'stopped'; readonly reason: StopReason }
  /** The tick ended in the past. */
  | { readonly kind: 'played' }
  /** The replay reached the end of the run, with `left` ms of the tick still to run live. The view is live. */
  | { readonly kind: 'live'; readonly left: number };

export class Viewer {
  private view: View | null = null;
  /** Moments a step forward left, the latest last. */
  private behind: Standing[] = [];
  /** Moments a step back left, the latest last. */
  private ahead: Standing[] = [];

  /** `moved` is told whenever the moment shown changes other than by playing on: the events list must be sent whole. */
  constructor(private readonly moved: () => void) {}

  get live(): boolean {
    return this.view === null;
  }

  /** The state shown in the past, its clock the moment's; null at the live end. */
  get shown(): ClusterState | null {
    const v = this.view;
    if (v === null) return null;
    const s = v.playhead.session.cluster!;
    const time = v.playhead.standing.time;
    // Between two events of a `step`, nothing happens: the state is its last event's, only the clock runs on.
    return time === s.time ? s : { ...s, time };
  }

  /** The moment shown in the past; null at the live end. */
  get standing(): Standing | null {
    return this.view?.playhead.standing ?? null;
  }

  /** The events that led up to the moment shown in the past; null at the live end. */
  get feed(): EventFeed | null {
    return this.view?.feed ?? null;
  }

  /** Where `t` is shown: the view's moment, or the run's end. */
  private here(t: Timeline): Standing {
    return this.standing ?? t.end;
  }

  // ---- Seeking -----------------------------------------------------------------

  /**
   * Show moment `to` of `t`: just after event `position` (clamped to the run),
   * with the clock at `time` if given. The end of the run, clock and all, is
   * the live state. Forgets the stepping trail.
   */
  seek(t: Timeline, to: { position: number; time?: number }): void {
    this.forgetTrail();
    this.travel(t, to);
  }

  private travel(t: Timeline, to: { position: number; time?: number }): void {
    const end = t.end;
    const p = Math.max(0, Math.min(end.position, Math.floor(to.position)));
    if (p === end.position && (to.time === undefined || to.time >= end.time)) return this.goLive();
    const at: Moment = to.time === undefined ? { position: p } : { position: p, time: to.time };
    const v = this.view;
    if (v !== null && this.canReplayTo(v.playhead.standing, p, to.time)) {
      // Forward, and not far: replay from the view, adding to its events list.
      v.playhead.advance(at, (r) => v.feed.push(r));
      return;
    }
    const feed = new EventFeed();
    const playhead = t.playhead(at, (r) => feed.push(r), p - LEAD_IN_EVENTS);
    this.show(playhead, feed);
  }

  /** Can the view's playhead get to (position, time) by replaying forward, and soon? */
  private canReplayTo(from: Standing, position: number, time: number | undefined): boolean {
    if (position < from.position || position - from.position > REPLAY_AHEAD) return false;
    // At the same event, only a later clock is ahead; an event's own time (no time given) is the earliest moment there.
    if (position === from.position) return time !== undefined && time >= from.time;
    return true;
  }

  /**
   * Show the moment a link was made at, or a line was done at: (event, time)
   * exactly, or, if the run never passes through it (the simulator changed, or
   * the link was altered), the run's end, rather than a moment that is not it.
   * Forgets the stepping trail.
   */
  goTo(t: Timeline, cursor: { event: number; time: number }): void {
    this.seek(t, { position: cursor.event, time: cursor.time });
    const here = this.here(t);
    if (here.position !== cursor.event || here.time !== cursor.time) this.goLive();
  }

  /** Show the live end. */
  goLive(): void {
    if (this.view === null) return;
    this.view = null;
    this.moved();
  }

  /** A new run, or another one: nothing of the old view means anything in it. */
  reset(): void {
    this.view = null;
    this.forgetTrail();
  }

  private show(playhead: Playhead, feed: EventFeed): void {
    this.view = { playhead, feed };
    this.moved();
  }

  // ---- Stepping ----------------------------------------------------------------

  forgetTrail(): void {
    this.behind = [];
    this.ahead = [];
  }

  /** One event back: to the moment a step forward left there, if that is how the view got here, or else just after that event. */
  stepBack(t: Timeline): void {
    const here = this.here(t);
    if (here.position === 0) return;
    const back = this.behind.at(-1)?.position === here.position - 1 ? this.behind.pop()! : { position: here.position - 1 };
    this.ahead.push(here);
    this.travel(t, back);
  }

  /**
   * One event on in the past, replayed: to the moment a step back left there,
   * if that is how the view got here. At the live end the host records a `step`
   * instead, and tells the viewer with `steppedLive`.
   */
  stepForward(t: Timeline): void {
    const here = this.here(t);
    const on = this.ahead.at(-1)?.position === here.position + 1 ? this.ahead.pop()! : { position: here.position + 1 };
    this.behind.push(here);
    this.travel(t, on);
  }

  /** A `step` was recorded at the live end, from moment `from`: a step back returns there. */
  steppedLive(from: Standing): void {
    this.ahead = [];
    this.behind.push(from);
  }

  // ---- Playing -----------------------------------------------------------------

  /**
   * A tick of `ms` in the past: the recorded run replays from the moment shown,
   * until the tick's time, a stop condition, or the end of the run. Forgets the
   * stepping trail.
   */
  play(t: Timeline, ms: number, stop: StopCheck): PlayResult {
    this.forgetTrail();
    const v = this.view!;
    const from = v.playhead.standing;
    const end = t.end;
    const target = from.time + ms;
    const at = stop.at;
    // The moment to stop at, if this tick gets to it: replay goes exactly there (both numbers), not past it.
    const toMoment = at !== null && target >= at.time;
    const limitTime = toMoment ? Math.min(target, at.time) : target;
    const limit: Moment =
      limitTime >= end.time && (!toMoment || at.event >= end.position)
        ? { position: end.position } // the end of the run, clock and all
        : toMoment
          ? { position: at.event, time: limitTime }
          : { time: limitTime };
    const stopped = v.playhead.advance(limit, (r) => v.feed.push(r), stop.inReplay);
    const here = v.playhead.standing;
    const atEnd = here.position === end.position && here.time === end.time;
    if (stopped) {
      // Stopped right after the event that broke a property; if that is the run's last, the view is the live state.
      if (atEnd) this.goLive();
      return { kind: 'stopped', reason: stop.reason(v.playhead.session.cluster!) };
    }
    if (toMoment || (at !== null && here.position >= at.event && here.time < limitTime)) {
      // At the moment, or as near as the run comes to it (another event is due before its time).
      if (atEnd) this.goLive();
      return { kind: 'stopped', reason: { kind: 'moment', event: here.position, time: here.time } };
    }
    if (atEnd) {
      this.goLive();
      return { kind: 'live', left: target - end.time };
    }
    return { kind: 'played' };
  }
}
