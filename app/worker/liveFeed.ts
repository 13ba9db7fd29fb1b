/**
 * What the worker keeps about the live end as the run grows: the events that
 * led up to it (the page's events list) and each node's role over time (the
 * timeline strip). The engine keeps no history; these are built from the
 * records it emits as commands run.
 */
import type { EventRecord } from '../../engine/events.ts';
import type { ClusterState } from '../../engine/sim/cluster.ts';
import type { Timeline } from '../../engine/timeline/timeline.ts';
import { EventFeed } from './eventFeed.ts';
import { RoleHistory } from './roleHistory.ts';
import { EVENT_WINDOW } from './viewModel.ts';

/** How many events before the end are replayed to list what led up to it. */
const LEAD_IN_EVENTS = 2 * EVENT_WINDOW;

export class LiveFeed {
  events = new EventFeed();
  roles = new RoleHistory();

  /** `live` is the cluster at the live end, whose nodes a record's role change is read from. */
  constructor(private readonly live: () => ClusterState | null) {}

  /** Give to the timeline as it runs commands at the live end. */
  readonly emit = (r: EventRecord): void => {
    this.events.push(r);
    const s = this.live();
    if (s != null && 'node' in r && r.node !== null) this.roles.observe(s.nodes[r.node], r.time);
  };

  /** A new run, set up by `start` (which may emit): its events from its start, one span per node. */
  newRun(start: () => ClusterState): void {
    this.events.reset();
    this.roles.reset(start());
  }

  /** After each command: a command may change a role without a record naming the node. */
  sweep(s: ClusterState): void {
    this.roles.sweep(s);
  }

  /** The run was cut at `s`: the events list is the one that led there, and no role change after it happened. */
  cutAt(s: ClusterState, events: EventFeed): void {
    this.roles.truncate(s.time);
    this.roles.sweep(s);
    this.events = events;
  }

  /** Another run is back (undo, redo) with its role history: its events are replayed from its timeline. */
  bringBack(t: Timeline, roles: RoleHistory): void {
    this.roles = roles.clone();
    this.roles.touchAll();
    this.events = new EventFeed();
    t.playhead({ position: t.length }, (r) => this.events.push(r), t.length - LEAD_IN_EVENTS);
  }
}
