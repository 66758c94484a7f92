import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type SaveDialogOptions } from 'electron';
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  SAVE_FILE_CHANNEL,
  SAVE_STUDY_CHANNEL,
  SAVE_STUDY_PACK_CHANNEL,
  saveFileInput,
  saveStudyInput,
  saveStudyPackInput,
  type SavedFile,
  type SavedStudy
} from '../shared/desktop-bridge';
import { studyWithFrames, writeStudyBeside } from '../core/films/study-frames';
import type { Library } from '../core/library/library';
import { STUDY_PACK_EXTENSION, studyPackArchive } from '../core/exchange/study-pack';
import { writeZipFile } from '../core/zip';

/** The system's save dialog over the window that asked, suggesting `fileName` in the person's documents. */
async function chooseSavePath(event: IpcMainInvokeEvent, fileName: string, extra: SaveDialogOptions = {}): Promise<string | null> {
  const window = BrowserWindow.fromWebContents(event.sender);
  const options = { defaultPath: join(app.getPath('documents'), fileName), ...extra };
  const chosen = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
}

/**
 * The native save dialog the page asks for with an export. The page never names a folder to write
 * in: it suggests a file name (or names the film whose study it wants), the person chooses where,
 * and the shell writes there. The input is parsed and the sender checked, as for the contract.
 */
export function bindDesktopFiles(isTrusted: (event: IpcMainInvokeEvent) => boolean, library: Library): void {
  ipcMain.handle(SAVE_FILE_CHANNEL, async (event, input: unknown): Promise<SavedFile> => {
    if (!isTrusted(event)) throw new Error('This page may not save files.');
    const { fileName, contents } = saveFileInput.parse(input);
    const path = await chooseSavePath(event, fileName);
    if (!path) return null;
    await writeFile(path, contents);
    return { fileName: basename(path) };
  });
  ipcMain.handle(SAVE_STUDY_CHANNEL, async (event, input: unknown): Promise<SavedStudy> => {
    if (!isTrusted(event)) throw new Error('This page may not save files.');
    const { filmId } = saveStudyInput.parse(input);
    const study = studyWithFrames(library, filmId);
    const path = await chooseSavePath(event, study.fileName, { filters: [{ name: 'Markdown', extensions: ['md'] }] });
    if (!path) return null;
    writeStudyBeside(study, path);
    return { fileName: basename(path), frames: study.frames.length };
  });
  ipcMain.handle(SAVE_STUDY_PACK_CHANNEL, async (event, input: unknown): Promise<SavedFile> => {
    if (!isTrusted(event)) throw new Error('This page may not save files.');
    const { filmId, withRecordings } = saveStudyPackInput.parse(input);
    const pack = studyPackArchive(library, filmId, withRecordings);
    const path = await chooseSavePath(event, pack.fileName, {
      filters: [{ name: 'Reelnotes study pack', extensions: [STUDY_PACK_EXTENSION] }]
    });
    if (!path) return null;
    await writeZipFile(path, pack.chunks);
    return { fileName: basename(path) };
  });
}
