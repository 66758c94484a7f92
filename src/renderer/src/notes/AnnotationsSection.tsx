import { useEffect, useState } from 'react';
import type { Annotation, AnnotationTarget, TagRef } from '../../../shared/notes';
import { playheadOf } from '../films/playhead';
import { useNotify } from '../notices/notify';
import { AnnotationCard } from './AnnotationCard';
import { useCreateNote, useNotesForTarget, useTrashNote } from './queries';
import styles from './AnnotationsSection.module.css';

interface Props {
  target: AnnotationTarget;
  /** The film the notes are on: a new note takes its playhead's time when its picture is on the desk. */
  filmId: number | null;
  heading: string;
  allTags: TagRef[];
  /** A note to open (from search, the all-annotations view, the address), with when it was asked for: the same note can be asked for twice. */
  focus?: { noteId: number; at: number } | null;
}

/** The notes on one scene (or on the film as a whole), in film-time order, each editable in place. */
export function AnnotationsSection({ target, filmId, heading, allTags, focus }: Props) {
  // Notes changed elsewhere (restored from the trash, say) invalidate this list: it reloads, open editors stay.
  const notes = useNotesForTarget(target);
  const createNote = useCreateNote();
  const trashNote = useTrashNote();
  const notify = useNotify();
  // The note being edited: the person's last choice, unless a newer request to open a note came in.
  const [chosen, setChosen] = useState<{ id: number | null; at: number }>({ id: null, at: 0 });
  const editingId = focus && focus.at > chosen.at ? focus.noteId : chosen.id;
  const setEditingId = (id: number | null) => setChosen({ id, at: Date.now() });
  const [adding, setAdding] = useState(false);
  const list = notes.data ?? [];
  const headingId = `notes-heading-${target.kind}`;

  // A note asked for becomes this list's own choice (set while rendering, as React advises for
  // state that follows a prop); the person's later choices then win over it.
  if (focus && focus.at > chosen.at && list.some((note) => note.id === focus.noteId)) setChosen({ id: focus.noteId, at: focus.at });

  useEffect(() => {
    if (editingId === null) return;
    document.querySelector(`[data-note-id="${editingId}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [editingId, notes.data]);

  const add = async () => {
    setAdding(true);
    try {
      const note = await createNote.mutateAsync({ target, filmTimeMs: filmId === null ? null : playheadOf(filmId) });
      setEditingId(note.id);
    } catch (error) {
      notify.failed(error);
    } finally {
      setAdding(false);
    }
  };

  const trash = async (note: Annotation) => {
    try {
      await trashNote.mutateAsync({ id: note.id });
      notify.success('Moved the note to the trash.');
    } catch (error) {
      notify.failed(error);
    }
  };

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <div className={styles.head}>
        <h3 id={headingId} className="section-label">
          {heading} <span className="count">{list.length}</span>
        </h3>
        <button type="button" className="button small" onClick={add} disabled={adding}>
          + Add note
        </button>
      </div>
      {notes.error && <p className="inline-error">{notes.error.message}</p>}
      {list.length === 0 && !notes.isPlaceholderData && !notes.isLoading && (
        <p className={`muted ${styles.empty}`}>No notes yet. Add one to start writing.</p>
      )}
      <div className={styles.list}>
        {list.map((note) => (
          <AnnotationCard
            key={note.id}
            note={note}
            allTags={allTags}
            editing={editingId === note.id}
            focusAt={focus?.noteId === note.id ? focus.at : 0}
            onEdit={(on) => setEditingId(on ? note.id : null)}
            onDelete={trash}
          />
        ))}
      </div>
    </section>
  );
}
