import { z } from 'zod';
import type { FrameGrab } from '../frames';
import { MAX_FILM_TIME_MS, MAX_FRAME_GRAB_BYTES } from '../limits';
import { method } from './define';
import { id } from './fields';

export const frameMethods = {
  /**
   * Keeps a frame the page drew from the film's picture (a PNG, base64): stored by its hash, cited
   * by the film's title, year and the film time.
   */
  'frames.grab': method<FrameGrab>()(
    z
      .object({
        filmId: id,
        timeMs: z.number().int().min(0).max(MAX_FILM_TIME_MS),
        png: z.base64().max(Math.ceil(MAX_FRAME_GRAB_BYTES / 3) * 4 + 4, 'A frame grab is at most 16 MB')
      })
      .strict()
  ),
  'frames.list': method<FrameGrab[]>()(z.object({ filmId: id }).strict())
};
