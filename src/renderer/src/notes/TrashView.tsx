import { useState } from 'react';
import { formatFilmTime } from '../../../shared/time-format';
import { noteTargetName, type AnnotationSummary } from '../../../shared/notes';
import { useNotify } from '../notices/notify';
import { useEmptyTrash, useRestoreNote, useTrash } from './queries';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import views from './note-views.module.css';
import styles from './TrashView.module.css';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The film's deleted notes: each can be restored; emptying the trash asks first. */
export function TrashView({ filmId }: { filmId: number }) {
  const trash = useTrash(filmId);
  const restoreNote = useRestoreNote();
  const emptyTrash = useEmptyTrash();
  const notify = useNotify();
  const [confirming, setConfirming] = useState(false);
  const list = trash.data ?? [];

  const restore = async (note: AnnotationSummary) => {
    try {
      await restoreNote.mutateAsync({ id: note.id });
      notify.success(`Restored the note${note.sceneTitle ? ` on “${note.sceneTitle}”` : ''}.`);
    } catch (error) {
      notify.failed(error);
    }
  };

  const empty = async () => {
    setConfirming(false);
    try {
      const { removed } = await emptyTrash.mutateAsync({ filmId });
      notify.success(`Deleted ${removed} ${removed === 1 ? 'note' : 'notes'} for good.`);
    } catch (error) {
      notify.failed(error);
    }
  };

  return (
    <section className={views.view} aria-labelledby="trash-heading">
      <div className={views.toolbar}>
        <h2 id="trash-heading" className="section-label">
          Trash <span className="count">{list.length}</span>
        </h2>
        <button type="button" className="button subtle danger" onClick={() => setConfirming(true)} disabled={list.length === 0}>
          Empty trash…
        </button>
      </div>
      {list.length === 0 ? (
        <p className="empty-state">The trash is empty. Deleted notes wait here until you empty it.</p>
      ) : (
        <ul className={styles.list} aria-labelledby="trash-heading">
          {list.map((note) => (
            <li key={note.id} className={styles.row}>
              <span className={`${views.rowHead} ${styles.head}`}>
                <span className={views.rowScene}>{noteTargetName(note)}</span>
                {note.filmTimeMs !== null && (
                  <span className={views.rowTime} data-testid="note-film-time">
                    {formatFilmTime(note.filmTimeMs)}
                  </span>
                )}
                {note.deletedAt && <span className="muted">deleted {dateFormat.format(new Date(note.deletedAt))}</span>}
              </span>
              <span className={`${views.rowText} ${styles.text}`}>{note.excerpt.trim() || 'Empty note'}</span>
              <button
                type="button"
                className="button small"
                onClick={() => void restore(note)}
                aria-label={`Restore note: ${note.excerpt.slice(0, 40) || 'empty note'}`}
              >
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={confirming}
        title="Empty the trash?"
        confirmLabel="Delete for good"
        onConfirm={() => void empty()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {list.length} {list.length === 1 ? 'note' : 'notes'} will be deleted for good, with their tags. This cannot be undone.
        </p>
      </ConfirmDialog>
    </section>
  );
}
