import type { MediaRoute } from '../shared/media-url';
import { frameMedia } from './frames/frames';
import type { Library } from './library/library';
import { recordingMedia } from './recordings/recordings';
import { filmAudioMedia, filmVideoMedia } from './video/video';

/** The file behind a media address, for the Range responder of both hosts (media-range.ts). */
export function mediaFile(library: Library, route: MediaRoute): { path: string; mimeType: string } {
  switch (route.kind) {
    case 'recording':
      return recordingMedia(library, route.recordingId);
    case 'film-video':
      return filmVideoMedia(library, route.filmId);
    case 'film-audio':
      return filmAudioMedia(library, route.filmId);
    case 'frame':
      return frameMedia(library, route.sha256);
  }
}
