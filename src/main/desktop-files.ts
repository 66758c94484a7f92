import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { SAVE_FILE_CHANNEL, saveFileInput, type SavedFile } from '../shared/desktop-bridge';

/**
 * The native save dialog the page asks for with an export. The page never names a folder to write
 * in: it suggests a file name, the person chooses where, and the shell writes there. The input is
 * parsed and the sender checked, as for the contract.
 */
export function bindDesktopFiles(isTrusted: (event: IpcMainInvokeEvent) => boolean): void {
  ipcMain.handle(SAVE_FILE_CHANNEL, async (event, input: unknown): Promise<SavedFile> => {
    if (!isTrusted(event)) throw new Error('This page may not save files.');
    const { fileName, text } = saveFileInput.parse(input);
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = { defaultPath: join(app.getPath('documents'), fileName) };
    const chosen = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (chosen.canceled || !chosen.filePath) return null;
    await writeFile(chosen.filePath, text, 'utf8');
    return { fileName: basename(chosen.filePath) };
  });
}
