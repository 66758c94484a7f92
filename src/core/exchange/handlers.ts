import type { HandlersOf } from '../handler-types';
import { citationFacts, saveCitationFacts, setCitationStyle } from './citation-facts';
import { cite } from './citations';
import { exportCslJson, importCslJson } from './csl-json';
import { exportTable, importTable, previewTable } from './table';
import { formatEaf, importEaf, previewEaf } from './eaf';
import { formatWebAnnotations, importWebAnnotations } from './web-annotation';
import { exportSonicVisualiser, importSonicVisualiser } from './sonic-visualiser';
import { exportEssayHtml } from './essay';
import { importStudyPack } from './study-pack';
import { beginArchiveUpload, takeArchiveUpload } from '../library/archive-upload';
import { discardIncomingFile } from '../library/incoming';
import { checkFileByPath } from '../library/file-by-path';
import { MAX_STUDY_PACK_BYTES } from '../../shared/limits';
import { readIncomingText } from '../library/file-by-path';
import type { IncomingText } from '../../shared/contract/fields';
import { MAX_EXCHANGE_FILE_BY_PATH_BYTES } from '../../shared/limits';

/** A study file as the page sent it, or read where it lies (desktop app). */
const studyFile = (file: IncomingText) =>
  readIncomingText(file, MAX_EXCHANGE_FILE_BY_PATH_BYTES, 'larger than 128 MB: Reelnotes reads study files up to 128 MB.');

/** exchange.*: the study in other tools' formats, and citations of its moments. */
export const exchangeHandlers: HandlersOf<'exchange'> = {
  'exchange.citationFacts': ({ filmId }, { db }) => citationFacts(db, filmId),
  'exchange.saveCitationFacts': (change, { db }) => saveCitationFacts(db, change),
  'exchange.setCitationStyle': ({ style }, { db }) => setCitationStyle(db, style),
  'exchange.cite': ({ target, style }, { db }) => cite(db, target, style),
  'exchange.exportCslJson': ({ filmId }, { db }) => exportCslJson(db, filmId),
  'exchange.exportTable': ({ filmId, format }, { db }) => exportTable(db, filmId, format),
  'exchange.previewTable': (input) => {
    const { fileName, text } = studyFile(input);
    return previewTable(fileName, text);
  },
  'exchange.importTable': (input, { db }) => {
    const { fileName, text } = studyFile(input);
    return importTable(db, input.filmId, text, { ...input, fileName });
  },
  'exchange.exportEaf': ({ filmId }, { db }) => formatEaf(db, filmId, new Date()),
  'exchange.previewEaf': (input) => {
    const { fileName, text } = studyFile(input);
    return previewEaf(fileName, text);
  },
  'exchange.importEaf': (input, { db }) => {
    const { fileName, text } = studyFile(input);
    return importEaf(db, input.filmId, fileName, text, input.tiers);
  },
  'exchange.exportWebAnnotations': ({ filmId }, { db }) => formatWebAnnotations(db, filmId),
  'exchange.importWebAnnotations': (input, { db }) => {
    const { fileName, text } = studyFile(input);
    return importWebAnnotations(db, input.filmId, fileName, text);
  },
  'exchange.exportSonicVisualiser': ({ trackId, format }, { db }) => exportSonicVisualiser(db, trackId, format),
  'exchange.importSonicVisualiser': (input, { db }) => {
    const { fileName, text } = studyFile(input);
    return importSonicVisualiser(db, input.trackId, fileName, text);
  },
  'exchange.exportEssay': ({ filmId }, library) => exportEssayHtml(library, filmId),
  'exchange.beginStudyPackUpload': (input, library) => beginArchiveUpload(library, input),
  'exchange.importStudyPack': async (input, library) => {
    if ('path' in input) {
      const { name } = checkFileByPath(input.path, MAX_STUDY_PACK_BYTES, 'larger than 4 GB, it is not a study pack.');
      return importStudyPack(library, input.path, name);
    }
    const file = takeArchiveUpload(library, input.uploadId);
    try {
      return await importStudyPack(library, file.path, file.fileName);
    } finally {
      discardIncomingFile(file);
    }
  },
  'exchange.importCslJson': (input, { db }) => {
    const { fileName, text } = studyFile(input);
    return importCslJson(db, input.filmId, fileName, text);
  }
};
