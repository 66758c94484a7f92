// The global sheet first: every component's own styles (CSS Modules) come after it and win a tie.
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './App';
import { createLibraryClient } from './data/library-query';
import { keepFilmsOpened, prefetchFirstScreen } from './films/queries';
import { NoticesProvider } from './notices/notify';

const client = createLibraryClient();
keepFilmsOpened(client);
// The first screen's data is on its way, and first in the library's queue, before any component has rendered.
prefetchFirstScreen(client);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={client}>
      <NoticesProvider>
        <App />
      </NoticesProvider>
    </QueryClientProvider>
  </StrictMode>
);
