import { app, BrowserWindow, dialog, ipcMain, screen, session, shell } from 'electron';
import { join } from 'node:path';
import { methodNames } from '../shared/contract';
import { ReelnotesError } from '../shared/errors';
import { CONTENT_SECURITY_POLICY } from '../core/content-policy';
import { buildApplicationMenu } from './menu';
import { sqliteBinding } from './native-binding';
import { resourcesDir } from '../core/paths';
import { loadWindowState, saveWindowState } from './window-state';
import { dispatch } from '../core/dispatch';
import type { Library } from '../core/library/library';
import { scheduleBackups, startLibrary } from '../core/library/startup';
import { seedStandIns } from '../core/library/stand-ins';
import { registerMediaScheme, serveMediaScheme } from './media-scheme';

const rendererDevUrl = process.env.ELECTRON_RENDERER_URL;
const rendererFile = join(__dirname, '../renderer/index.html');

// Privileged schemes can only be declared before the app is ready.
registerMediaScheme();

if (!app.requestSingleInstanceLock()) {
  // A second launch only brings the open window forward (handled in the first instance).
  app.quit();
} else {
  app.on('second-instance', () => {
    const window = BrowserWindow.getAllWindows()[0];
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.whenReady().then(start, (error) => fatal(error));
}

let library: Library | undefined;

async function start(): Promise<void> {
  try {
    library = startLibrary({
      home: libraryHome(),
      nativeBinding: sqliteBinding({
        isPackaged: app.isPackaged,
        appPath: app.getAppPath(),
        resourcesPath: process.resourcesPath,
        electronVersion: process.versions.electron
      }),
      filmsDir: join(resourcesDir(__dirname, process.resourcesPath), 'films'),
      holder: 'desktop'
    });
    scheduleBackups(library);
  } catch (error) {
    fatal(error);
    return;
  }
  if (!library.readOnly) {
    await seedStandIns(library, join(resourcesDir(__dirname, process.resourcesPath), 'stand-ins')).catch((error: unknown) =>
      console.error('[reelnotes] the stand-in recordings could not be attached:', error)
    );
  }
  serveMediaScheme(() => library);
  hardenSessions();
  bindContract(library);
  buildApplicationMenu(libraryHome());
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

function libraryHome(): string {
  return process.env.REELNOTES_HOME ?? join(app.getPath('userData'), 'library');
}

function createWindow(): void {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const state = loadWindowState(
    stateFile,
    screen.getAllDisplays().map((d) => d.workArea)
  );
  const window = new BrowserWindow({
    ...state,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Reelnotes',
    backgroundColor: '#16171a',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true
    }
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  const remember = () => {
    const bounds = window.getNormalBounds();
    saveWindowState(stateFile, { ...bounds, maximized: window.isMaximized() });
  };
  window.on('close', remember);

  window.webContents.on('will-navigate', (event, url) => {
    if (url !== window.webContents.getURL()) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });

  if (rendererDevUrl) void window.loadURL(rendererDevUrl);
  else void window.loadFile(rendererFile);
}

/** Links from a film page may point to the web; only http(s) ever leaves the app, in the browser. */
function openExternalSafely(url: string): void {
  try {
    const { protocol } = new URL(url);
    if (protocol === 'https:' || protocol === 'http:') void shell.openExternal(url);
  } catch {
    // Not a URL at all: nothing to open.
  }
}

function hardenSessions(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
        'X-Content-Type-Options': ['nosniff']
      }
    });
  });
  // The app asks for no permission at all: camera, notifications, geolocation are all refused.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

/** True when the call comes from our own page in its top frame, not from anything it embeds. */
function isTrustedSender(frame: Electron.WebFrameMain | null): boolean {
  if (!frame || frame.parent) return false;
  const url = frame.url;
  if (rendererDevUrl) return url.startsWith(rendererDevUrl);
  return url.startsWith('file://') && decodeURIComponent(new URL(url).pathname).endsWith('/renderer/index.html');
}

function bindContract(lib: Library): void {
  for (const method of methodNames) {
    ipcMain.handle(method, (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        return { ok: false, error: new ReelnotesError('FORBIDDEN', 'This page may not use the library.').toPayload() };
      }
      return dispatch(lib, method, input);
    });
  }
}

function fatal(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox('Reelnotes cannot open your library', message);
  app.exit(1);
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => library?.close());

// A failure nobody awaited is logged; the window and the person's library stay open.
process.on('unhandledRejection', (reason) => console.error('[reelnotes] an operation failed unexpectedly:', reason));
