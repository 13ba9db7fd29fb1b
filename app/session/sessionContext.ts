/** The session of the page (or of one embedded view), handed down by SessionProvider. Null outside a provider. */
import { createContext } from 'react';
import type { Session } from './session.ts';

export const SessionContext = createContext<Session | null>(null);
