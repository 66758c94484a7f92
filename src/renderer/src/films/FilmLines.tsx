import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Film, FilmLine } from '../../../shared/domain';
import { formatFilmTime } from '../../../shared/time-format';
import { useNotify } from '../notices/notify';
import { seekFilm } from './film-clock';
import { FILM_NOT_ON_DESK, playheadOf } from './playhead';
import { useFilmLines, useMatchingSubtitles, useSetLineTime } from './queries';
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
            <LineTime line={line} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * A line's place in the film: its time, which takes the film there, and a way to place it: from the
 * subtitle lines that share its words, at the playhead, or not at all.
 */
function LineTime({ line }: { line: FilmLine }) {
  const [placing, setPlacing] = useState(false);
  const offers = useMatchingSubtitles(placing ? { filmId: line.filmId, text: line.text } : null);
  const setLineTime = useSetLineTime();
  const notify = useNotify();
  const panelId = useId();

  const place = async (filmTimeMs: number | null) => {
    try {
      await setLineTime.mutateAsync({ lineId: line.id, filmTimeMs });
      setPlacing(false);
    } catch (error) {
      notify.failed(error);
    }
  };
  const playhead = playheadOf(line.filmId);

  return (
    <span className={styles.time}>
      {line.filmTimeMs !== null && (
        <button
          type="button"
          className="time-link"
          aria-label={`Go to ${formatFilmTime(line.filmTimeMs)} in the film`}
          onClick={() => {
            if (!seekFilm(line.filmTimeMs!)) notify.failed(FILM_NOT_ON_DESK);
          }}
        >
          {formatFilmTime(line.filmTimeMs)}
        </button>
      )}
      <button
        type="button"
        className="button subtle small"
        aria-expanded={placing}
        aria-controls={panelId}
        aria-label={`Place in the film: ${line.text.slice(0, 60)}`}
        onClick={() => setPlacing(!placing)}
      >
        {line.filmTimeMs === null ? 'Place' : 'Move'}
      </button>
      {placing && (
        <span id={panelId} className={styles.offers} role="group" aria-label="Where this line is in the film">
          {offers.isLoading && <span className="muted">Looking in the subtitles…</span>}
          {offers.data?.length === 0 && <span className="muted">No subtitle line shares its words.</span>}
          {offers.data?.map((offer) => (
            <button key={offer.id} type="button" className="button subtle small" onClick={() => void place(offer.startMs)}>
              {formatFilmTime(offer.startMs)} · {offer.text}
            </button>
          ))}
          {playhead !== null && (
            <button type="button" className="button subtle small" onClick={() => void place(playhead)}>
              At the playhead ({formatFilmTime(playhead)})
            </button>
          )}
          {line.filmTimeMs !== null && (
            <button type="button" className="button subtle small" onClick={() => void place(null)}>
              Take it out of the film
            </button>
          )}
        </span>
      )}
    </span>
  );
}
