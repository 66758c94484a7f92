import type { HandlersOf } from '../handler-types';
import { analysisStatus, cancelAnalysis, startAnalysis } from './analysis';
import { acceptCandidates, findCueInFilm, rejectCandidate } from './soundtrack';
import { cancelTrackSearch, startTrackSearch, trackSearch } from './track-search';

/** soundtrack.*: the film's soundtrack analysed once, and the score's cues found in it. */
export const soundtrackHandlers: HandlersOf<'soundtrack'> = {
  'soundtrack.status': ({ filmId }, library) => analysisStatus(library, filmId),
  'soundtrack.analyse': ({ filmId }, library) => startAnalysis(library, filmId),
  'soundtrack.cancel': ({ filmId }, library) => cancelAnalysis(library, filmId),
  'soundtrack.findCue': ({ cueId, limit }, library) => findCueInFilm(library, cueId, limit),
  'soundtrack.accept': ({ candidates }, library) => acceptCandidates(library, candidates),
  'soundtrack.reject': ({ cueId, alignedMs }, library) => rejectCandidate(library, cueId, alignedMs),
  'soundtrack.findTrack': ({ trackId }, library) => startTrackSearch(library, trackId),
  'soundtrack.trackSearch': ({ trackId }, library) => trackSearch(library, trackId),
  'soundtrack.cancelTrack': ({ trackId }, library) => cancelTrackSearch(library, trackId)
};
