// The global sheet first: every component's own styles (CSS Modules) come after it and win a tie.
import './styles.css';
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './App';
import { createLibraryClient } from './data/library-query';
import { keepFilmsOpened, prefetchFirstScreen } from './films/queries';
import { pictureStartOf } from '../../shared/picture-route';
import { listenForPictureWindow } from './films/picture-window';
import { lazyComponent } from './lazy';
import { NoticesProvider } from './notices/notify';
import { SubtitleLine } from './subtitles/SubtitleLine';

// The film's picture in its own window is the same page on its own route: the picture alone.
const PictureWindow = lazyComponent(() => import('./films/PictureWindow').then((m) => m.PictureWindow));
const pictureStart = pictureStartOf(window.location.hash);

const client = createLibraryClient();
if (pictureStart === null) {
  keepFilmsOpened(client);
  // The first screen's data is on its way, and first in the library's queue, before any component has rendered.
  prefetchFirstScreen(client);
  listenForPictureWindow();
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={client}>
      <NoticesProvider>
        {pictureStart === null ? (
          <App />
        ) : (
          <Suspense fallback={null}>
            <PictureWindow start={pictureStart} underPicture={<SubtitleLine filmId={pictureStart.filmId} />} />
          </Suspense>
        )}
      </NoticesProvider>
    </QueryClientProvider>
  </StrictMode>
);
