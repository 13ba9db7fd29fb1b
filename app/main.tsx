import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { EMBEDDED } from './embed/embedMode.ts';
import { SessionProvider } from './session/SessionProvider.tsx';
import './styles/app.css';
import './styles/motion.css';

/** Only an embedded page (`?embed=1`) fetches the embedded layout. */
const EmbedApp = lazy(() => import('./embed/EmbedApp.tsx').then((m) => ({ default: m.EmbedApp })));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionProvider embedded={EMBEDDED}>
      {EMBEDDED ? (
        <Suspense fallback={null}>
          <EmbedApp />
        </Suspense>
      ) : (
        <App />
      )}
    </SessionProvider>
  </StrictMode>,
);
