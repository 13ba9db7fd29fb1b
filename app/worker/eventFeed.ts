/**
 * The recent-events list: records are kept raw as they happen and put into words
 * when a snapshot goes out (at most once a frame), then trimmed to the windows
 * of trimEvents.
 */
import { explain } from '../../engine/explain/explain.ts';
import type { EventRecord } from '../../engine/events.ts';
import { EVENT_WINDOW, type EventView } from './viewModel.ts';
import { isRoutine, trimByKind, trimEvents } from './eventWindow.ts';

export class EventFeed {
  private raw: { readonly record: EventRecord; readonly seq: number }[] = [];
  private recent: EventView[] = [];
  private seq = 0;

  reset(): void {
    this.raw = [];
    this.recent = [];
  }

  push(r: EventRecord): void {
    this.raw.push({ record: r, seq: ++this.seq });
    // A long run between two snapshots must not pile up records nobody will see.
    if (this.raw.length > 8 * EVENT_WINDOW) this.raw = trimByKind(this.raw, (x) => isRoutine(x.record));
  }

  /** The records since the last call, in words (all recent ones with `all`), oldest first. */
  take(all = false): EventView[] {
    const fresh = trimByKind(this.raw, (x) => isRoutine(x.record)).map(view);
    this.raw = [];
    this.recent = trimEvents([...this.recent, ...fresh]);
    return all ? this.recent.slice() : fresh;
  }
}

function view({ record: r, seq }: { record: EventRecord; seq: number }): EventView {
  const { text, rule } = explain(r);
  return { seq, event: r.event, time: r.time, type: r.type, node: 'node' in r ? r.node : null, text, rule, routine: isRoutine(r) };
}
