import { useEffect, useRef } from 'react';
import { parseDeskLink } from '../../../shared/place-address';
import { followDeskLink } from './desk-link';

/**
 * What the system asks the desktop app to open (src/shared/openings.ts): a `reelnotes://` link goes
 * to its place on the desk and its film time (once the film's picture is there), a film page
 * to `onFilmPage` with its path. Nothing happens in the browser host, which has no such openings.
 */
export function useDesktopOpenings(onFilmPage: (path: string) => void): void {
  const latest = useRef(onFilmPage);
  useEffect(() => {
    latest.current = onFilmPage;
  });
  useEffect(
    () =>
      window.reelnotesDesktop?.onOpen((opening) => {
        if (opening.kind === 'film-page') return latest.current(opening.path);
        const link = parseDeskLink(opening.url);
        if (link) followDeskLink(link);
      }),
    []
  );
}
