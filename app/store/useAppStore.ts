/**
 * The page's state, read from the session of the nearest SessionProvider.
 * Pass a narrow selector (selectors.ts), or wrap an object-shaped one in
 * `useShallow`: a component re-renders only when what it selects changes.
 */
import { useStore } from 'zustand';
import { useSession } from '../session/useSession.ts';
import type { Store } from './store.ts';

export function useAppStore<T>(selector: (s: Store) => T): T {
  return useStore(useSession().store, selector);
}
