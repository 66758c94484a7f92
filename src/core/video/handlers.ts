import type { HandlersOf } from '../handler-types';
import { cancelAudioConversion, conversionStatus, startAudioConversion } from './convert-audio';
import { attachFilmVideo, detachFilmVideo, getFilmVideo, relinkFilmVideo } from './video';

/** video.*: the person's own copy of a film, referenced where it lies. */
export const videoHandlers: HandlersOf<'video'> = {
  'video.get': ({ filmId }, library) => getFilmVideo(library, filmId),
  'video.attach': ({ filmId, path }, library) => attachFilmVideo(library, filmId, path),
  'video.relink': ({ filmId, path }, library) => relinkFilmVideo(library, filmId, path),
  'video.detach': ({ filmId }, library) => detachFilmVideo(library, filmId),
  'video.convertAudio': ({ filmId, trackNumber }, library) => startAudioConversion(library, filmId, trackNumber),
  'video.conversionStatus': ({ filmId }, library) => conversionStatus(library, filmId),
  'video.cancelConversion': ({ filmId }, library) => cancelAudioConversion(library, filmId)
};
