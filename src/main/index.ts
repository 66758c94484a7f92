import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, screen, session, shell, type IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import { methodNames } from '../shared/contract';
import { ReelnotesError } from '../shared/errors';
import { OPENING_CHANNEL } from '../shared/openings';
import { deskLinkOf, LINK_SCHEME, placeOfFragment } from '../shared/place-address';
import { CONTENT_SECURITY_POLICY } from '../core/content-policy';
import { buildApplicationMenu } from './menu';
import { contextMenuTemplate } from './context-menu';
import { bindDesktopFiles } from './desktop-files';
import { bindItemMenu } from './item-menu';
import { bindEssayPrinting } from './print-essay';
import { reportOnce, startLog } from './logs';
import { sqliteBinding } from './native-binding';
import { OpeningQueue, openingsOfCommandLine } from './openings';
import { resourcesDir } from '../core/paths';
import { loadWindowState, saveWindowState } from './window-state';
import { dispatch } from '../core/dispatch';
import type { Library } from '../core/library/library';
import { scheduleBackups, startLibrary } from '../core/library/startup';
import { seedStandIns } from '../core/library/stand-ins';
import { registerMediaScheme, serveMediaScheme } from './media-scheme';
import { guardPictureWindow, isPictureAddress, pictureWindowOptions } from './picture-window';

const rendererDevUrl = process.env.ELECTRON_RENDERER_URL;
const rendererFile = join(__dirname, '../renderer/index.html');
const log = startLog();

// Privileged schemes can only be declared before the app is ready.
registerMediaScheme();

/** Files and links the system asks us to open, held until the page can take them. */
const openings = new OpeningQueue();

if (!app.requestSingleInstanceLock()) {
  // The first instance gets this launch's command line (its file or link) through 'second-instance'.
  app.quit();
} else {
  openings.add(openingsOfCommandLine(process.argv.slice(1), process.cwd()));
  app.on('second-instance', (_event, argv, workingDirectory) => {
    openings.add(openingsOfCommandLine(argv.slice(1), workingDirectory));
    bringForward();
  });
  // macOS hands files and links to the running app by event instead (also before it is ready).
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openings.add(openingsOfCommandLine([path], '/'));
    bringForward();
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    openings.add(openingsOfCommandLine([url], '/'));
    bringForward();
  });
  // An installed app registers reelnotes:// (the Linux desktop entry and the installers declare it too).
  if (app.isPackaged) app.setAsDefaultProtocolClient(LINK_SCHEME);
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
  log.info(`Reelnotes ${app.getVersion()} opened the library in ${library.home}`);
  if (!library.readOnly) {
    await seedStandIns(library, join(resourcesDir(__dirname, process.resourcesPath), 'stand-ins')).catch((error: unknown) =>
      log.error('The stand-in recordings could not be attached:', error)
    );
  }
  serveMediaScheme(() => library);
  hardenSessions();
  bindContract(library);
  bindDesktopFiles(isTrusted, library);
  bindItemMenu(isTrusted, library);
  bindEssayPrinting(isTrusted);
  buildApplicationMenu(libraryHome());
  createWindow();
  app.on('activate', () => {
    if (!deskWindow || deskWindow.isDestroyed()) createWindow();
  });
}

function libraryHome(): string {
  return process.env.REELNOTES_HOME ?? join(app.getPath('userData'), 'library');
}

/** The desk's window (not the film's picture in its own window): what the system opens goes there. */
let deskWindow: BrowserWindow | undefined;

function bringForward(): void {
  const window = deskWindow;
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

const preload = join(__dirname, '../preload/index.js');

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
    // Written out here (and in picture-window.ts, which the shell test holds to the same), so that the
    // security check reads them.
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true
    }
  });
  deskWindow = window;
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
    // The one window the page may open: the film's picture alone, on its own route of this page.
    if (isPictureAddress(url, window.webContents.getURL())) {
      return { action: 'allow', overrideBrowserWindowOptions: pictureWindowOptions(preload) };
    }
    openExternalSafely(url);
    return { action: 'deny' };
  });
  window.webContents.on('did-create-window', (picture) => guardPictureWindow(picture, window));
  // Each load of the page (the first, and any reload) is where what the system opens goes from then on.
  window.webContents.on('did-finish-load', () => openings.deliverTo((opening) => window.webContents.send(OPENING_CHANNEL, opening)));
  window.webContents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, {
      replaceMisspelling: (suggestion) => window.webContents.replaceMisspelling(suggestion),
      addToDictionary: (word) => window.webContents.session.addWordToSpellCheckerDictionary(word),
      copyPlaceLink: () => {
        const place = placeOfFragment(new URL(window.webContents.getURL()).hash);
        if (place.filmId !== null) clipboard.writeText(deskLinkOf({ place, filmTimeMs: null }));
      }
    });
    if (template.length > 0) Menu.buildFromTemplate(template).popup({ window });
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    void reportOnce(
      new Error(`The window's page stopped (${details.reason}, exit code ${details.exitCode}).`),
      'The window stopped working.'
    );
    if (details.reason !== 'clean-exit' && !window.isDestroyed()) void loadPage(window);
  });

  void loadPage(window);
}

function loadPage(window: BrowserWindow): Promise<void> {
  return rendererDevUrl ? window.loadURL(rendererDevUrl) : window.loadFile(rendererFile);
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
function isTrusted(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent) return false;
  const url = frame.url;
  if (rendererDevUrl) return url.startsWith(rendererDevUrl);
  return url.startsWith('file://') && decodeURIComponent(new URL(url).pathname).endsWith('/renderer/index.html');
}

function bindContract(lib: Library): void {
  for (const method of methodNames) {
    ipcMain.handle(method, (event, input: unknown) => {
      if (!isTrusted(event)) {
        return { ok: false, error: new ReelnotesError('FORBIDDEN', 'This page may not use the library.').toPayload() };
      }
      return dispatch(lib, method, input);
    });
  }
}

function fatal(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  log.error('Reelnotes cannot open the library:', error);
  dialog.showErrorBox('Reelnotes cannot open your library', message);
  app.exit(1);
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => library?.close());
