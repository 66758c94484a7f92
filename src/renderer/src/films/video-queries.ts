import { useLibraryMutation, useLibraryQuery } from '../data/library-query';

/** The film's own video (video.*): asked for when the film pane shows a film. */
export const useFilmVideo = (filmId: number) => useLibraryQuery('video.get', { filmId });

/** Attaching, relinking or detaching changes only what the film pane shows. */
export const useAttachFilmVideo = () => useLibraryMutation('video.attach', ['video']);
export const useRelinkFilmVideo = () => useLibraryMutation('video.relink', ['video']);
export const useDetachFilmVideo = () => useLibraryMutation('video.detach', ['video']);
