import type { KeyboardEvent } from 'react';
import type { FilmView } from '../navigation/place';
import styles from './FilmViewTabs.module.css';

const views: { id: FilmView; label: string }[] = [
  { id: 'scenes', label: 'Scenes' },
  { id: 'annotations', label: 'All annotations' },
  { id: 'trash', label: 'Trash' }
];

/** The film pane's views, as tabs: ←/→ move between them. */
export function FilmViewTabs({ view, onChange }: { view: FilmView; onChange: (view: FilmView) => void }) {
  const onKeyDown = (event: KeyboardEvent) => {
    const at = views.findIndex((v) => v.id === view);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = views[(at + step + views.length) % views.length];
    onChange(next.id);
    document.getElementById(`film-tab-${next.id}`)?.focus();
  };
  return (
    <div className={styles.tabs} role="tablist" aria-label="Film views" onKeyDown={onKeyDown}>
      {views.map((v) => (
        <button
          key={v.id}
          id={`film-tab-${v.id}`}
          type="button"
          role="tab"
          aria-selected={view === v.id}
          tabIndex={view === v.id ? 0 : -1}
          className={styles.tab}
          onClick={() => onChange(v.id)}
        >
          {v.label}
        </button>
      ))}
    </div>
  );
}
