/** What just happened, in plain words, newest first. */
import { memo } from 'react';
import { useAppStore } from '../store/useAppStore.ts';
import { selectEvents, selectHideHeartbeats } from '../store/selectors.ts';
import type { EventView } from '../worker/viewModel.ts';
import { eventCategory } from './eventCategory.ts';
import { useSession } from '../session/useSession.ts';

/** Most recent events shown; the store keeps a few more. */
const SHOWN = 120;

export function EventList() {
  const session = useSession();
  const events = useAppStore(selectEvents);
  const hide = useAppStore(selectHideHeartbeats);
  const shown: EventView[] = [];
  for (let i = events.length - 1; i >= 0 && shown.length < SHOWN; i--) {
    if (!(hide && events[i].routine)) shown.push(events[i]);
  }
  return (
    <div className="events">
      <label className="events-filter">
        <input type="checkbox" checked={hide} onChange={(e) => session.store.getState().setHideHeartbeats(e.target.checked)} /> hide heartbeats and lost messages
      </label>
      {shown.length === 0 ? (
        <p className="muted">Nothing yet.</p>
      ) : (
        // Focusable, so the keyboard can scroll it: it holds nothing else that takes focus.
        <ol className="event-list" data-testid="events" tabIndex={0} aria-label="Events, newest first">
          {shown.map((e) => (
            <EventItem key={e.seq} event={e} />
          ))}
        </ol>
      )}
    </div>
  );
}

const EventItem = memo(function EventItem({ event: e }: { event: EventView }) {
  return (
    <li className={`event cat-${eventCategory(e.type)}`}>
      <span className="event-when">
        {e.time} ms <span className="event-no">#{e.event}</span>
      </span>
      <span className="event-text">{e.text}</span>
    </li>
  );
});
