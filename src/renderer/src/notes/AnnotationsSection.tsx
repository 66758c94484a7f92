import { useEffect, useState } from 'react';
import type { Annotation, AnnotationTarget, TagRef } from '../../../shared/notes';
import { call } from '../api';
import { useCall } from '../hooks/useCall';
import { AnnotationCard } from './AnnotationCard';
import './notes.css';

interface Props {
  target: AnnotationTarget;
  heading: string;
  allTags: TagRef[];
  /** A note to open (from search or the all-annotations view), with a counter so the same note can be asked for twice. */
  focus?: { noteId: number; at: number } | null;
  /** Called once this list has opened the note asked for. */
  onFocusTaken?: () => void;
  /** Moves when notes change elsewhere (restored from the trash, say): the list reloads, open editors stay. */
  revision: number;
  onNotesChanged: () => void;
  onTrashed: (note: Annotation) => void;
  onError: (message: string) => void;
}

/** The notes on one scene (or on the film as a whole), in film-time order, each editable in place. */
export function AnnotationsSection({ target, heading, allTags, focus, onFocusTaken, revision, onNotesChanged, onTrashed, onError }: Props) {
  const notes = useCall('notes.forTarget', { target });
  // The note being edited: the person's last choice, unless a newer request to open a note came in.
  const [chosen, setChosen] = useState<{ id: number | null; at: number }>({ id: null, at: 0 });
  const editingId = focus && focus.at > chosen.at ? focus.noteId : chosen.id;
  const setEditingId = (id: number | null) => setChosen({ id, at: Date.now() });
  const [adding, setAdding] = useState(false);
  const list = notes.data ?? [];
  const { reload } = notes;
  useEffect(() => {
    if (revision > 0) reload();
  }, [revision, reload]);
  const headingId = `notes-heading-${target.kind}`;

  // A note asked for becomes this list's own choice (set while rendering, as React advises for
  // state that follows a prop), and then the request is spent.
  if (focus && focus.at > chosen.at && list.some((note) => note.id === focus.noteId)) setChosen({ id: focus.noteId, at: focus.at });
  useEffect(() => {
    if (focus && focus.at === chosen.at) onFocusTaken?.();
  }, [focus, chosen.at, onFocusTaken]);

  useEffect(() => {
    if (editingId === null) return;
    document.querySelector(`[data-note-id="${editingId}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [editingId, notes.data]);

  const add = async () => {
    setAdding(true);
    try {
      const note = await call('notes.create', { target });
      setEditingId(note.id);
      onNotesChanged();
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error));
    } finally {
      setAdding(false);
    }
  };

  const trash = async (note: Annotation) => {
    try {
      await call('notes.delete', { id: note.id });
      onNotesChanged();
      onTrashed(note);
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <section className="annotations" aria-labelledby={headingId}>
      <div className="annotations-head">
        <h3 id={headingId} className="section-label">
          {heading} <span className="count">{list.length}</span>
        </h3>
        <button type="button" className="button small" onClick={add} disabled={adding}>
          + Add note
        </button>
      </div>
      {notes.error && <p className="inline-error">{notes.error}</p>}
      {list.length === 0 && !notes.loading && <p className="muted annotations-empty">No notes yet. Add one to start writing.</p>}
      <div className="annotation-list">
        {list.map((note) => (
          <AnnotationCard
            key={note.id}
            note={note}
            allTags={allTags}
            editing={editingId === note.id}
            focusAt={focus?.noteId === note.id ? focus.at : 0}
            onEdit={(on) => setEditingId(on ? note.id : null)}
            onTimeSaved={notes.reload}
            onTagsChanged={onNotesChanged}
            onDelete={trash}
            onError={onError}
          />
        ))}
      </div>
    </section>
  );
}
