/** Backups and recovery, as the renderer sees them. */

export type BackupReason = 'launch' | 'scheduled' | 'manual' | 'before-restore';

export interface BackupInfo {
  /** The file's name in the library's backups folder; also its id in the contract. */
  name: string;
  createdAt: string;
  reason: BackupReason;
  bytes: number;
}

/** What happened when the library was opened, told to the person once. */
export interface RecoveryReport {
  /** Where the damaged file was moved: never deleted. */
  damagedFile: string;
  problem: string;
  /** The newest backup that passed its integrity check, offered for restoring. */
  newestGoodBackup: BackupInfo | null;
}

/** A search index found damaged at launch and rebuilt from the library's own rows. */
export interface SearchRepair {
  /** The FTS table's name. */
  index: string;
  /** What it lets a person find ("cue labels"). */
  covers: string;
  /** SQLite's words for the damage. */
  problem: string;
  /** When it was rebuilt: the renderer tells each repair once. */
  repairedAt: string;
}

export interface LibraryStatus {
  file: string;
  backupsDir: string;
  recovery: RecoveryReport | null;
  /** Why the library was opened read-only (changes cannot be saved), or null. */
  readOnly: string | null;
  /** Why Reelnotes started without its launch backup (a full disk, a folder it cannot write), or null. */
  launchBackupSkipped: string | null;
  /** The search indexes repaired at this launch; the renderer tells the person once. */
  searchRepairs: SearchRepair[];
}
