import { useEffect } from 'react';
import { deskLinkOfFragment, type DeskLink } from '../../../shared/place-address';
import { navigate } from '../navigation/place';
import { seekFilmWhenShown } from './film-clock';

/**
 * Goes where a link points: its place on the desk, then its film time, which waits for the film's
 * picture when the link opens a film that is not on the desk yet (film-clock.ts hands the time to the
 * pane when it registers, and the pane seeks once the picture's metadata is known).
 */
export function followDeskLink({ place, filmTimeMs }: DeskLink, { replace = false }: { replace?: boolean } = {}): void {
  navigate(place, { replace });
  if (filmTimeMs !== null && place.filmId !== null) seekFilmWhenShown(place.filmId, filmTimeMs);
}

/**
 * A link's fields in the page's own address (`#film=1&scene=4&t=1:02:03`: opened so, or typed or pasted
 * into the address bar) are followed as a `reelnotes://` link is. The time is taken out of the address
 * once followed (the entry is replaced), so a reload or Back does not seek again.
 */
export function useDeskLinkInAddress(): void {
  useEffect(() => {
    const follow = () => {
      const link = deskLinkOfFragment(window.location.hash);
      if (link?.filmTimeMs != null) followDeskLink(link, { replace: true });
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
}
