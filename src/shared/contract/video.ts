import { z } from 'zod';
import type { AudioConversion, FilmVideo } from '../video';
import { method } from './define';
import { id } from './fields';

/**
 * A path on the computer that runs the library. Both hosts take the film by path (a film is gigabytes:
 * it is referenced where it lies, never sent as bytes); the library checks that it is absolute.
 */
const filmPath = z.string().trim().min(1, 'Give the path of the film file.').max(4096, 'A path is at most 4096 characters.');

export const videoMethods = {
  /** The film's attached video with its status now (missing, changed), or null when none is attached. */
  'video.get': method<FilmVideo | null>()(z.object({ filmId: id }).strict()),
  /** Probes the file at `path` and attaches it to the film, replacing any video attached before. */
  'video.attach': method<FilmVideo>()(z.object({ filmId: id, path: filmPath }).strict()),
  /** Points a missing film at the same file in its new place (same size and fingerprint). */
  'video.relink': method<FilmVideo>()(z.object({ filmId: id, path: filmPath }).strict()),
  /** Forgets the film's video; the file itself is never touched. */
  'video.detach': method<{ filmId: number }>()(z.object({ filmId: id }).strict()),
  /**
   * Starts converting the film's AC-3 or E-AC-3 sound (the track named, else the first that Chromium
   * cannot play) into one it plays, kept in the library; answers at once, then `conversionStatus`.
   */
  'video.convertAudio': method<AudioConversion>()(z.object({ filmId: id, trackNumber: id.optional() }).strict()),
  'video.conversionStatus': method<AudioConversion>()(z.object({ filmId: id }).strict()),
  /** Stops a conversion and answers once what it wrote is deleted. */
  'video.cancelConversion': method<AudioConversion>()(z.object({ filmId: id }).strict())
};
