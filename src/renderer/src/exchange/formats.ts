import type { ExportedFile } from '../../../shared/contract/fields';
import { call } from '../api';

/** A format the film's study is written in: its name for the person, its file type, and the call that writes it. */
export interface StudyFormat {
  id: string;
  label: string;
  type: string;
  write: (filmId: number) => Promise<ExportedFile>;
}

export const studyFormats: StudyFormat[] = [
  { id: 'csv', label: 'CSV (spreadsheet)', type: 'text/csv', write: (filmId) => call('exchange.exportTable', { filmId, format: 'csv' }) },
  {
    id: 'tsv',
    label: 'TSV (tab-separated)',
    type: 'text/tab-separated-values',
    write: (filmId) => call('exchange.exportTable', { filmId, format: 'tsv' })
  },
  { id: 'eaf', label: 'ELAN (EAF 3.0)', type: 'application/xml', write: (filmId) => call('exchange.exportEaf', { filmId }) },
  {
    id: 'jsonld',
    label: 'W3C Web Annotation (JSON-LD)',
    type: 'application/ld+json',
    write: (filmId) => call('exchange.exportWebAnnotations', { filmId })
  }
];

/** What a picked file is read as, by its name: the import step that follows depends on it. */
export type IncomingKind = 'table' | 'eaf' | 'web-annotation';

export function incomingKindOf(fileName: string): IncomingKind | null {
  if (/\.(csv|tsv|tab|txt)$/i.test(fileName)) return 'table';
  if (/\.eaf$/i.test(fileName)) return 'eaf';
  if (/\.(jsonld|json)$/i.test(fileName)) return 'web-annotation';
  return null;
}

/** The files the import button offers. */
export const incomingAccept = '.csv,.tsv,.tab,.txt,.eaf,.jsonld,.json,text/csv,text/tab-separated-values,application/ld+json';
