import { z } from 'zod';
import type { BackupInfo } from '../safety';
import { method } from './define';
import { nothing } from './fields';

/** A backup is named by its file name in the backups folder, never by a path. */
const backupName = z.string().regex(/^library-\d{8}T\d{9}Z-[a-z-]+\.sqlite$/, 'Not the name of a Reelnotes backup');

export const backupMethods = {
  'backups.list': method<BackupInfo[]>()(nothing),
  'backups.create': method<BackupInfo>()(nothing),
  'backups.restore': method<{ restored: BackupInfo; saved: BackupInfo }>()(z.object({ name: backupName }).strict())
};
