import { useEffect, useId, useMemo, useRef } from 'react';
import type { Film, FilmLine } from '../../../shared/domain';
import { useFilmLines } from './queries';
import { foundMark, revealFound, type Found } from './reveal';
import styles from './FilmLines.module.css';

interface Props {
  film: Film;
  /** What a search hit opened: when it is one of these lines, that line is marked, and shown once its list is in. */
  found: Found | null;
}

/**
 * The film page's dialogue and quotes. The page format gives them no scene (they come before the
 * scenes, as lists of the film's), so they are shown with the film, each list scrolling on its own
 * so that a long one does not push the scenes out of reach.
 */
export function FilmLines({ film, found }: Props) {
  const lines = useFilmLines(film.dialogueCount + film.quoteCount > 0 ? film.id : null);
  const markedId = found?.target.kind === 'line' ? found.target.lineId : null;
  // Each opening is shown once: a later reload of the lines must not pull the view back to it.
  const shownOpening = useRef<number | null>(null);
  // While another film's lines load, the previous answer is still in hand: only this film's are shown.
  const shown = useMemo(() => lines.data?.filter((line) => line.filmId === film.id) ?? [], [lines.data, film.id]);

  useEffect(() => {
    if (!found || markedId === null || shownOpening.current === found.opening || !shown.some((line) => line.id === markedId)) return;
    shownOpening.current = found.opening;
    revealFound(document.getElementById(lineElementId(markedId)));
  }, [found, markedId, shown]);

  if (!shown.length) return null;
  return (
    <div className={styles.lines}>
      <LineList heading="Dialogue" lines={shown.filter((l) => l.kind === 'dialogue')} markedId={markedId} />
      <LineList heading="Quotes" lines={shown.filter((l) => l.kind === 'quote')} markedId={markedId} />
    </div>
  );
}

const lineElementId = (lineId: number) => `film-line-${lineId}`;

function LineList({ heading, lines, markedId }: { heading: string; lines: FilmLine[]; markedId: number | null }) {
  const headingId = useId();
  if (!lines.length) return null;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="section-label">
        {heading} <span className="count">{lines.length}</span>
      </h2>
      {/* A list that scrolls is reached with Tab, so the keyboard can scroll it too. */}
      <ol className={styles.list} tabIndex={0} aria-labelledby={headingId}>
        {lines.map((line) => (
          <li key={line.id} id={lineElementId(line.id)} {...foundMark(styles.line, line.id === markedId)} tabIndex={-1}>
            {line.speaker && <span className={styles.speaker}>{line.speaker}: </span>}
            <span>{line.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
