import { app, BrowserWindow, dialog, ipcMain, session, type IpcMainInvokeEvent } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PRINT_PDF_CHANNEL, printPdfInput, type SavedFile } from '../shared/desktop-bridge';

/** The essay's own session, in memory: the app's CSP header (no inline style) is for the app's page, not for the essay. */
const ESSAY_PARTITION = 'essay-print';

/**
 * The essay printed to PDF by Chromium's print path, as the browser host's Ctrl+P does: the HTML the
 * library wrote is loaded from a temporary file into a hidden window that runs no script and asks
 * for nothing (the essay's own CSP fetches nothing but its data: images), printed at A4 with the
 * essay's print stylesheet, and written where the person chose. The input is parsed and the sender
 * checked, as for the contract.
 */
export function bindEssayPrinting(isTrusted: (event: IpcMainInvokeEvent) => boolean): void {
  session.fromPartition(ESSAY_PARTITION).setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ipcMain.handle(PRINT_PDF_CHANNEL, async (event, input: unknown): Promise<SavedFile> => {
    if (!isTrusted(event)) throw new Error('This page may not print files.');
    const { fileName, html } = printPdfInput.parse(input);
    const parent = BrowserWindow.fromWebContents(event.sender);
    const options = { defaultPath: join(app.getPath('documents'), fileName), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
    const chosen = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    if (chosen.canceled || !chosen.filePath) return null;
    const folder = await mkdtemp(join(tmpdir(), 'reelnotes-essay-'));
    const printer = new BrowserWindow({
      show: false,
      webPreferences: { partition: ESSAY_PARTITION, javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false }
    });
    printer.webContents.on('will-navigate', (navigation) => navigation.preventDefault());
    printer.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    try {
      const page = join(folder, 'essay.html');
      await writeFile(page, html, 'utf8');
      await printer.loadFile(page);
      const pdf = await printer.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
      await writeFile(chosen.filePath, pdf);
      return { fileName: basename(chosen.filePath) };
    } finally {
      printer.destroy();
      await rm(folder, { recursive: true, force: true });
    }
  });
}
