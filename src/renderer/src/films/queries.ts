import type { QueryClient } from '@tanstack/react-query';
import type { OpenFilm } from '../../../shared/domain';
import { call } from '../api';
import { queryKeyOf, useLibraryMutation, useLibraryQuery } from '../data/library-query';
import { initialPlace } from '../navigation/place';

/** The desk's film with its scenes and tracks, and the library's films; `{}` opens where the person left off. */
export const useOpenFilm = (filmId: number | null) => useLibraryQuery('films.open', filmId === null ? {} : { filmId });

/**
 * A film's desk stays in the cache a while after the person leaves it: Back to it opens at once
 * (and asks again in the background if a change marked it out of date), the first screen's answer
 * waits for React to mount, and a plain start's answer is handed on to the film it opened.
 */
export function keepFilmsOpened(client: QueryClient): void {
  client.setQueryDefaults(['films', 'films.open'], { gcTime: 5 * 60_000 });
}

/** The first screen's one call, for the place in the address, sent before React's first render. */
export function prefetchFirstScreen(client: QueryClient): void {
  const input = initialPlace.filmId === null ? {} : { filmId: initialPlace.filmId };
  void client.prefetchQuery({ queryKey: queryKeyOf('films.open', input), queryFn: () => call('films.open', input) });
}

/** A plain start's answer is also the answer for the film it opened, which the address then names. */
export function handOnOpenedFilm(client: QueryClient, filmId: number, opened: OpenFilm): void {
  client.setQueryData(queryKeyOf('films.open', { filmId }), opened);
}

export const useFilmLines = (filmId: number | null) => useLibraryQuery('films.lines', filmId === null ? null : { filmId });

/** The film's subtitle lines sharing a line's words, offered to place it in the film. */
export const useMatchingSubtitles = (input: { filmId: number; text: string } | null) => useLibraryQuery('subtitles.matching', input);

/** A dialogue or quote line's film time shows in the film view's lists. */
export const useSetLineTime = () => useLibraryMutation('films.setLineTime', ['films']);

/** A new film page brings a film into the library's list. */
export const useImportFilmPage = () => useLibraryMutation('library.importFilmPage', ['films']);
/** The same, read by the library from where the file lies (the desktop app). */
export const useImportFilmPageFile = () => useLibraryMutation('library.importFilmPageFile', ['films']);

/** A scene's title and text show in the film's list and beside the cues linked to it. */
export const useUpdateScene = () => useLibraryMutation('scenes.update', ['films', 'cues']);

/** A scene's span is part of the film's scene list, and says which placed cues the scene lists. */
export const useSetSceneSpan = () => useLibraryMutation('scenes.setSpan', ['films', 'placements']);

/** Where the person is on the desk, for the next launch: nothing on screen changes. */
export const useRememberPlace = () => useLibraryMutation('films.rememberPlace', []);
