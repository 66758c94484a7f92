import { pathOfFile } from '../data/file-path';
import { useRef, useState } from 'react';
import { useModalDialog } from '../ui/useModalDialog';
import { saveTextFile } from '../ui/save-file';
import { FilePicker } from '../ui/FilePicker';
import type { BackupInfo } from '../../../shared/safety';
import { call, isDesktop } from '../api';
import { sendAsStream, sendInChunks } from '../data/send-file';
import { useBackups, useCreateBackup } from './queries';
import { useNotify } from '../notices/notify';
import styles from './BackupsDialog.module.css';

const reasons: Record<BackupInfo['reason'], string> = {
  launch: 'At launch',
  scheduled: 'Automatic',
  manual: 'Made by you',
  'before-restore': 'Before a restore'
};

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

interface Props {
  open: boolean;
  onClose: () => void;
}

/**
 * The library's backups, newest first. Restoring one first saves the current state as a backup of
 * its own, so nothing is lost by restoring the wrong one; the page then reloads on the restored library.
 */
export function BackupsDialog({ open, onClose }: Props) {
  const backups = useBackups(open);
  const createBackup = useCreateBackup();
  const notify = useNotify();
  const [busy, setBusy] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);

  const dialog = useModalDialog(open);

  const backUpNow = async () => {
    setBusy('create');
    try {
      await createBackup.mutateAsync({});
    } catch (error) {
      notify.failed(error);
    } finally {
      setBusy(null);
    }
  };

  const archiveInput = useRef<HTMLInputElement>(null);
  const [archiveMode, setArchiveMode] = useState<'merge' | 'replace'>('merge');

  const exportArchive = async () => {
    setBusy('export');
    try {
      const file = await call('library.exportArchive', {});
      await saveTextFile(file.fileName, file.text, 'application/json');
    } catch (error) {
      notify.failed(error);
    } finally {
      setBusy(null);
    }
  };

  /** The file travels as a file (see send-file.ts) and is restored from disk: never read whole into memory. */
  const restoreArchive = async (file: File) => {
    setBusy('archive');
    try {
      // The desktop app names the file where it lies; the library reads it from there.
      const path = pathOfFile(file);
      if (path !== null) {
        await call('library.restoreArchiveFile', { path, mode: archiveMode });
        window.location.reload();
        return;
      }
      const { uploadId } = await call('library.beginArchiveUpload', { fileName: file.name, byteSize: file.size });
      try {
        const progress = () => undefined;
        if (isDesktop) await sendInChunks(file, (offset, data) => call('library.archiveChunk', { uploadId, offset, data }), progress);
        else await sendAsStream(`/upload/archive?uploadId=${encodeURIComponent(uploadId)}`, file, progress, progress);
      } catch (error) {
        await call('library.cancelArchiveUpload', { uploadId }).catch(() => undefined);
        throw error;
      }
      await call('library.restoreArchive', { uploadId, mode: archiveMode });
      window.location.reload();
    } catch (error) {
      setBusy(null);
      notify.failed(error);
    }
  };

  const restore = async (backup: BackupInfo) => {
    setBusy(backup.name);
    try {
      await call('backups.restore', { name: backup.name });
      window.location.reload();
    } catch (error) {
      setBusy(null);
      setConfirming(null);
      notify.failed(error);
    }
  };

  return (
    <dialog ref={dialog} className={`dialog ${styles.dialog}`} aria-labelledby="backups-heading" onClose={onClose}>
      <header className="dialog-header">
        <h2 id="backups-heading">Backups</h2>
        <button type="button" className="button subtle" onClick={onClose}>
          Close
        </button>
      </header>
      <p className={`muted ${styles.intro}`}>
        Reelnotes backs up your library at launch and every 15 minutes while you work. Each backup is checked before it is kept.
      </p>
      <div className={styles.actions}>
        <button type="button" className="button" onClick={backUpNow} disabled={busy !== null}>
          {busy === 'create' ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
      {backups.error && (
        <p className="inline-error" role="alert">
          {backups.error.message}
        </p>
      )}
      <ul className={styles.list} aria-label="Backups, newest first" aria-busy={backups.isPlaceholderData || backups.isLoading}>
        {(backups.data ?? []).map((backup) => (
          <li key={backup.name} className={styles.row}>
            <span className={styles.when}>{dateFormat.format(new Date(backup.createdAt))}</span>
            <span className={styles.meta}>
              {reasons[backup.reason]} · {formatBytes(backup.bytes)}
            </span>
            {confirming?.name === backup.name ? (
              <span className={styles.confirm} role="group" aria-label="Confirm restore">
                <button type="button" className="button primary" onClick={() => restore(backup)} disabled={busy !== null}>
                  {busy === backup.name ? 'Restoring…' : 'Replace my library'}
                </button>
                <button type="button" className="button subtle" onClick={() => setConfirming(null)}>
                  Cancel
                </button>
              </span>
            ) : (
              <button
                type="button"
                className="button subtle"
                onClick={() => setConfirming(backup)}
                disabled={busy !== null}
                aria-label={`Restore the backup of ${dateFormat.format(new Date(backup.createdAt))}`}
              >
                Restore…
              </button>
            )}
          </li>
        ))}
      </ul>
      <section className={styles.archive} aria-labelledby="archive-heading">
        <h3 id="archive-heading" className="section-label">
          Library file (JSON)
        </h3>
        <p className="muted">A portable copy of everything you wrote, to keep elsewhere or to bring into another Reelnotes.</p>
        <div className={styles.archiveActions}>
          <button type="button" className="button" onClick={exportArchive} disabled={busy !== null}>
            {busy === 'export' ? 'Exporting…' : 'Export library…'}
          </button>
          <fieldset className={styles.archiveMode}>
            <legend className="visually-hidden">How to bring a library file in</legend>
            <label>
              <input type="radio" name="archive-mode" checked={archiveMode === 'merge'} onChange={() => setArchiveMode('merge')} /> Add to
              my library
            </label>
            <label>
              <input type="radio" name="archive-mode" checked={archiveMode === 'replace'} onChange={() => setArchiveMode('replace')} />{' '}
              Replace my library
            </label>
          </fieldset>
          <button type="button" className="button" onClick={() => archiveInput.current?.click()} disabled={busy !== null}>
            {busy === 'archive' ? 'Restoring…' : 'Restore from file…'}
          </button>
          <FilePicker
            ref={archiveInput}
            accept=".json,application/json"
            label="Library file to restore"
            testId="archive-input"
            onFile={(file) => void restoreArchive(file)}
          />
        </div>
      </section>
      {confirming && (
        <p className="muted" role="status">
          Your library as it is now will be saved as a backup first, so this can be undone.
        </p>
      )}
    </dialog>
  );
}
