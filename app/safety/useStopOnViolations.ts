/** Playing stops at the event where a safety property breaks (the decision is violationStop.ts). */
import { useEffect } from 'react';
import { useStore, type Store } from '../store/store.ts';
import { seekTo } from '../sim/actions.ts';
import { violationStop } from './violationStop.ts';

function onChange(next: Store, prev: Store): void {
  if (next.violationCount === prev.violationCount) return;
  const stop = violationStop(prev, next);
  if (stop.kind === 'none') return;
  // seekTo pauses first, then shows the event that broke the property.
  if (stop.at === null) next.setPlaying(false);
  else seekTo(stop.at);
}

export function useStopOnViolations(): void {
  useEffect(() => useStore.subscribe(onChange), []);
}
