import { parseFilmTime } from './time-format';

/**
 * The address of a place on the desk, read and written in one place for both ends: the renderer
 * keeps the place in its URL fragment (`#film=1&view=scenes&scene=4&note=12`), and the desktop app
 * opens the same fields from a `reelnotes://` link (`reelnotes://open#film=1&scene=4&t=1:02:03`),
 * from the system, a browser or another app.
 */

export const filmViews = ['scenes', 'annotations', 'trash'] as const;
export type FilmView = (typeof filmViews)[number];

/** Where the person is on the desk: the film, its view, the scene open beside it and a note asked for. */
export interface Place {
  filmId: number | null;
  view: FilmView;
  sceneId: number | null;
  noteId: number | null;
}

/** The place named by an address's fragment (with or without its `#`); fields that are not valid are left out. */
export function placeOfFragment(fragment: string): Place {
  const fields = new URLSearchParams(fragment.replace(/^#/, ''));
  const view = fields.get('view');
  return {
    filmId: idField(fields, 'film'),
    view: filmViews.find((v) => v === view) ?? 'scenes',
    sceneId: idField(fields, 'scene'),
    noteId: idField(fields, 'note')
  };
}

export function fragmentOf(place: Place): string {
  const fields = new URLSearchParams();
  if (place.filmId !== null) fields.set('film', String(place.filmId));
  fields.set('view', place.view);
  if (place.sceneId !== null) fields.set('scene', String(place.sceneId));
  if (place.noteId !== null) fields.set('note', String(place.noteId));
  return `#${fields}`;
}

function idField(fields: URLSearchParams, name: string): number | null {
  const text = fields.get(name);
  if (text === null || !/^[1-9]\d{0,15}$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

export const LINK_SCHEME = 'reelnotes';

/** What a `reelnotes://` link opens: a place on the desk, and a moment of the film to show there. */
export interface DeskLink {
  place: Place;
  /** Film time in ms (`t=` as h:mm:ss or seconds), or null when the link names none. */
  filmTimeMs: number | null;
}

/**
 * Reads `reelnotes://open#film=1&view=scenes&scene=4&note=12&t=1:02:03`. Undefined when the text is
 * not such a link or names no film: a link from outside opens a film or nothing, never half a place.
 */
export function parseDeskLink(text: string): DeskLink | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${LINK_SCHEME}:` || url.hostname !== 'open') return undefined;
  // The fields may also come as a query (some systems drop a link's fragment).
  return deskLinkOfFragment(url.hash.length > 1 ? url.hash : url.search);
}

/**
 * The link's fields read from a fragment (or query): the renderer's own address takes them too, so a
 * link's fields pasted after the page's address go to the same place and film time.
 */
export function deskLinkOfFragment(fragment: string): DeskLink | undefined {
  const fields = fragment.replace(/^[?#]/, '');
  const place = placeOfFragment(fields);
  if (place.filmId === null) return undefined;
  const time = new URLSearchParams(fields).get('t');
  const filmTimeMs = time === null ? null : parseFilmTime(time);
  return { place, filmTimeMs: typeof filmTimeMs === 'number' ? filmTimeMs : null };
}

/** The link to a place (and a film time), as the context menu copies it. */
export function deskLinkOf({ place, filmTimeMs }: DeskLink): string {
  const fields = new URLSearchParams(fragmentOf(place).slice(1));
  if (filmTimeMs !== null) fields.set('t', String(Math.round(filmTimeMs / 1000)));
  return `${LINK_SCHEME}://open#${fields}`;
}
