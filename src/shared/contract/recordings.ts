import { z } from 'zod';
import type { PeakRange, Peaks, Recording, UploadStatus } from '../score';
import { MAX_PEAK_BUCKETS_PER_CALL, MAX_RECORDING_BYTES } from '../limits';
import { SPECTROGRAM_MAX_SPAN_MS, type Spectrogram } from '../spectrogram';
import { method } from './define';
import { filePath, id, uploadChunk, uploadId } from './fields';

export const recordingMethods = {
  'recordings.list': method<Recording[]>()(z.object({ filmId: id }).strict()),
  'recordings.get': method<Recording>()(z.object({ recordingId: id }).strict()),
  'recordings.peaks': method<Peaks>()(z.object({ recordingId: id }).strict()),
  'recordings.peakRange': method<PeakRange>()(
    z
      .object({
        recordingId: id,
        level: z.number().int().min(0).max(30),
        fromBucket: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
        count: z.number().int().min(1).max(MAX_PEAK_BUCKETS_PER_CALL)
      })
      .strict()
  ),
  /** A stretch of the recording as a spectrogram on a note axis, decoded for that stretch only. */
  'recordings.spectrogram': method<Spectrogram>()(
    z
      .object({
        recordingId: id,
        fromMs: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
        toMs: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
        columns: z.number().int().min(1).max(1600)
      })
      .strict()
      .refine((v) => v.toMs > v.fromMs, { message: 'The stretch ends before it starts', path: ['toMs'] })
      .refine((v) => v.toMs - v.fromMs <= SPECTROGRAM_MAX_SPAN_MS, {
        message: `A spectrogram covers at most ${SPECTROGRAM_MAX_SPAN_MS / 1000} s: zoom in further`,
        path: ['toMs']
      })
  ),
  'recordings.remove': method<{ trackId: number }>()(z.object({ recordingId: id }).strict()),
  /**
   * Attaching a file is an upload in steps, so a large recording can show progress and both hosts
   * move the same bytes: the browser host streams the body to /upload/recording?uploadId=…, the
   * desktop app sends base64 chunks through `recordings.uploadChunk` (only for a file that has no
   * path on disk; any other it attaches by `recordings.attachPath`).
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
  /** The desktop app attaches a file where it lies: hashed and copied in by the library, its bytes never crossing IPC. */
  'recordings.attachPath': method<Recording>()(z.object({ trackId: id, path: filePath }).strict()),
  'recordings.finishUpload': method<Recording>()(z.object({ uploadId }).strict()),
  'recordings.uploadStatus': method<UploadStatus>()(z.object({ uploadId }).strict()),
  'recordings.cancelUpload': method<UploadStatus>()(z.object({ uploadId }).strict())
};
