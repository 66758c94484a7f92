import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState, type KeyboardEvent } from 'react';
import { formatFilmTime } from '../../../shared/time-format';
import type { SearchHit } from '../../../shared/notes';
import { useLibraryQuery } from '../data/library-query';
import { useScore } from '../player/ScoreContext';
import styles from './SearchBox.module.css';

interface Props {
  filmId: number | null;
  onOpen: (hit: SearchHit) => void;
}

export interface SearchBoxHandle {
  focus: () => void;
}

const kindNames: Record<SearchHit['kind'], string> = {
  scene: 'Scene',
  annotation: 'Note',
  dialogue: 'Dialogue',
  quote: 'Quote',
  cue: 'Cue',
  synopsis: 'Synopsis',
  subtitle: 'Subtitle'
};

/**
 * Search as you type over the film's scenes, notes, dialogue, quotes and cues. ↑/↓ move through the
 * results, Enter opens one (a cue also plays), Esc closes the list (and, pressed again, clears the box).
 */
export const SearchBox = forwardRef<SearchBoxHandle, Props>(function SearchBox({ filmId, onOpen }, ref) {
  const [query, setQuery] = useState('');
  // What is asked: the query after a short pause, so that a fast typist does not send a search per keystroke.
  const [asked, setAsked] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const { playCue } = useScore();

  useImperativeHandle(ref, () => ({ focus: () => input.current?.select() }), []);

  useEffect(() => {
    const timer = window.setTimeout(() => setAsked(query), 120);
    return () => window.clearTimeout(timer);
  }, [query]);
  const search = useLibraryQuery('search.query', asked.trim() && filmId !== null ? { query: asked, filmId, limit: 30 } : null);
  const result = search.data;
  const error = search.error?.message ?? null;
  // A new answer starts the choice again from its first hit.
  const [answeredAt, setAnsweredAt] = useState(0);
  if (search.dataUpdatedAt !== answeredAt) {
    setAnsweredAt(search.dataUpdatedAt);
    setActive(0);
  }

  const hits = query.trim() && result ? result.hits : [];
  const showList = open && query.trim() !== '' && result !== undefined;

  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    setOpen(false);
    onOpen(hit);
    // Looking for a cue is wanting to hear it.
    if (hit.cue) void playCue({ id: hit.id, ...hit.cue });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(hits.length - 1, i + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(hits[active]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (open && query) setOpen(false);
      else setQuery('');
    }
  };

  return (
    <div className={styles.search} role="search">
      <label className="visually-hidden" htmlFor={`${listId}-input`}>
        Search scenes, notes, lines and cues
      </label>
      <input
        id={`${listId}-input`}
        ref={input}
        type="search"
        className={`text-field ${styles.input}`}
        placeholder="Search  (Ctrl+K or /)   tag:name  scene:words"
        value={query}
        autoComplete="off"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && hits[active] ? `${listId}-${active}` : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <div className={styles.results} hidden={!showList}>
        {error && <p className="inline-error">{error}</p>}
        {showList && hits.length === 0 && !error && <p className={`muted ${styles.empty}`}>Nothing matches “{query.trim()}”.</p>}
        <ul
          id={listId}
          role="listbox"
          aria-label="Search results"
          aria-busy={asked !== query || search.isPlaceholderData || search.isFetching}
        >
          {hits.map((hit, i) => (
            <li
              key={`${hit.kind}-${hit.id}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={styles.hit}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(hit);
              }}
              onMouseMove={() => setActive(i)}
            >
              <span className={styles.hitHead}>
                <span className={styles.kind}>{kindNames[hit.kind]}</span>
                <span className={styles.label}>{hit.label}</span>
                {hit.filmTimeMs !== null && <span className={styles.time}>{formatFilmTime(hit.filmTimeMs)}</span>}
                {hit.cue && <span className={styles.time}>{formatFilmTime(hit.cue.startMs)}</span>}
              </span>
              <span className={styles.snippet}>
                {hit.snippet.map((segment, j) => (segment.hit ? <mark key={j}>{segment.text}</mark> : <span key={j}>{segment.text}</span>))}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
});
