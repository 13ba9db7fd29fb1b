/** Playing stops at the event where a safety property breaks (the decision is violationStop.ts). */
import { useEffect } from 'react';
import type { Store } from '../store/store.ts';
import type { Session } from '../session/session.ts';
import { useSession } from '../session/useSession.ts';
import { seekTo } from '../sim/actions.ts';
import { violationStop } from './violationStop.ts';

function onChange(session: Session, next: Store, prev: Store): void {
  if (next.violationCount === prev.violationCount) return;
  const stop = violationStop(prev, next);
  if (stop.kind === 'none') return;
  // seekTo pauses first, then shows the event that broke the property.
  if (stop.at === null) next.setPlaying(false);
  else seekTo(session, stop.at);
}

export function useStopOnViolations(): void {
  const session = useSession();
  useEffect(() => session.store.subscribe((next, prev) => onChange(session, next, prev)), [session]);
}
