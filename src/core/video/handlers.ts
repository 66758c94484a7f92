import type { HandlersOf } from '../handler-types';
import { attachFilmVideo, detachFilmVideo, getFilmVideo, relinkFilmVideo } from './video';

/** video.*: the person's own copy of a film, referenced where it lies. */
export const videoHandlers: HandlersOf<'video'> = {
  'video.get': ({ filmId }, library) => getFilmVideo(library, filmId),
  'video.attach': ({ filmId, path }, library) => attachFilmVideo(library, filmId, path),
  'video.relink': ({ filmId, path }, library) => relinkFilmVideo(library, filmId, path),
  'video.detach': ({ filmId }, library) => detachFilmVideo(library, filmId)
};
