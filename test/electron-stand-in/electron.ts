/**
 * A RECORDING STAND-IN for Electron's main-process API, for loading the built shell
 * (`out/main/index.js`) under plain Node where no Electron runtime exists. It opens no window and
 * runs no Chromium: it records what the shell asks of Electron (handlers bound, windows made, menus
 * set, messages sent) and lets a test play Electron's part (the app becoming ready, a second launch,
 * an IPC call from some frame, a request to the media scheme). What it proves is the shell's wiring,
 * never that a window opens; the Electron e2e specs (`e2e/electron/`) are for that.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Module from 'node:module';

type Listener = (...args: any[]) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

/** One web page's stand-in: what the shell registers on it, and the messages it sends it. */
export class WebContentsStandIn extends EventEmitter {
  url = '';
  sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  replaced: string[] = [];
  session = { dictionary: [] as string[], addWordToSpellCheckerDictionary: (word: string) => this.session.dictionary.push(word) > 0 };
  replaceMisspelling(suggestion: string) {
    this.replaced.push(suggestion);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  getURL() {
    return this.url;
  }
  isLoading() {
    return false;
  }
  /** What each print asked for, and the file's text at that moment (the page printed is the file loaded). */
  printed: { options: unknown; page: string }[] = [];
  async printToPDF(options: unknown) {
    this.printed.push({ options, page: readFileSync(fileURLToPath(this.url), 'utf8') });
    return Buffer.from('%PDF-1.7 stand-in\n');
  }
}

export class BrowserWindowStandIn extends EventEmitter {
  static all: BrowserWindowStandIn[] = [];
  webContents = new WebContentsStandIn();
  loaded: { file?: string; url?: string; hash?: string } | undefined;
  focused = 0;
  minimized = false;
  title = '';
  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    BrowserWindowStandIn.all.push(this);
  }
  static getAllWindows() {
    return BrowserWindowStandIn.all.filter((w) => !w.destroyed);
  }
  static getFocusedWindow() {
    return BrowserWindowStandIn.getAllWindows()[0] ?? null;
  }
  static fromWebContents(contents: WebContentsStandIn) {
    return BrowserWindowStandIn.all.find((w) => w.webContents === contents) ?? null;
  }
  destroyed = false;
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
  }
  close() {
    this.destroyed = true;
    this.emit('closed');
  }
  async loadFile(file: string, options?: { hash?: string }) {
    this.loaded = { file, hash: options?.hash };
    this.webContents.url = `file://${file}`;
  }
  async loadURL(url: string) {
    this.loaded = { url };
    this.webContents.url = url;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
  focus() {
    this.focused++;
  }
  show() {}
  maximize() {}
  isMaximized() {
    return false;
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1280, height: 800 };
  }
  setTitle(title: string) {
    this.title = title;
  }
}

class AppStandIn extends EventEmitter {
  isPackaged = false;
  readyCalls: (() => void)[] = [];
  exitCode: number | undefined;
  quitCalled = false;
  singleInstance = true;
  protocolClients: string[] = [];
  private ready!: () => void;
  private readyPromise = new Promise<void>((resolve) => (this.ready = resolve));
  constructor(private readonly paths: Record<string, string>) {
    super();
  }
  requestSingleInstanceLock() {
    return this.singleInstance;
  }
  whenReady() {
    return this.readyPromise;
  }
  isReady() {
    return this.isReadyNow;
  }
  private isReadyNow = false;
  /** Plays Electron's part: the app is ready. */
  becomeReady() {
    this.isReadyNow = true;
    this.ready();
    this.emit('ready');
  }
  getPath(name: string) {
    const path = this.paths[name];
    if (!path) throw new Error(`The stand-in has no path for "${name}"`);
    return path;
  }
  setPath(name: string, path: string) {
    this.paths[name] = path;
  }
  getAppPath() {
    return this.paths.appPath;
  }
  getVersion() {
    return '0.0.0-stand-in';
  }
  getName() {
    return 'reelnotes';
  }
  setAsDefaultProtocolClient(scheme: string) {
    this.protocolClients.push(scheme);
    return true;
  }
  quit() {
    this.quitCalled = true;
  }
  exit(code: number) {
    this.exitCode = code;
  }
}

export interface ElectronStandIn {
  app: AppStandIn;
  BrowserWindow: typeof BrowserWindowStandIn;
  ipcMain: { handle(channel: string, handler: Listener): void; on(channel: string, listener: Listener): void };
  /** Every ipcMain.handle, in order: a channel bound twice shows twice. */
  handled: { channel: string; handler: Listener }[];
  listened: { channel: string; listener: Listener }[];
  protocol: {
    registerSchemesAsPrivileged(schemes: unknown[]): void;
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
  };
  privilegedSchemes: unknown[];
  protocolHandlers: Map<string, (request: Request) => Response | Promise<Response>>;
  session: { defaultSession: Record<string, unknown>; fromPartition(partition: string): Record<string, unknown> };
  /** The sessions asked for by partition, each with the permission handlers set on it. */
  partitions: { name: string; permissionHandlers: Listener[] }[];
  headerHooks: Listener[];
  permissionHandlers: Listener[];
  shell: Record<string, Listener>;
  shellCalls: { method: string; args: unknown[] }[];
  dialog: Record<string, Listener>;
  dialogCalls: { method: string; args: unknown[] }[];
  /** What the next save dialog or message box answers. */
  dialogAnswers: { save?: string; messageBox?: number };
  Menu: {
    buildFromTemplate(template: unknown[]): { template: unknown[]; popup(options: unknown): void };
    setApplicationMenu(menu: unknown): void;
  };
  menus: unknown[];
  /** Menus shown at the pointer (context menus), with their items. */
  popups: { template: unknown[]; options: unknown }[];
  screen: { getAllDisplays(): { workArea: { x: number; y: number; width: number; height: number } }[] };
  webContents: { getAllWebContents(): WebContentsStandIn[] };
  clipboard: { writeText(text: string): Promise<void>; write(items: ClipboardItemStandIn[]): Promise<void>; text: string; html: string };
  ClipboardItem: typeof ClipboardItemStandIn;
}

/** Electron's ClipboardItem: the types and their contents, as given. */
export class ClipboardItemStandIn {
  constructor(readonly items: Record<string, string>) {}
}

/** A fresh stand-in, its app's folders under `paths`. */
export function electronStandIn(paths: { userData: string; logs: string; appPath: string; documents: string }): ElectronStandIn {
  const handled: ElectronStandIn['handled'] = [];
  const listened: ElectronStandIn['listened'] = [];
  const protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  const privilegedSchemes: unknown[] = [];
  const headerHooks: Listener[] = [];
  const permissionHandlers: Listener[] = [];
  const shellCalls: ElectronStandIn['shellCalls'] = [];
  const dialogCalls: ElectronStandIn['dialogCalls'] = [];
  const dialogAnswers: ElectronStandIn['dialogAnswers'] = {};
  const menus: unknown[] = [];
  const popups: ElectronStandIn['popups'] = [];
  BrowserWindowStandIn.all = [];
  const recordShell =
    (method: string) =>
    (...args: unknown[]) => {
      shellCalls.push({ method, args });
      return method === 'openPath' ? Promise.resolve('') : Promise.resolve();
    };
  const app = new AppStandIn({ ...paths, home: paths.userData, temp: paths.userData });
  const sessionStandIn = {
    webRequest: { onHeadersReceived: (hook: Listener) => headerHooks.push(hook) },
    setPermissionRequestHandler: (handler: Listener) => permissionHandlers.push(handler),
    setPermissionCheckHandler: (handler: Listener) => permissionHandlers.push(handler),
    setSpellCheckerLanguages: () => undefined,
    on: () => undefined
  };
  const partitions: ElectronStandIn['partitions'] = [];
  return {
    app,
    BrowserWindow: BrowserWindowStandIn,
    ipcMain: {
      handle: (channel, handler) => handled.push({ channel, handler }),
      on: (channel, listener) => listened.push({ channel, listener })
    },
    handled,
    listened,
    protocol: {
      registerSchemesAsPrivileged: (schemes) => privilegedSchemes.push(...schemes),
      handle: (scheme, handler) => protocolHandlers.set(scheme, handler)
    },
    privilegedSchemes,
    protocolHandlers,
    session: {
      defaultSession: sessionStandIn,
      fromPartition: (name: string) => {
        const partition = { name, permissionHandlers: [] as Listener[] };
        partitions.push(partition);
        return { ...sessionStandIn, setPermissionRequestHandler: (handler: Listener) => partition.permissionHandlers.push(handler) };
      }
    },
    partitions,
    headerHooks,
    permissionHandlers,
    shell: {
      openExternal: recordShell('openExternal'),
      openPath: recordShell('openPath'),
      showItemInFolder: recordShell('showItemInFolder')
    },
    shellCalls,
    dialog: {
      showSaveDialog: async (...args: unknown[]) => {
        dialogCalls.push({ method: 'showSaveDialog', args });
        return { canceled: !dialogAnswers.save, filePath: dialogAnswers.save };
      },
      showMessageBox: async (...args: unknown[]) => {
        dialogCalls.push({ method: 'showMessageBox', args });
        return { response: dialogAnswers.messageBox ?? 0 };
      },
      showErrorBox: (...args: unknown[]) => dialogCalls.push({ method: 'showErrorBox', args })
    },
    dialogCalls,
    dialogAnswers,
    Menu: {
      buildFromTemplate: (template) => ({ template, popup: (options: unknown) => popups.push({ template, options }) }),
      setApplicationMenu: (menu) => menus.push(menu)
    },
    menus,
    popups,
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    webContents: { getAllWebContents: () => BrowserWindowStandIn.all.map((w) => w.webContents) },
    clipboard: {
      text: '',
      html: '',
      async writeText(text: string) {
        this.text = text;
        this.html = '';
      },
      async write(items: ClipboardItemStandIn[]) {
        this.text = items[0]?.items['text/plain'] ?? '';
        this.html = items[0]?.items['text/html'] ?? '';
      }
    },
    ClipboardItem: ClipboardItemStandIn
  };
}

/**
 * Loads the built shell with `require('electron')` answered by `standIn`. Node's loader is asked
 * for that one name only; everything else loads as usual.
 */
export function loadShell(bundle: string, standIn: ElectronStandIn): void {
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    if (request === 'electron') return standIn;
    return original.call(this, request, ...rest);
  };
  try {
    Module.createRequire(__filename)(bundle);
  } finally {
    loader._load = original;
  }
}
