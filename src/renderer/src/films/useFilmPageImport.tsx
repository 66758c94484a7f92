import { useCallback, useRef, useState, type DragEvent } from 'react';
import type { ImportResult } from '../../../shared/domain';
import { MAX_FILM_PAGE_BYTES } from '../../../shared/limits';
import { useImportFilmPage, useImportFilmPageFile } from './queries';
import { useDesktopOpenings } from './useDesktopOpenings';
import { pathOfFile } from '../data/file-path';
import { isStudyPack, useOpenStudyPack } from '../exchange/StudyPack';
import { useCommand } from '../keymap/keymap';
import { useNotify } from '../notices/notify';
import { FilePicker } from '../ui/FilePicker';
import { dropOutcome, draggedFileKind, droppedFileKind, playerTrackAt, type DroppedFileKind, type PlayerTrack } from '../ui/dropped-file';

interface Options {
  /** Whether the open film has soundtrack entries, which a recording dropped on the player attaches to. */
  filmHasTracks: boolean;
  /** The imported film, to open it. */
  onImported: (result: ImportResult) => void;
}

/**
 * Importing a film page from a file: through a picker (button or Ctrl/Cmd+O) or by dropping the
 * file anywhere on the window. The library parses and writes it; any error names the file's line.
 * While a file is dragged over the window, `drop` says what dropping it there will do: a film page
 * is imported, a recording is attached by the score player (which takes its own drops), and
 * anything else is refused with the same words.
 */
export function useFilmPageImport({ filmHasTracks, onImported }: Options) {
  const { mutateAsync: importFilmPage } = useImportFilmPage();
  const { mutateAsync: importFilmPageFile } = useImportFilmPageFile();
  const notify = useNotify();
  const openStudyPack = useOpenStudyPack();
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [dragged, setDragged] = useState<DroppedFileKind | null>(null);
  const [overPlayer, setOverPlayer] = useState<PlayerTrack | null>(null);
  const depth = useRef(0);

  // A file from the picker, a drop or the system: by its path in the desktop app, by its text in the browser.
  const importFile = useCallback(
    async (file: File | { path: string }) => {
      setBusy(true);
      try {
        // A study pack comes in by the same doors (the picker, Ctrl/⌘+O, a file opened with the app).
        if (isStudyPack('path' in file ? file.path : file.name)) return await openStudyPack(file);
        const path = 'path' in file ? file.path : pathOfFile(file);
        let result: ImportResult;
        if (path !== null) result = await importFilmPageFile({ path });
        else if (!('size' in file)) throw new Error('The film page has no path.');
        else if (file.size > MAX_FILM_PAGE_BYTES) throw new Error(`${file.name} is larger than 2 MB: it is not a film page.`);
        else result = await importFilmPage({ fileName: file.name, text: await file.text() });
        onImported(result);
        notify.success(`Imported “${result.film.title}”: ${result.film.sceneCount} scenes, ${result.trackCount} soundtrack entries.`);
      } catch (error) {
        notify.failed(error);
      } finally {
        setBusy(false);
      }
    },
    [importFilmPage, importFilmPageFile, openStudyPack, onImported, notify]
  );

  // A film page or a study pack opened with the app from the system (a double click, the command line, a second launch).
  useDesktopOpenings((path) => void importFile({ path }));

  const pickFile = useCallback(() => inputRef.current?.click(), []);

  // Ctrl/⌘+O and File › Import film page….
  useCommand('import-film-page', pickFile);

  const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');
  // Kept only when it changes: dragover fires many times a second.
  const followPlayer = (event: DragEvent) => {
    const track = playerTrackAt(event.target);
    setOverPlayer((was) => (was?.title === track?.title && was?.hasRecording === track?.hasRecording ? was : track));
  };

  const dropTarget = {
    onDragEnter: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth.current += 1;
      setDragged(draggedFileKind(event.dataTransfer));
      followPlayer(event);
    },
    onDragLeave: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragged(null);
    },
    onDragOver: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      followPlayer(event);
    },
    onDrop: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth.current = 0;
      setDragged(null);
      // Already taken by a drop zone inside the window (a recording dropped on the score player).
      if (event.defaultPrevented) return;
      event.preventDefault();
      const file = event.dataTransfer.files[0];
      if (!file) return;
      // Its name is known now: a file the drag could not type is decided by it.
      const kind = droppedFileKind(file.type, file.name);
      if (kind === 'film-page' || kind === 'study-pack') void importFile(file);
      else notify.failed(`${file.name}: ${dropOutcome(kind, null, filmHasTracks).text}.`);
    }
  };
  const drop = dragged === null ? null : dropOutcome(dragged, overPlayer, filmHasTracks);

  const input = (
    <FilePicker
      ref={inputRef}
      accept=".reelfilm,.txt,text/plain,.reelstudy,application/x-reelnotes-study"
      label="Film page or study pack file"
      testId="film-page-input"
      onFile={(file) => void importFile(file)}
    />
  );

  return { pickFile, busy, drop, dropTarget, input };
}
