import { useState } from 'react';
import { call } from '../api';
import { useLibraryStatus } from './queries';
import { useNotify } from '../notices/notify';
import styles from './Banner.module.css';

const DISMISSED = 'reelnotes.recovery-dismissed';

/**
 * Told once, at the top of the window: the library could not be opened, where the damaged file
 * went, and the newest sound backup to restore. Nothing is restored without the person's word.
 */
export function RecoveryBanner() {
  const status = useLibraryStatus();
  const notify = useNotify();
  const [dismissed, setDismissed] = useState(() => sessionStorage.getItem(DISMISSED));
  const [restoring, setRestoring] = useState(false);
  const recovery = status.data?.recovery;
  if (!recovery || dismissed === recovery.damagedFile) return null;

  const backup = recovery.newestGoodBackup;
  const restore = async () => {
    if (!backup) return;
    setRestoring(true);
    try {
      await call('backups.restore', { name: backup.name });
      sessionStorage.setItem(DISMISSED, recovery.damagedFile);
      window.location.reload();
    } catch (error) {
      setRestoring(false);
      notify.failed(error);
    }
  };
  const dismiss = () => {
    sessionStorage.setItem(DISMISSED, recovery.damagedFile);
    setDismissed(recovery.damagedFile);
  };

  return (
    <div className={styles.banner} role="alert">
      <div>
        <strong>Your library could not be opened, so Reelnotes started a fresh one.</strong>
        <p>
          {recovery.problem} The damaged file was kept at <code>{recovery.damagedFile}</code>.
        </p>
        {backup ? (
          <p>The newest sound backup is from {new Date(backup.createdAt).toLocaleString()}.</p>
        ) : (
          <p>There is no backup to restore.</p>
        )}
      </div>
      <div className={styles.actions}>
        {backup && (
          <button type="button" className="button primary" onClick={restore} disabled={restoring}>
            {restoring ? 'Restoring…' : 'Restore that backup'}
          </button>
        )}
        <button type="button" className="button subtle" onClick={dismiss}>
          Keep the fresh library
        </button>
      </div>
    </div>
  );
}
