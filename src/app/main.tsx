import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerServiceWorker, whenMarked } from '../sw/register';
import { App } from './app';
import './app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The offline cache is filled once the data set is in DuckDB (mark from src/state/dataset.ts).
if (import.meta.env.PROD) {
  registerServiceWorker(whenMarked('sasaran:cube')).catch((e: unknown) =>
    console.warn('Sasaran: offline cache unavailable:', e),
  );
}
