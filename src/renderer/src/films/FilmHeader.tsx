import { useEffect, useRef, type ReactNode } from 'react';
import type { Film, Track } from '../../../shared/domain';
import { ExchangeEntry } from '../exchange/ExchangeEntry';
import { FilmLines } from './FilmLines';
import { foundMark, revealFound, type Found } from './reveal';
import { useExportStudy } from './useFilmCommands';
import styles from './FilmHeader.module.css';

interface Props {
  film: Film;
  tracks: Track[];
  /** What a search hit opened, if anything: marked, and scrolled to and focused once. */
  found: Found | null;
  /** The film's subtitle files, under its score. */
  subtitles: ReactNode;
}

export function FilmHeader({ film, tracks, found, subtitles }: Props) {
  const synopsis = useRef<HTMLParagraphElement>(null);
  const synopsisFound = found?.target.kind === 'synopsis' && found.target.filmId === film.id;
  const shownOpening = useRef<number | null>(null);
  useEffect(() => {
    if (!found || !synopsisFound || shownOpening.current === found.opening) return;
    shownOpening.current = found.opening;
    revealFound(synopsis.current);
  }, [found, synopsisFound]);

  const exportStudy = useExportStudy(film.id);

  return (
    <header className={styles.header}>
      <div className={styles.titleRow}>
        <h1 className={styles.title}>{film.title}</h1>
        <span className={styles.actions}>
          <button type="button" className="button subtle" onClick={() => void exportStudy()}>
            Export study…
          </button>
          <ExchangeEntry filmId={film.id} />
        </span>
      </div>
      <p ref={synopsis} {...foundMark(styles.synopsis, synopsisFound)} tabIndex={-1} data-testid="film-synopsis">
        {film.synopsis}
      </p>
      <section aria-labelledby="soundtrack-heading">
        <h2 id="soundtrack-heading" className="section-label">
          Score
          {film.composer ? (
            <>
              {' '}
              · <span className={styles.composer}>{film.composer}</span>
            </>
          ) : null}
        </h2>
        {tracks.length === 0 ? (
          <p className="muted">This page lists no soundtrack entries.</p>
        ) : (
          <ol className={styles.tracks}>
            {tracks.map((track) => (
              <li key={track.id} className={styles.track}>
                <span className={styles.trackTitle}>{track.title}</span>
                <span className={styles.trackMeta}>
                  {track.credit}
                  {track.description ? ` — ${track.description}` : ''}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
      {subtitles}
      <FilmLines film={film} found={found} />
    </header>
  );
}
