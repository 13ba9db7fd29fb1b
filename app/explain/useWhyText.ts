/**
 * The words for the hovered or focused item. The functions that write them
 * (whyText and what it calls) come in their own chunk, requested as soon as the
 * page starts, so the entry script stays small. Until it arrives there are no
 * words and the explanation stays hidden; it appears as soon as they come, even
 * for an item already hovered.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { useStore, type Store } from '../store/store.ts';
import type { WhyTarget } from './whyTarget.ts';

type WhyText = typeof import('./whyText.ts').whyText;

let whyText: WhyText | null = null;
const listeners = new Set<() => void>();

void import('./whyText.ts').then((m) => {
  whyText = m.whyText;
  for (const l of listeners) l();
});

const subscribe = (l: () => void): (() => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const current = (): WhyText | null => whyText;

export function useWhyText(target: WhyTarget | null): string | null {
  const write = useSyncExternalStore(subscribe, current);
  // A string, so the tooltip re-renders only when the words change, not on every snapshot.
  return useStore(useCallback((s: Store) => (target === null || write === null ? null : write(target, s)), [target, write]));
}
