import { useSyncExternalStore } from 'react';

export const filmViews = ['scenes', 'annotations', 'trash'] as const;
export type FilmView = (typeof filmViews)[number];

/** Where the person is on the desk: the film, its view, the scene open beside it and a note asked for. */
export interface Place {
  filmId: number | null;
  view: FilmView;
  sceneId: number | null;
  noteId: number | null;
}

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
 * browser host and in the desktop app, whose page is a file. No router package: one store over
 * `history`, read by `useVisit`.
 */
function readPlace(): Place {
  const fields = new URLSearchParams(window.location.hash.slice(1));
  const id = (name: string) => {
    const value = Number(fields.get(name));
    return Number.isSafeInteger(value) && value > 0 ? value : null;
  };
  const view = fields.get('view');
  return {
    filmId: id('film'),
    view: filmViews.find((v) => v === view) ?? 'scenes',
    sceneId: id('scene'),
    noteId: id('note')
  };
}

function fragmentOf(place: Place): string {
  const fields = new URLSearchParams();
  if (place.filmId !== null) fields.set('film', String(place.filmId));
  fields.set('view', place.view);
  if (place.sceneId !== null) fields.set('scene', String(place.sceneId));
  if (place.noteId !== null) fields.set('note', String(place.noteId));
  return `#${fields}`;
}

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
