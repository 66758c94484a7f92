import type { HandlersOf } from '../handler-types';
import { grabFrame, listFrameGrabs } from './frames';

/** frames.*: frames grabbed from the person's film, kept by hash. */
export const frameHandlers: HandlersOf<'frames'> = {
  'frames.grab': ({ filmId, timeMs, png }, library) => grabFrame(library, filmId, timeMs, Buffer.from(png, 'base64')),
  'frames.list': ({ filmId }, library) => listFrameGrabs(library, filmId)
};
