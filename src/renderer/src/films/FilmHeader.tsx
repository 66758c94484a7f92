import { useEffect, useRef } from 'react';
import type { Film, Track } from '../../../shared/domain';
import { ExchangeEntry } from '../exchange/ExchangeEntry';
import { FilmLines } from './FilmLines';
import { revealFound, type Found } from './reveal';
import { useExportStudy } from './useFilmCommands';

interface Props {
  film: Film;
  tracks: Track[];
  /** What a search hit opened, if anything: marked, and scrolled to and focused once. */
  found: Found | null;
}

export function FilmHeader({ film, tracks, found }: Props) {
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
    <header className="film-header">
      <div className="film-title-row">
        <h1 className="film-title">{film.title}</h1>
        <span className="film-actions">
          <button type="button" className="button subtle" onClick={() => void exportStudy()}>
            Export study…
          </button>
          <ExchangeEntry filmId={film.id} />
        </span>
      </div>
      <p ref={synopsis} className={`film-synopsis${synopsisFound ? ' found' : ''}`} tabIndex={-1}>
        {film.synopsis}
      </p>
      <section className="soundtrack" aria-labelledby="soundtrack-heading">
        <h2 id="soundtrack-heading" className="section-label">
          Score
          {film.composer ? (
            <>
              {' '}
              · <span className="composer">{film.composer}</span>
            </>
          ) : null}
        </h2>
        {tracks.length === 0 ? (
          <p className="muted">This page lists no soundtrack entries.</p>
        ) : (
          <ol className="track-list">
            {tracks.map((track) => (
              <li key={track.id} className="track">
                <span className="track-title">{track.title}</span>
                <span className="track-meta">
                  {track.credit}
                  {track.description ? ` — ${track.description}` : ''}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <FilmLines film={film} found={found} />
    </header>
  );
}
