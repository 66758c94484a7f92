import { useLibraryQuery } from '../data/library-query';

export const useRecordings = (filmId: number) => useLibraryQuery('recordings.list', { filmId });
export const usePeaks = (recordingId: number | null) => useLibraryQuery('recordings.peaks', recordingId === null ? null : { recordingId });
