import { useLibraryMutation, useLibraryQuery } from '../data/library-query';

/** A film's citation facts and the library's citation style, while the dialog shows them. */
export const useCitationFacts = (filmId: number | null) => useLibraryQuery('exchange.citationFacts', filmId === null ? null : { filmId });

export const useSaveCitationFacts = () => useLibraryMutation('exchange.saveCitationFacts', ['exchange']);
export const useSetCitationStyle = () => useLibraryMutation('exchange.setCitationStyle', ['exchange']);
export const useImportCslJson = () => useLibraryMutation('exchange.importCslJson', ['exchange']);

/** Everything an imported study may add to: notes, scenes, cues, tags, and what search finds. */
const studyDomains = ['notes', 'films', 'scenes', 'cues', 'tags', 'search'] as const;
export const useImportTable = () => useLibraryMutation('exchange.importTable', studyDomains);

/** The film's tracks, which cue rows may go to. */
export const useFilmTracks = (filmId: number) => useLibraryQuery('tracks.list', { filmId });
export const useImportEaf = () => useLibraryMutation('exchange.importEaf', studyDomains);
export const useImportWebAnnotations = () => useLibraryMutation('exchange.importWebAnnotations', studyDomains);
export const useImportSonicVisualiser = () => useLibraryMutation('exchange.importSonicVisualiser', studyDomains);

/** A study pack may add a whole film, and recordings with it. */
export const useImportStudyPack = () =>
  useLibraryMutation('exchange.importStudyPack', [...studyDomains, 'recordings', 'frames', 'subtitles', 'exchange']);
