import type { Film, Track } from '../../../shared/domain';

export function FilmHeader({ film, tracks }: { film: Film; tracks: Track[] }) {
  return (
    <header className="film-header">
      <h1 className="film-title">{film.title}</h1>
      <p className="film-synopsis">{film.synopsis}</p>
      <section className="soundtrack" aria-labelledby="soundtrack-heading">
        <h2 id="soundtrack-heading" className="section-label">
          Score{film.composer ? <> · <span className="composer">{film.composer}</span></> : null}
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
    </header>
  );
}
