import { useQuery } from '@tanstack/react-query';
import { call } from '../api';
import { queryKeyOf, useLibraryMutation } from '../data/library-query';

/** How often an analysis under way is asked for its progress. */
const PROGRESS_MS = 500;

/** The film's soundtrack analysis, asked again while it runs (its progress), not after. */
export function useSoundtrackAnalysis(filmId: number) {
  return useQuery({
    queryKey: queryKeyOf('soundtrack.status', { filmId }),
    queryFn: () => call('soundtrack.status', { filmId }),
    refetchInterval: (query) => (query.state.data?.state === 'analysing' ? PROGRESS_MS : false)
  });
}

/** Starting and cancelling change the status; a finished analysis changes every search's answer. */
export const useAnalyseSoundtrack = () => useLibraryMutation('soundtrack.analyse', ['soundtrack']);
export const useCancelAnalysis = () => useLibraryMutation('soundtrack.cancel', ['soundtrack']);
export const useRejectCandidate = () => useLibraryMutation('soundtrack.reject', ['soundtrack']);
