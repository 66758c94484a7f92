import { useEffect } from 'react';
import type { Film } from '../../../shared/domain';
import { call } from '../api';
import { useCommand } from '../keymap/keymap';
import type { FilmView } from '../navigation/place';
import { useNotify } from '../notices/notify';
import { saveTextFile } from '../ui/save-file';

/** Saves the film's study (its scenes, notes and tags) as Markdown where the person chooses. */
export function useExportStudy(filmId: number | null): () => Promise<void> {
  const notify = useNotify();
  return async () => {
    if (filmId === null) return;
    try {
      const file = await call('films.exportMarkdown', { filmId });
      await saveTextFile(file.fileName, file.text, 'text/markdown');
    } catch (error) {
      notify.failed(error);
    }
  };
}

/**
 * The open film's commands from the menu and the keymap (export its study, switch its view, open the
 * backups), and the window's title, which names the film: in the desktop app the window and the
 * taskbar follow the page's title, in the browser host the tab does.
 */
export function useFilmCommands({
  film,
  onView,
  onShowBackups
}: {
  film: Film | null;
  onView: (view: FilmView) => void;
  onShowBackups: () => void;
}): void {
  const exportStudy = useExportStudy(film?.id ?? null);
  // Without a film open these do not apply, and their keys keep their usual meaning.
  useCommand('export-study', () => film !== null && void exportStudy());
  useCommand('view-scenes', () => film !== null && onView('scenes'));
  useCommand('view-annotations', () => film !== null && onView('annotations'));
  useCommand('view-trash', () => film !== null && onView('trash'));
  useCommand('show-backups', onShowBackups);

  const title = film ? `${film.title} — Reelnotes` : 'Reelnotes';
  useEffect(() => {
    document.title = title;
  }, [title]);
}
