import type { ReactNode } from 'react';
import type { FilmSummary } from '../../../shared/domain';
import styles from './FilmSidebar.module.css';

interface Props {
  films: FilmSummary[];
  error: string | undefined;
  selectedId: number | null;
  onSelect: (filmId: number) => void;
  onImport: () => void;
  onShowBackups: () => void;
  importing: boolean;
  /** Shown under the films: the tag panel. */
  children?: ReactNode;
}

export function FilmSidebar({ films, error, selectedId, onSelect, onImport, onShowBackups, importing, children }: Props) {
  return (
    <aside className="sidebar" aria-label="Library">
      <div className={styles.brand}>
        <span className={styles.brandMark} aria-hidden="true" />
        Reelnotes
      </div>
      <h2 className="sidebar-heading" id="films-heading">
        Films
      </h2>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <ul className={styles.films} aria-labelledby="films-heading">
        {films.map((film) => (
          <li key={film.id}>
            <button
              type="button"
              className={styles.film}
              aria-current={film.id === selectedId ? 'page' : undefined}
              onClick={() => onSelect(film.id)}
            >
              <span className={styles.filmTitle}>{film.title}</span>
              <span className={styles.filmMeta}>{film.sceneCount} scenes</span>
            </button>
          </li>
        ))}
      </ul>
      {children}
      <button type="button" className={`button subtle ${styles.import}`} onClick={onImport} disabled={importing}>
        {importing ? 'Importing…' : 'Import film page…'}
      </button>
      <p className="sidebar-hint">or drop a page’s .txt file anywhere</p>
      <button type="button" className={`button subtle ${styles.backups}`} onClick={onShowBackups}>
        Backups…
      </button>
    </aside>
  );
}
