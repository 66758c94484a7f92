import { z } from 'zod';
import { MAX_CUE_FILE_BYTES, MAX_TRACK_TIME_MS } from '../limits';
import type { Cue, SceneCue } from '../score';
import { method } from './define';
import { colour, id, offsetMs, textFileInput, type ExportedFile } from './fields';

/** Positions on a track, in whole milliseconds. */
const ms = z.number().int('Times are whole milliseconds').min(0, 'Times cannot be negative').max(MAX_TRACK_TIME_MS);
const label = z.string().trim().min(1, 'A cue needs a label').max(200);

/** The formats cues travel in: Audacity label files, WebVTT and SRT. */
export const cueFileFormats = ['audacity', 'webvtt', 'srt'] as const;
export type CueFileFormat = (typeof cueFileFormats)[number];

export const cueMethods = {
  'cues.list': method<Cue[]>()(z.object({ trackId: id }).strict()),
  'cues.forScene': method<SceneCue[]>()(z.object({ sceneId: id }).strict()),
  'cues.create': method<Cue>()(
    z
      .object({ trackId: id, label, startMs: ms, endMs: ms, colour: colour.optional(), sceneIds: z.array(id).max(200).optional() })
      .strict()
      .refine((c) => c.endMs >= c.startMs, { message: 'A cue cannot end before it starts', path: ['endMs'] })
  ),
  'cues.update': method<Cue>()(
    z
      .object({ cueId: id, label: label.optional(), startMs: ms.optional(), endMs: ms.optional(), colour: colour.optional() })
      .strict()
      .refine((c) => c.label !== undefined || c.startMs !== undefined || c.endMs !== undefined || c.colour !== undefined, {
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
  ),
  'cues.exportFile': method<ExportedFile>()(z.object({ trackId: id, format: z.enum(cueFileFormats) }).strict()),
  'cues.importFile': method<{ added: number }>()(
    textFileInput(
      { trackId: id, format: z.enum(cueFileFormats) },
      z.string().max(MAX_CUE_FILE_BYTES, 'A label file larger than 8 MB is not a label file')
    )
  ),
  'cues.shiftTrack': method<{ shifted: number; offsetMs: number }>()(z.object({ trackId: id, offsetMs }).strict())
};
