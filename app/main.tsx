import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { EmbedApp } from './embed/EmbedApp.tsx';
import { EMBEDDED } from './embed/embedMode.ts';
import './styles/app.css';
import './styles/motion.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {EMBEDDED ? <EmbedApp /> : <App />}
  </StrictMode>,
);
