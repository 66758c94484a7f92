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

/** exchange.*: the study in other tools' formats, and citations of its moments. */
export const exchangeHandlers: HandlersOf<'exchange'> = {
  'exchange.citationFacts': ({ filmId }, { db }) => citationFacts(db, filmId),
  'exchange.saveCitationFacts': (change, { db }) => saveCitationFacts(db, change),
  'exchange.setCitationStyle': ({ style }, { db }) => setCitationStyle(db, style),
  'exchange.cite': ({ target, style }, { db }) => cite(db, target, style),
  'exchange.exportCslJson': ({ filmId }, { db }) => exportCslJson(db, filmId),
  'exchange.exportTable': ({ filmId, format }, { db }) => exportTable(db, filmId, format),
  'exchange.previewTable': ({ fileName, text }) => previewTable(fileName, text),
  'exchange.importTable': ({ filmId, text, ...options }, { db }) => importTable(db, filmId, text, options),
  'exchange.exportEaf': ({ filmId }, { db }) => formatEaf(db, filmId, new Date()),
  'exchange.previewEaf': ({ fileName, text }) => previewEaf(fileName, text),
  'exchange.importEaf': ({ filmId, fileName, text, tiers }, { db }) => importEaf(db, filmId, fileName, text, tiers),
  'exchange.exportWebAnnotations': ({ filmId }, { db }) => formatWebAnnotations(db, filmId),
  'exchange.importWebAnnotations': ({ filmId, fileName, text }, { db }) => importWebAnnotations(db, filmId, fileName, text),
  'exchange.exportSonicVisualiser': ({ trackId, format }, { db }) => exportSonicVisualiser(db, trackId, format),
  'exchange.importSonicVisualiser': ({ trackId, fileName, text }, { db }) => importSonicVisualiser(db, trackId, fileName, text),
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
  'exchange.importCslJson': ({ filmId, fileName, text }, { db }) => importCslJson(db, filmId, fileName, text)
};
