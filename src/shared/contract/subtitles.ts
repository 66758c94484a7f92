import { z } from 'zod';
import { MAX_CUE_FILE_BYTES, MAX_QUERY_CHARS } from '../limits';
import type { MatchingSubtitle, SubtitleLine, SubtitleTrack } from '../domain';
import { method } from './define';
import { id, textFileInput } from './fields';

export const subtitleMethods = {
  /** Reads a WebVTT or SRT file (told apart by its content) whole, then writes it as one track in one transaction. */
  'subtitles.import': method<SubtitleTrack>()(
    textFileInput({ filmId: id }, z.string().max(MAX_CUE_FILE_BYTES, 'A subtitle file larger than 8 MB is not a subtitle file'))
  ),
  /**
   * Imports a text subtitle track from inside the film's attached file (SRT or WebVTT in Matroska or
   * WebM; `trackNumber` as `video.get` lists its subtitle tracks), checked whole, in one transaction.
   */
  'subtitles.importFromFilm': method<SubtitleTrack>()(z.object({ filmId: id, trackNumber: id }).strict()),
  'subtitles.tracks': method<SubtitleTrack[]>()(z.object({ filmId: id }).strict()),
  /** Every line of a track in film-time order: a whole film's subtitles are a few hundred kB. */
  'subtitles.lines': method<SubtitleLine[]>()(z.object({ trackId: id }).strict()),
  'subtitles.delete': method<{ removed: number }>()(z.object({ trackId: id }).strict()),
  /** The subtitle lines of a film that best match a text (a dialogue or quote line), to place it in the film. */
  'subtitles.matching': method<MatchingSubtitle[]>()(
    z.object({ filmId: id, text: z.string().max(MAX_QUERY_CHARS * 4), limit: z.number().int().min(1).max(50).default(5) }).strict()
  )
};
