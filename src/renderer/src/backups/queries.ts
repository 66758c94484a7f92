import { useLibraryMutation, useLibraryQuery } from '../data/library-query';

/** How the library opened (read-only, recovered, repaired); asked once and shared by every notice. */
export const useLibraryStatus = () => useLibraryQuery('library.status', {});
export const useBackups = (open: boolean) => useLibraryQuery('backups.list', open ? {} : null);
export const useCreateBackup = () => useLibraryMutation('backups.create', ['backups']);
