/** The session of the nearest SessionProvider: its store, its client, and what the user's actions act on. */
import { useContext } from 'react';
import { SessionContext } from './sessionContext.ts';
import type { Session } from './session.ts';

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession: no SessionProvider above this component');
  return session;
}
