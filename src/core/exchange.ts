import type { exchangeMethods } from '../shared/contract/exchange';
import { createBackup } from './backups/backups';
import type { DomainHandlers } from './handler-types';
import { beginArchiveUpload, cancelArchiveUpload, receiveArchiveChunk, takeArchiveUpload } from './library/archive-upload';
import { discardIncomingFile } from './library/incoming';
import { exportLibrary, mergeIntoLibrary, openArchive, replaceLibrary, serialiseArchive } from './library/archive';
import { formatAudacityLabels, formatSrt, formatWebVtt, parseAudacityLabels, parseTimedText, type ExchangedCue } from './cues/cue-exchange';
import { createCue, listCues, recordingLength } from './cues/cues';
import { getTrack } from './films/films';
import { shiftAnnotationTimes, shiftCueTimes } from './resync';
import { fileNameFor } from './films/study-export';
import { exportFilmMarkdown } from './films/study-export';
import { notesForStudy } from './films/study-notes';

const writers = { audacity: formatAudacityLabels, webvtt: formatWebVtt, srt: formatSrt };
const extensions = { audacity: 'txt', webvtt: 'vtt', srt: 'srt' };

export const exchangeHandlers: DomainHandlers<keyof typeof exchangeMethods> = {
  'films.exportMarkdown': ({ filmId }, { db }) => exportFilmMarkdown(db, filmId, notesForStudy(db, filmId)),
  'cues.exportFile': ({ trackId, format }, { db }) => {
    const track = getTrack(db, trackId);
    const cues: ExchangedCue[] = listCues(db, trackId).map(({ startMs, endMs, label }) => ({ startMs, endMs, label }));
    return { fileName: fileNameFor(`${track.title} cues`, extensions[format]), text: writers[format](cues) };
  },
  'cues.importFile': ({ trackId, fileName, text, format }, { db }) => {
    getTrack(db, trackId);
    // The whole file is read before the first cue is written; one bad line writes nothing.
    const recording = recordingLength(db, trackId);
    const cues = format === 'audacity' ? parseAudacityLabels(text, fileName, recording) : parseTimedText(text, fileName, recording);
    db.transaction(() => cues.forEach((cue, i) => createCue(db, { trackId, label: cue.label || `Label ${i + 1}`, startMs: cue.startMs, endMs: cue.endMs })))();
    return { added: cues.length };
  },
  'cues.shiftTrack': ({ trackId, offsetMs }, { db }) => db.transaction(() => shiftCueTimes(db, trackId, offsetMs))(),
  'notes.shiftFilmTimes': ({ filmId, offsetMs }, { db }) => db.transaction(() => shiftAnnotationTimes(db, filmId, offsetMs))(),
  'library.exportArchive': (_input, { db }) => ({
    fileName: `reelnotes-library-${new Date().toISOString().slice(0, 10)}.json`,
    text: serialiseArchive(exportLibrary(db))
  }),
  'library.beginArchiveUpload': (input, library) => beginArchiveUpload(library, input),
  'library.archiveChunk': ({ uploadId, offset, data }, library) => receiveArchiveChunk(library, uploadId, offset, Buffer.from(data, 'base64')),
  'library.cancelArchiveUpload': ({ uploadId }, library) => cancelArchiveUpload(library, uploadId),
  'library.restoreArchive': ({ uploadId, mode }, library) => {
    const file = takeArchiveUpload(library, uploadId);
    try {
      // Checked whole before the safety backup is taken, so a bad file costs nothing at all.
      const archive = openArchive(library.db, file.path, file.fileName);
      try {
        const saved = createBackup(library, 'before-restore');
        if (mode === 'replace') return { mode, added: replaceLibrary(library.db, archive).rows, matched: 0, saved };
        return { mode, ...mergeIntoLibrary(library.db, archive), saved };
      } finally {
        archive.close();
      }
    } finally {
      discardIncomingFile(file);
    }
  }
};
