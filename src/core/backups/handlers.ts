import type { HandlersOf } from '../handler-types';
import { createBackup, listBackupFiles, restoreBackup } from './backups';

/** backups.*: the library's safety copies. */
export const backupHandlers: HandlersOf<'backups'> = {
  'backups.list': (_input, library) => listBackupFiles(library),
  'backups.create': (_input, library) => createBackup(library, 'manual'),
  'backups.restore': ({ name }, library) => restoreBackup(library, name)
};
