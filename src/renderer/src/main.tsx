import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { callEarly } from './api';
import './styles.css';

// The first screen's one call (App asks for the same), sent before React's first render.
callEarly('films.open', {});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>
);
