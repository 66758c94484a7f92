import { useState } from 'react';
import { useLibraryStatus } from './queries';
import styles from './LibraryWarnings.module.css';

/**
 * What keeps the library from working as usual, in the library sidebar under the films, where it
 * covers no control: a library opened read-only (every change would be refused) is marked for the
 * whole session; a launch backup that could not be made is said until the person has read it.
 */
export function LibraryWarnings() {
  const status = useLibraryStatus();
  const [backupNoticeSeen, setBackupNoticeSeen] = useState(false);
  const readOnly = status.data?.readOnly;
  const launchBackupSkipped = backupNoticeSeen ? null : status.data?.launchBackupSkipped;
  if (!readOnly && !launchBackupSkipped) return null;

  return (
    <div className={styles.warnings} data-testid="library-warnings">
      {readOnly && (
        <section className={styles.warning} role="alert" aria-label="Read-only library">
          <strong>Read-only: changes cannot be saved.</strong>
          <details>
            <summary>Why</summary>
            <p>{readOnly}</p>
          </details>
        </section>
      )}
      {launchBackupSkipped && (
        <section className={styles.warning} role="alert" aria-label="No launch backup">
          <strong>No backup was made at launch.</strong>
          <p>{launchBackupSkipped}</p>
          <button type="button" className="button subtle" onClick={() => setBackupNoticeSeen(true)}>
            Understood
          </button>
        </section>
      )}
    </div>
  );
}
