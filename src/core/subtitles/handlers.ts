import type { HandlersOf } from '../handler-types';
import { deleteSubtitleTrack, importSubtitles, listSubtitleLines, listSubtitleTracks, matchingSubtitles } from './subtitles';

/** subtitles.*: a film's subtitle files, their lines at film time. */
export const subtitleHandlers: HandlersOf<'subtitles'> = {
  'subtitles.import': ({ filmId, fileName, text }, { db }) => importSubtitles(db, filmId, fileName, text),
  'subtitles.tracks': ({ filmId }, { db }) => listSubtitleTracks(db, filmId),
  'subtitles.lines': ({ trackId }, { db }) => listSubtitleLines(db, trackId),
  'subtitles.delete': ({ trackId }, { db }) => deleteSubtitleTrack(db, trackId),
  'subtitles.matching': ({ filmId, text, limit }, { db }) => matchingSubtitles(db, filmId, text, limit)
};
