import type Database from 'better-sqlite3';
import { ReelnotesError } from '../shared/errors';

/** The one wording for "no such row", shared by every domain that looks a row up by id. */
export function notFound(kind: string, id: number): ReelnotesError {
  return new ReelnotesError('NOT_FOUND', `There is no ${kind} with id ${id} in the library.`);
}

const tables = { film: 'films', scene: 'scenes', track: 'tracks' } as const;

/**
 * Refuses an id with no row, without reading the row: a domain checks the row it hangs from
 * (a film's scenes, a track's cues) here rather than through that domain's module.
 */
export function assertExists(db: Database.Database, kind: keyof typeof tables, id: number): void {
  if (!db.prepare(`SELECT 1 FROM ${tables[kind]} WHERE id = ?`).get(id)) throw notFound(kind, id);
}

/** A file refused at one of its lines (a label file, a subtitle file): its name and line lead the message. */
export class FileLineError extends ReelnotesError {
  constructor(fileName: string, line: number, problem: string) {
    super('INVALID_INPUT', `${fileName}, line ${line}: ${problem}`);
  }
}
