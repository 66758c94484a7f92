import type { HandlersOf } from '../handler-types';
import { readIncomingText } from '../library/file-by-path';
import { MAX_CUE_FILE_BYTES } from '../../shared/limits';
import {
  deleteSubtitleTrack,
  importFilmSubtitles,
  importSubtitles,
  listSubtitleLines,
  listSubtitleTracks,
  matchingSubtitles
} from './subtitles';

/** subtitles.*: a film's subtitle files, their lines at film time. */
export const subtitleHandlers: HandlersOf<'subtitles'> = {
  'subtitles.import': (input, { db }) => {
    const { fileName, text } = readIncomingText(input, MAX_CUE_FILE_BYTES, 'larger than 8 MB, it is not a subtitle file.');
    return importSubtitles(db, input.filmId, fileName, text);
  },
  'subtitles.importFromFilm': ({ filmId, trackNumber }, library) => importFilmSubtitles(library, filmId, trackNumber),
  'subtitles.tracks': ({ filmId }, { db }) => listSubtitleTracks(db, filmId),
  'subtitles.lines': ({ trackId }, { db }) => listSubtitleLines(db, trackId),
  'subtitles.delete': ({ trackId }, { db }) => deleteSubtitleTrack(db, trackId),
  'subtitles.matching': ({ filmId, text, limit }, { db }) => matchingSubtitles(db, filmId, text, limit)
};
