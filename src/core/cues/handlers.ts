import type { HandlersOf } from '../handler-types';
import {
  createCue,
  cuesForScene,
  deleteCue,
  deleteCues,
  linkCue,
  listCues,
  recolourCues,
  recordingLength,
  restoreDeleted,
  settleStandInCues,
  tagCues,
  unlinkCue,
  updateCue
} from './cues';
import { type ExchangedCue, formatAudacityLabels, formatSrt, formatWebVtt, parseAudacityLabels, parseTimedText } from './cue-exchange';
import { getTrack } from '../tracks/tracks';
import { fileNameFor } from '../films/study-export';
import { shiftCueTimes } from './shift-track';
import { readIncomingText } from '../library/file-by-path';
import { MAX_CUE_FILE_BYTES } from '../../shared/limits';

const writers = { audacity: formatAudacityLabels, webvtt: formatWebVtt, srt: formatSrt };
const extensions = { audacity: 'txt', webvtt: 'vtt', srt: 'srt' };

/** cues.*: a track's cues, their links to scenes, and cue files in and out. */
export const cueHandlers: HandlersOf<'cues'> = {
  'cues.list': ({ trackId }, { db }) => listCues(db, trackId),
  'cues.forScene': ({ sceneId }, { db }) => cuesForScene(db, sceneId),
  'cues.create': (input, { db }) => createCue(db, input),
  'cues.update': (changes, { db }) => updateCue(db, changes),
  'cues.delete': ({ cueId }, { db }) => deleteCue(db, cueId),
  'cues.deleteSeveral': ({ cueIds }, { db }) => deleteCues(db, cueIds),
  'cues.restoreDeleted': ({ trackId, deletionId }, { db }) => restoreDeleted(db, trackId, deletionId),
  'cues.recolour': ({ cueIds, colour }, { db }) => recolourCues(db, cueIds, colour),
  'cues.tag': ({ cueIds, name }, { db }) => tagCues(db, cueIds, name),
  'cues.link': ({ cueId, sceneId }, { db }) => linkCue(db, cueId, sceneId),
  'cues.unlink': ({ cueId, sceneId }, { db }) => unlinkCue(db, cueId, sceneId),
  'cues.settleStandInCues': ({ trackId, keep }, { db }) => settleStandInCues(db, trackId, keep),
  'cues.exportFile': ({ trackId, format }, { db }) => {
    const track = getTrack(db, trackId);
    const cues: ExchangedCue[] = listCues(db, trackId).map(({ startMs, endMs, label }) => ({ startMs, endMs, label }));
    return { fileName: fileNameFor(`${track.title} cues`, extensions[format]), text: writers[format](cues) };
  },
  'cues.importFile': (input, { db }) => {
    const { trackId, format } = input;
    getTrack(db, trackId);
    const { fileName, text } = readIncomingText(input, MAX_CUE_FILE_BYTES, 'larger than 8 MB, it is not a label file.');
    // The whole file is read before the first cue is written; one bad line writes nothing.
    const recording = recordingLength(db, trackId);
    const cues = format === 'audacity' ? parseAudacityLabels(text, fileName, recording) : parseTimedText(text, fileName, recording);
    db.transaction(() =>
      cues.forEach((cue, i) => createCue(db, { trackId, label: cue.label || `Label ${i + 1}`, startMs: cue.startMs, endMs: cue.endMs }))
    )();
    return { added: cues.length };
  },
  'cues.shiftTrack': ({ trackId, offsetMs }, { db }) => db.transaction(() => shiftCueTimes(db, trackId, offsetMs))()
};
