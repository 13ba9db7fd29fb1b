/**
 * Makes the page's session when it mounts, runs it (the worker, the
 * listeners) while mounted, and hands it down through SessionContext. A test
 * may pass a session of its own.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Session } from './session.ts';
import { SessionContext } from './sessionContext.ts';
import { openFromLocation } from './opening.ts';

export function SessionProvider({ embedded, session: given, children }: { embedded: boolean; session?: Session; children: ReactNode }) {
  // Made once per mount; making one has no effects, so StrictMode's extra call costs nothing.
  const [session] = useState(() => given ?? new Session({ embedded, open: openFromLocation }));
  useEffect(() => {
    session.start();
    return () => session.stop();
  }, [session]);
  return <SessionContext value={session}>{children}</SessionContext>;
}
