import { useSyncExternalStore } from 'react';
import { fragmentOf, placeOfFragment, type Place } from '../../../shared/place-address';

export type { FilmView, Place } from '../../../shared/place-address';
/**
 * A place as the history holds it, with when the person went there: going to the same note twice
 * (or back to it) is two visits, and each opens the note again.
 */
export interface Visit {
  place: Place;
  at: number;
}

/**
 * The place lives in the address's fragment (`#film=1&view=scenes&scene=4&note=12`): a reload
 * keeps it, Back and Forward walk it, and the same fragment can name a scene or a note in the
 * browser host and in the desktop app, whose page is a file; `reelnotes://` links carry the same
 * fields (src/shared/place-address.ts reads and writes them for both). No router package: one store
 * over `history`, read by `useVisit`.
 */
const readPlace = (): Place => placeOfFragment(window.location.hash);

let current: Visit = { place: readPlace(), at: Date.now() };
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());

window.addEventListener('popstate', () => {
  current = { place: readPlace(), at: Date.now() };
  emit();
});

/** The place the page was opened on: a plain start (no place in the address) reopens where the person left off. */
export const initialPlace = current.place;

/** Goes to a place: a new entry in the history (Back returns), or, with `replace`, this entry corrected. */
export function navigate(place: Place, { replace = false }: { replace?: boolean } = {}): void {
  const url = `${window.location.pathname}${window.location.search}${fragmentOf(place)}`;
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  current = { place, at: Date.now() };
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useVisit(): Visit {
  return useSyncExternalStore(subscribe, () => current);
}
