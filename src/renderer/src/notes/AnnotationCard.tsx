import { Suspense, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { formatFilmTime, parseFilmTime } from '../../../shared/time-format';
import type { Annotation, TagRef } from '../../../shared/notes';
import { useInvalidate } from '../data/library-query';
import { CiteButton } from '../exchange/CiteButton';
import { itemMenuAttributes } from '../exchange/item-menu';
import { seekFilm } from '../films/film-clock';
import { FILM_NOT_ON_DESK } from '../films/playhead';
import { useNotify } from '../notices/notify';
import { lazyComponent } from '../lazy';
import { TagEditor } from '../tags/TagEditor';
import { useUpdateNote } from './queries';
import { useAutosave, type SaveStatus } from './useAutosave';
import { takesFilmTime } from './useFilmTimeInsertion';
import styles from './AnnotationCard.module.css';

interface Props {
  note: Annotation;
  allTags: TagRef[];
  editing: boolean;
  /** When this note was last asked for (search, the all-annotations list): its editor takes the focus again. */
  focusAt: number;
  onEdit: (editing: boolean) => void;
  onDelete: (note: Annotation) => void;
}

// marked and DOMPurify load with the first note shown, not with the first screen.
const Markdown = lazyComponent(() => import('./Markdown').then((m) => m.Markdown));

const statusText: Record<SaveStatus, string> = { saved: 'Saved', unsaved: 'Edited', saving: 'Saving…', error: 'Not saved' };

/**
 * One annotation: its film time, tags and body. Reading shows the rendered Markdown; editing shows
 * the text beside a live preview, and every change is saved by itself.
 */
export function AnnotationCard({ note, allTags, editing, focusAt, onEdit, onDelete }: Props) {
  const updateNote = useUpdateNote();
  const invalidate = useInvalidate();
  const notify = useNotify();
  const [body, setBody] = useState(note.body);
  const [filmTimeMs, setFilmTimeMs] = useState(note.filmTimeMs);
  const [timeText, setTimeText] = useState(note.filmTimeMs === null ? '' : formatFilmTime(note.filmTimeMs));
  const [timeInvalid, setTimeInvalid] = useState(false);
  const [tags, setTags] = useState(note.tags);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const ids = useId();
  // The time the library holds, and the time the list was last put in order by (it reorders only
  // for a confirmed time, never under the fingers of someone still typing one).
  const savedTime = useRef(note.filmTimeMs);
  const listedTime = useRef(note.filmTimeMs);
  const confirmedTime = useRef(note.filmTimeMs);
  const reorderOnceSaved = () => {
    if (confirmedTime.current !== savedTime.current || savedTime.current === listedTime.current) return;
    listedTime.current = savedTime.current;
    // The film time changed, so the lists' order may have.
    void invalidate('notes');
  };

  // A time typed but not yet confirmed (Enter, leaving the field) is saved as the text is: after a
  // pause, on blur, when the page goes. Text that is not (yet) a time leaves the last one saved. The
  // field shows whole seconds: while it still shows the note's own time, that time is kept to the
  // millisecond (a note set at the playhead, 4.5 s, must not become 4 s when its text is edited).
  const timeOfText = (text: string) =>
    text === (filmTimeMs === null ? '' : formatFilmTime(filmTimeMs)) ? filmTimeMs : parseFilmTime(text);
  const typedTime = timeOfText(timeText);
  const { status, flush } = useAutosave({
    value: { body, filmTimeMs: typedTime === undefined ? filmTimeMs : typedTime },
    save: async (value) => {
      const timeChanged = value.filmTimeMs !== savedTime.current;
      await updateNote.mutateAsync({ id: note.id, ...value });
      savedTime.current = value.filmTimeMs;
      // The timeline draws the note at its time and holds nothing the person is typing in: it follows every saved time.
      if (timeChanged) void invalidate('timeline');
      reorderOnceSaved();
    },
    onError: notify.failed
  });

  useEffect(() => {
    if (editing) textarea.current?.focus();
  }, [editing, focusAt]);

  const commitTime = () => {
    const parsed = timeOfText(timeText);
    setTimeInvalid(parsed === undefined);
    if (parsed === undefined) return;
    setFilmTimeMs(parsed);
    setTimeText(parsed === null ? '' : formatFilmTime(parsed));
    confirmedTime.current = parsed;
    // Already saved while it was being typed: only the list's order is left to follow.
    reorderOnceSaved();
  };

  const onEditorKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      flush();
      onEdit(false);
    }
  };

  const heading = filmTimeMs === null ? 'Note' : `Note at ${formatFilmTime(filmTimeMs)}`;

  return (
    <article
      className={editing ? `${styles.card} ${styles.editing}` : styles.card}
      aria-label={heading}
      data-note-id={note.id}
      {...itemMenuAttributes('note', note.id, {
        place: { filmId: note.filmId, view: 'scenes', sceneId: note.sceneId, noteId: note.id },
        filmTimeMs: note.filmTimeMs
      })}
    >
      <div className={styles.bar}>
        <label className={styles.time}>
          <span className="visually-hidden">Film time (hh:mm:ss)</span>
          <input
            className="text-field"
            value={timeText}
            placeholder="hh:mm:ss"
            inputMode="numeric"
            aria-invalid={timeInvalid}
            aria-describedby={timeInvalid ? `${ids}-time-error` : undefined}
            onChange={(e) => setTimeText(e.target.value)}
            onBlur={commitTime}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commitTime();
            }}
          />
        </label>
        {filmTimeMs !== null && (
          <button
            type="button"
            className="button subtle small"
            aria-label={`Go to ${formatFilmTime(filmTimeMs)} in the film`}
            title="Go to this time in the film"
            onClick={() => {
              if (!seekFilm(filmTimeMs)) notify.failed(FILM_NOT_ON_DESK);
            }}
          >
            ⏵
          </button>
        )}
        {timeInvalid && (
          <span id={`${ids}-time-error`} className={styles.fieldError} role="alert">
            Write a time as hh:mm:ss
          </span>
        )}
        <span className={status === 'error' ? `${styles.saveStatus} ${styles.error}` : styles.saveStatus} aria-live="polite">
          {statusText[status]}
        </span>
        <span className={styles.actions}>
          <CiteButton target={{ kind: 'note', id: note.id }} what="this note" />
          <button type="button" className="button subtle small" onClick={() => (editing ? (flush(), onEdit(false)) : onEdit(true))}>
            {editing ? 'Done' : 'Edit'}
          </button>
          <button
            type="button"
            className="button subtle small danger"
            onClick={() => {
              flush();
              onDelete({ ...note, body, filmTimeMs, tags });
            }}
          >
            Delete
          </button>
        </span>
      </div>
      <TagEditor
        target={{ kind: 'annotation', id: note.id }}
        tags={tags}
        allTags={allTags}
        label="Add a tag to this note"
        onChange={setTags}
      />
      {editing ? (
        <div className={styles.editor} onKeyDown={onEditorKeyDown}>
          <label className="visually-hidden" htmlFor={`${ids}-body`}>
            Note text (Markdown)
          </label>
          <textarea
            id={`${ids}-body`}
            ref={textarea}
            className={styles.text}
            value={body}
            spellCheck
            placeholder="Write in Markdown: **bold**, _italic_, lists, > quotes…"
            onChange={(e) => setBody(e.target.value)}
            onBlur={flush}
            {...takesFilmTime}
          />
          <Suspense fallback={null}>
            <Markdown text={body} label="Preview" className={styles.preview} />
          </Suspense>
        </div>
      ) : (
        <div className={styles.reading} onDoubleClick={() => onEdit(true)} title="Double-click to edit">
          {body.trim() ? (
            <Suspense fallback={<p>{body}</p>}>
              <Markdown text={body} />
            </Suspense>
          ) : (
            <p className="muted">Empty note — choose Edit to write.</p>
          )}
        </div>
      )}
    </article>
  );
}
