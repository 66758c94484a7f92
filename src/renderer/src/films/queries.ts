import type { QueryClient } from '@tanstack/react-query';
import { call } from '../api';
import { queryKeyOf, useLibraryMutation, useLibraryQuery } from '../data/library-query';

/** The desk's film with its scenes and tracks, and the library's films; `{}` opens where the person left off. */
export const useOpenFilm = (filmId: number | null) => useLibraryQuery('films.open', filmId === null ? {} : { filmId });

/** The first screen's one call, sent before React's first render and taken by `useOpenFilm(null)`. */
export function prefetchFirstScreen(client: QueryClient): void {
  // Kept a minute unobserved: React has not mounted the screen that takes it yet.
  void client.prefetchQuery({ queryKey: queryKeyOf('films.open', {}), queryFn: () => call('films.open', {}), gcTime: 60_000 });
}

export const useFilmLines = (filmId: number | null) => useLibraryQuery('films.lines', filmId === null ? null : { filmId });

/** A new film page brings a film into the library's list. */
export const useImportFilmPage = () => useLibraryMutation('library.importFilmPage', ['films']);

/** A scene's title and text show in the film's list and beside the cues linked to it. */
export const useUpdateScene = () => useLibraryMutation('scenes.update', ['films', 'cues']);

/** Where the person is on the desk, for the next launch: nothing on screen changes. */
export const useRememberPlace = () => useLibraryMutation('films.rememberPlace', []);
