import { app, dialog, shell } from 'electron';
import log from 'electron-log/main';
import { join } from 'node:path';

/**
 * The desktop app's log: a file in the user-data folder's logs/ (`~/.config/reelnotes/logs/main.log`
 * on Linux), kept by electron-log, which starts a new file past 1 MB and keeps the one before
 * (main.old.log). What goes wrong without anyone awaiting it (an unhandled rejection, an exception,
 * the page's process crashing) is written there and shown to the person once, with the way to it.
 */
export function startLog(): typeof log {
  log.transports.file.resolvePathFn = () => logFile();
  log.transports.file.maxSize = 1024 * 1024;
  log.transports.file.level = 'info';
  // The terminal of `npm start` shows warnings and errors; the file keeps everything.
  log.transports.console.level = 'warn';
  log.errorHandler.startCatching({ showDialog: false, onError: ({ error }) => void reportOnce(error) });
  return log;
}

export const logFile = (): string => join(app.getPath('logs'), 'main.log');

/** Opens the log's folder with the log selected. */
export const revealLog = (): void => shell.showItemInFolder(logFile());

let reported = false;

/**
 * Logs a failure and, the first time only, tells the person: something went wrong that Reelnotes
 * did not expect, the library is safe, and the log says more. Later failures go to the log alone,
 * so a repeating error cannot bury the window under dialogs.
 */
export async function reportOnce(error: unknown, what = 'Something went wrong that Reelnotes did not expect.'): Promise<void> {
  log.error(what, error);
  if (reported || !app.isReady()) return;
  reported = true;
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: 'Reelnotes',
    message: what,
    detail: `${error instanceof Error ? error.message : String(error)}\n\nYour library is saved as it was. The log has the details: ${logFile()}`,
    buttons: ['OK', 'Reveal Log'],
    defaultId: 0,
    cancelId: 0
  });
  if (response === 1) revealLog();
}
