import type { HandlersOf } from '../handler-types';
import { citationFacts, saveCitationFacts, setCitationStyle } from './citation-facts';
import { cite } from './citations';
import { exportCslJson, importCslJson } from './csl-json';
import { exportTable, importTable, previewTable } from './table';
import { formatEaf, importEaf, previewEaf } from './eaf';
import { formatWebAnnotations, importWebAnnotations } from './web-annotation';
import { exportSonicVisualiser, importSonicVisualiser } from './sonic-visualiser';

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
  'exchange.importCslJson': ({ filmId, fileName, text }, { db }) => importCslJson(db, filmId, fileName, text)
};
