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

/** A track's search, asked again while it runs ("cue 7 of 40"), not after. */
export function useTrackSearch(trackId: number) {
  return useQuery({
    queryKey: queryKeyOf('soundtrack.trackSearch', { trackId }),
    queryFn: () => call('soundtrack.trackSearch', { trackId }),
    refetchInterval: (query) => (query.state.data?.state === 'analysing' || query.state.data?.state === 'searching' ? PROGRESS_MS : false)
  });
}

/** Starting and cancelling change the status; a finished analysis changes every search's answer. */
export const useAnalyseSoundtrack = () => useLibraryMutation('soundtrack.analyse', ['soundtrack']);
export const useCancelAnalysis = () => useLibraryMutation('soundtrack.cancel', ['soundtrack']);
export const useFindTrack = () => useLibraryMutation('soundtrack.findTrack', ['soundtrack']);
export const useCancelTrackSearch = () => useLibraryMutation('soundtrack.cancelTrack', ['soundtrack']);
/** An accepted candidate is a placement: it leaves the finder's list and shows on the timeline. */
export const useAcceptCandidates = () => useLibraryMutation('soundtrack.accept', ['placements']);
/**
 * Undoing an accept removes its placement. Named here, not taken from placements/: that folder shows
 * cues, whose rows open the finder, and folders import each other in one direction only.
 */
export const useUndoAccept = () => useLibraryMutation('placements.delete', ['placements']);
export const useRejectCandidate = () => useLibraryMutation('soundtrack.reject', ['soundtrack']);
