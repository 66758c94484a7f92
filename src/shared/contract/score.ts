import { z } from 'zod';
import type { Cue, Peaks, Recording, SceneCue, UploadStatus } from '../score';
import { MAX_RECORDING_BYTES } from '../score';
import { method } from './define';
import { id, uploadChunk, uploadId } from './fields';

/** Positions on a track, in whole milliseconds; twelve hours is longer than any score. */
const ms = z.number().int('Times are whole milliseconds').min(0, 'Times cannot be negative').max(12 * 3600 * 1000);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A colour is written #rrggbb');
const label = z.string().trim().min(1, 'A cue needs a label').max(200);

export const scoreMethods = {
  'recordings.list': method<Recording[]>()(z.object({ filmId: id }).strict()),
  'recordings.get': method<Recording>()(z.object({ recordingId: id }).strict()),
  'recordings.peaks': method<Peaks>()(z.object({ recordingId: id }).strict()),
  'recordings.remove': method<{ trackId: number }>()(z.object({ recordingId: id }).strict()),
  /**
   * Attaching a file is an upload in steps, so a large recording can show progress and both hosts
   * move the same bytes: the browser host streams the body to /upload/recording?uploadId=…, the
   * desktop app sends base64 chunks through `recordings.uploadChunk`.
   */
  'recordings.beginUpload': method<UploadStatus>()(
    z
      .object({
        trackId: id,
        fileName: z.string().trim().min(1).max(255),
        byteSize: z
          .number()
          .int()
          .min(1, 'The file is empty: there is no recording in it.')
          .max(MAX_RECORDING_BYTES, 'The file is larger than 1 GB.')
      })
      .strict()
  ),
  'recordings.uploadChunk': method<UploadStatus>()(uploadChunk),
  'recordings.finishUpload': method<Recording>()(z.object({ uploadId }).strict()),
  'recordings.uploadStatus': method<UploadStatus>()(z.object({ uploadId }).strict()),
  'recordings.cancelUpload': method<UploadStatus>()(z.object({ uploadId }).strict()),

  'cues.list': method<Cue[]>()(z.object({ trackId: id }).strict()),
  'cues.forScene': method<SceneCue[]>()(z.object({ sceneId: id }).strict()),
  'cues.create': method<Cue>()(
    z
      .object({ trackId: id, label, startMs: ms, endMs: ms, color: color.optional(), sceneIds: z.array(id).max(200).optional() })
      .strict()
      .refine((c) => c.endMs >= c.startMs, { message: 'A cue cannot end before it starts', path: ['endMs'] })
  ),
  'cues.update': method<Cue>()(
    z
      .object({ cueId: id, label: label.optional(), startMs: ms.optional(), endMs: ms.optional(), color: color.optional() })
      .strict()
      .refine((c) => c.label !== undefined || c.startMs !== undefined || c.endMs !== undefined || c.color !== undefined, {
        message: 'Nothing to update: give a label, start, end or colour'
      })
  ),
  'cues.delete': method<{ cueId: number }>()(z.object({ cueId: id }).strict()),
  'cues.link': method<Cue>()(z.object({ cueId: id, sceneId: id }).strict()),
  'cues.unlink': method<Cue>()(z.object({ cueId: id, sceneId: id }).strict()),
  /**
   * The person's answer about the cues a replaced stand-in left on a track (Recording.standInCues):
   * remove them all in one step (with their scene links, notes and tags), or keep them as their own.
   */
  'cues.settleStandInCues': method<{ trackId: number; removed: number; kept: number }>()(
    z.object({ trackId: id, keep: z.boolean() }).strict()
  )
};
