/**
 * The recent-events list: records are kept raw as they happen (a fast run can
 * produce thousands between two frames) and put into words only when a snapshot
 * goes out, and only the last EVENT_WINDOW of them.
 */
import { describe } from '../../engine/describe.ts';
import type { EventRecord } from '../../engine/events.ts';
import { EVENT_WINDOW, type EventView } from './viewModel.ts';

export class EventFeed {
  private raw: EventRecord[] = [];
  private recent: EventView[] = [];
  private seq = 0;

  reset(): void {
    this.raw = [];
    this.recent = [];
  }

  push(r: EventRecord): void {
    this.raw.push(r);
    this.seq++;
    // Keep the buffer bounded without shifting on every push.
    if (this.raw.length > 4 * EVENT_WINDOW) this.raw = this.raw.slice(-EVENT_WINDOW);
  }

  /** The records since the last call, in words (all recent ones with `all`), oldest first. */
  take(all = false): EventView[] {
    const first = this.seq - this.raw.length;
    const start = Math.max(0, this.raw.length - EVENT_WINDOW);
    const fresh = this.raw.slice(start).map((r, i) => view(r, first + start + i + 1));
    this.raw = [];
    this.recent = [...this.recent, ...fresh].slice(-EVENT_WINDOW);
    return all ? this.recent.slice() : fresh;
  }
}

function view(r: EventRecord, seq: number): EventView {
  const routine = r.type === 'heartbeat' || (r.type === 'appendAccepted' && r.entries === 0);
  return { seq, event: r.event, time: r.time, type: r.type, node: 'node' in r ? r.node : null, text: describe(r), routine };
}
