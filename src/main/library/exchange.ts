import type { exchangeMethods } from '../../shared/contract/exchange';
import { createBackup } from './backups';
import type { DomainHandlers } from './handlers';
import { exportLibrary, mergeIntoLibrary, readArchive, replaceLibrary, serialiseArchive } from './library-archive';
import { shiftAnnotationTimes } from './resync';
import { exportFilmMarkdown } from './study-export';
import { notesForStudy } from './study-notes';

export const exchangeHandlers: DomainHandlers<keyof typeof exchangeMethods> = {
  'films.exportMarkdown': ({ filmId }, { db }) => exportFilmMarkdown(db, filmId, notesForStudy(db, filmId)),
  'notes.shiftFilmTimes': ({ filmId, offsetMs }, { db }) => db.transaction(() => shiftAnnotationTimes(db, filmId, offsetMs))(),
  'library.exportArchive': (_input, { db }) => ({
    fileName: `reelnotes-library-${new Date().toISOString().slice(0, 10)}.json`,
    text: serialiseArchive(exportLibrary(db))
  }),
  'library.restoreArchive': ({ fileName, text, mode }, library) => {
    // Validated whole before the safety backup is taken, so a bad file costs nothing at all.
    const archive = readArchive(library.db, text, fileName);
    const saved = createBackup(library, 'before-restore');
    if (mode === 'replace') return { mode, added: replaceLibrary(library.db, archive, fileName).rows, matched: 0, saved };
    return { mode, ...mergeIntoLibrary(library.db, archive, fileName), saved };
  }
};
