import { useLibraryMutation, useLibraryQuery } from '../data/library-query';

export const useSubtitleTracks = (filmId: number) => useLibraryQuery('subtitles.tracks', { filmId });
export const useSubtitleLines = (trackId: number | null) => useLibraryQuery('subtitles.lines', trackId === null ? null : { trackId });

/** A subtitle file adds a track, and lines the search and the dialogue's placing can find. */
export const useImportSubtitles = () => useLibraryMutation('subtitles.import', ['subtitles', 'search']);
export const useImportFilmSubtitles = () => useLibraryMutation('subtitles.importFromFilm', ['subtitles', 'search']);
/** The film's attached file, for the subtitle tracks inside it (the same answer the film pane asks for). */
export const useFilmFileFacts = (filmId: number) => useLibraryQuery('video.get', { filmId });
export const useRemoveSubtitles = () => useLibraryMutation('subtitles.delete', ['subtitles', 'search']);
