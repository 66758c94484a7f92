import { useEffect } from 'react';
import type { Film } from '../../../shared/domain';
import { studyArchiveUrl } from '../../../shared/media-url';
import { call } from '../api';
import { useCommand } from '../keymap/keymap';
import type { FilmView } from '../navigation/place';
import { useNotify } from '../notices/notify';
import { saveHostFile, saveTextFile } from '../ui/save-file';

/**
 * Saves the film's study (its scenes, notes and tags) as Markdown, with the frame grabs its notes
 * show as files beside it: in the desktop app where the person chooses, the document with a frames/
 * folder next to it; in the browser host one ZIP of both, or the document alone when it shows no grab.
 */
export function useExportStudy(filmId: number | null): () => Promise<void> {
  const notify = useNotify();
  return async () => {
    if (filmId === null) return;
    try {
      const desktop = window.reelnotesDesktop;
      if (desktop) {
        const saved = await desktop.saveStudy(filmId);
        if (saved?.frames)
          notify.success(`Saved ${saved.fileName} with ${saved.frames === 1 ? '1 frame' : `${saved.frames} frames`} in frames/ beside it.`);
        return;
      }
      const study = await call('films.exportMarkdown', { filmId });
      if (study.frames.length === 0) await saveTextFile(study.fileName, study.text, 'text/markdown');
      else await saveHostFile(studyArchiveUrl(filmId), study.fileName.replace(/\.md$/, '.zip'));
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
