import { z } from 'zod';
import { MAX_CUE_FILE_BYTES, MAX_CUES_AT_ONCE, MAX_TRACK_TIME_MS } from '../limits';
import type { TagRef } from '../notes';
import type { Cue, SceneCue } from '../score';
import { method } from './define';
import { colour, id, offsetMs, tagName, textFileInput, type ExportedFile } from './fields';

/** Positions on a track, in whole milliseconds. */
const ms = z.number().int('Times are whole milliseconds').min(0, 'Times cannot be negative').max(MAX_TRACK_TIME_MS);
const label = z.string().trim().min(1, 'A cue needs a label').max(200);
/** Several cues of one track, as a selection in the cue list names them. */
const cueIds = z.array(id).min(1, 'Select at least one cue').max(MAX_CUES_AT_ONCE, `At most ${MAX_CUES_AT_ONCE} cues at once`);

/** A deletion of cues, kept so that it can be undone (`cues.restoreDeleted`). */
export interface CueDeletion {
  deleted: number;
  deletionId: number;
}

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
  /** Deletes the cue with its scene links, notes and tags, keeping them so that the deletion can be undone. */
  'cues.delete': method<{ cueId: number } & CueDeletion>()(z.object({ cueId: id }).strict()),
  'cues.deleteSeveral': method<CueDeletion>()(z.object({ cueIds }).strict()),
  /**
   * Undoes a deletion of the track's cues, the latest or the one named: the cues come back with their
   * links, tags, notes and colours, all in one step.
   */
  'cues.restoreDeleted': method<{ restored: Cue[] }>()(z.object({ trackId: id, deletionId: id.optional() }).strict()),
  'cues.recolour': method<Cue[]>()(z.object({ cueIds, colour }).strict()),
  /** Puts one tag (by name; a new name creates the tag) on several cues at once. */
  'cues.tag': method<{ tag: TagRef; tagged: number }>()(z.object({ cueIds, name: tagName }).strict()),
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
