import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../src/shared/contract';
import { parseDeskLink } from '../../src/shared/place-address';
import { BrowserWindowStandIn, electronStandIn, loadShell, type ElectronStandIn } from '../electron-stand-in/electron';
import { writeTestFilm } from '../video-fixtures';

/**
 * The desktop shell as built (`out/main/index.js`), loaded under Node against a recording stand-in
 * for Electron's API (see test/electron-stand-in): the wiring between Electron and the library.
 * No window opens here, and none is reported as opening.
 */

const root = join(__dirname, '..', '..');
const bundle = join(root, 'out', 'main', 'index.js');
const home = mkdtempSync(join(tmpdir(), 'reelnotes-shell-'));
const launchPage = join(home, 'launched.reelfilm');

/** A film page of the smallest valid shape, titled `title`. */
function filmPage(title: string): string {
  return readFileSync(join(root, 'resources', 'films', 'the-red-shoes.txt'), 'utf8').replaceAll('The Red Shoes', title);
}
let electron: ElectronStandIn;
let window: BrowserWindowStandIn;

/** Waits for what the shell does in its own time (Electron's events are not awaited by anyone), and says what failed if it stopped. */
async function until<T>(what: () => T | undefined, label: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const value = what();
    if (value !== undefined) return value;
    const fatal = electron.dialogCalls.find((c) => c.method === 'showErrorBox');
    if (fatal) throw new Error(`The shell stopped: ${JSON.stringify(fatal.args)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`The shell never did this: ${label}`);
}

beforeAll(async () => {
  if (!existsSync(bundle)) throw new Error('Build the app first: npx electron-vite build');
  for (const dir of ['userData', 'logs', 'library', 'documents']) mkdirSync(join(home, dir));
  process.env.REELNOTES_HOME = join(home, 'library');
  electron = electronStandIn({
    userData: join(home, 'userData'),
    logs: join(home, 'logs'),
    appPath: root,
    documents: join(home, 'documents')
  });
  // Launched with a film page and a link on its command line, as a file manager or a browser would.
  writeFileSync(launchPage, filmPage('Launched With The App'));
  const argv = process.argv;
  process.argv = [process.execPath, bundle, '--no-sandbox', launchPage, 'reelnotes://open#film=1&scene=4&t=1:02:03', 'elsewhere.txt'];
  try {
    loadShell(bundle, electron);
  } finally {
    process.argv = argv;
  }
  electron.app.becomeReady();
  window = await until(() => BrowserWindowStandIn.all[0], 'create the window');
  await until(() => window.loaded, 'load the page');
}, 60_000);

afterAll(() => {
  electron?.app.emit('will-quit');
  delete process.env.REELNOTES_HOME;
  rmSync(home, { recursive: true, force: true });
});

const trustedFrame = () => ({ url: window.webContents.url, parent: null });
const invoke = (channel: string, input: unknown, senderFrame: unknown = trustedFrame()) => {
  const bound = electron.handled.filter((h) => h.channel === channel);
  expect(bound, channel).toHaveLength(1);
  return bound[0].handler({ senderFrame, sender: window.webContents }, input) as Promise<{ ok: boolean; result?: any; error?: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
};

describe('the window', () => {
  it('is sandboxed and isolated, loads our page from a file, and never opens an unchecked one', () => {
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true
    });
    expect(window.loaded?.file).toBe(join(root, 'out', 'renderer', 'index.html'));
  });

  it('refuses navigation away from the page and every new window; only http(s) links go to the browser', () => {
    let prevented = 0;
    window.webContents.emit('will-navigate', { preventDefault: () => prevented++ }, 'https://example.com/');
    expect(prevented).toBe(1);
    for (const url of ['https://example.com/a', 'file:///etc/passwd', 'javascript:alert(1)', 'reelnotes://open']) {
      expect(window.webContents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(electron.shellCalls.filter((c) => c.method === 'openExternal').map((c) => c.args[0])).toEqual(['https://example.com/a']);
  });

  it("opens the film's picture alone on its own route of our page, with the page's security, and nothing else", () => {
    const page = window.webContents.url;
    const answer = window.webContents.windowOpenHandler?.({ url: `${page}#/film/1/picture?t=61040&play` }) as {
      action: string;
      overrideBrowserWindowOptions?: { webPreferences?: Record<string, unknown> };
    };
    expect(answer.action).toBe('allow');
    expect(answer.overrideBrowserWindowOptions?.webPreferences).toEqual(window.options.webPreferences);
    for (const url of [
      `${page}#film=1&scene=4`,
      `${page}#/film/1/picture/../../etc`,
      `file:///tmp/elsewhere/index.html#/film/1/picture`,
      `${page}?x=1#/film/1/picture`
    ]) {
      expect(window.webContents.windowOpenHandler?.({ url }), url).toEqual({ action: 'deny' });
    }

    // The window made: it opens nothing, stays on its page, and closes with the desk.
    const picture = new BrowserWindowStandIn({});
    picture.webContents.url = `${page}#/film/1/picture?t=0`;
    window.webContents.emit('did-create-window', picture);
    expect(picture.webContents.windowOpenHandler?.({ url: `${page}#/film/1/picture?t=0` })).toEqual({ action: 'deny' });
    let prevented = 0;
    picture.webContents.emit('will-navigate', { preventDefault: () => prevented++ }, 'https://example.com/');
    expect(prevented).toBe(1);
    window.emit('closed');
    expect(picture.isDestroyed()).toBe(true);
  });
});

describe('the contract over IPC', () => {
  it('binds every contract method once, and nothing else under a contract name', () => {
    const channels = electron.handled.map((h) => h.channel).filter((c) => (methodNames as readonly string[]).includes(c));
    expect([...channels].sort()).toEqual([...methodNames].sort());
  });

  it("answers our own page's top frame, and refuses a frame it embeds or a page from elsewhere", async () => {
    expect(await invoke('films.list', {})).toMatchObject({ ok: true, result: [{ title: 'The Red Shoes' }] });
    for (const frame of [
      { url: window.webContents.url, parent: { url: window.webContents.url } },
      { url: 'https://example.com/', parent: null },
      { url: 'file:///tmp/elsewhere.html', parent: null },
      null
    ]) {
      expect(await invoke('films.list', {}, frame)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('checks every input against the contract', async () => {
    expect(await invoke('films.get', { filmId: 'one' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('every response', () => {
  it('carries the content security policy and nosniff', () => {
    expect(electron.headerHooks).toHaveLength(1);
    let answered: { responseHeaders: Record<string, string[]> } | undefined;
    electron.headerHooks[0]({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r: typeof answered) => (answered = r));
    expect(answered!.responseHeaders['Content-Security-Policy'][0]).toMatch(/default-src 'none'/);
    expect(answered!.responseHeaders['X-Content-Type-Options']).toEqual(['nosniff']);
    expect(answered!.responseHeaders['Content-Type']).toEqual(['text/html']);
  });

  it('refuses every permission a page asks for', () => {
    const answers: boolean[] = [];
    for (const handler of electron.permissionHandlers) handler(window.webContents, 'media', (granted: boolean) => answers.push(granted));
    expect(answers).toEqual([false]);
  });
});

describe('the media scheme', () => {
  const media = (path: string, headers: Record<string, string> = {}) =>
    electron.protocolHandlers.get('media')!(new Request(`media://recording${path}`, { headers }));

  it('is privileged for streaming before the app is ready, and serves recordings by id with Range', async () => {
    expect(electron.privilegedSchemes).toEqual([
      expect.objectContaining({ scheme: 'media', privileges: expect.objectContaining({ stream: true }) })
    ]);
    const recordings = await invoke('recordings.list', { filmId: 1 });
    const id = recordings.result[0].id as number;
    const whole = await media(`/${id}`);
    expect(whole.status).toBe(200);
    const size = Number(whole.headers.get('content-length'));
    const part = await media(`/${id}`, { Range: 'bytes=0-99' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-99/${size}`);
    expect((await part.arrayBuffer()).byteLength).toBe(100);
    const beyond = await media(`/${id}`, { Range: `bytes=${size + 10}-` });
    expect(beyond.status).toBe(416);
    expect((await media('/../../etc/passwd')).status).toBe(404);
  });
});

describe('files and links from the system', () => {
  const opened = () => window.webContents.sent.filter((m) => m.channel === 'desktop:open').map((m) => m.args[0]);

  it("hands the launch's film page and link to the page once it has loaded, in order, and passes the rest over", async () => {
    expect(opened()).toEqual([]);
    window.webContents.emit('did-finish-load');
    expect(opened()).toEqual([
      { kind: 'film-page', path: launchPage },
      { kind: 'link', url: 'reelnotes://open#film=1&scene=4&t=1:02:03' }
    ]);
  });

  it("takes a second launch's file (relative to where it was started) to the window, and brings the window forward", () => {
    const before = window.focused;
    window.minimized = true;
    writeFileSync(join(home, 'second.reelfilm'), filmPage('Second Launch'));
    electron.app.emit('second-instance', {}, ['/opt/Reelnotes/reelnotes', 'second.reelfilm', 'reelnotes://open#scene=3'], home);
    expect(opened().at(-1)).toEqual({ kind: 'film-page', path: join(home, 'second.reelfilm') });
    // A link without a film opens nothing.
    expect(opened()).toHaveLength(3);
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(before + 1);
  });

  it('takes a study pack to the window by its path, as it takes a film page', () => {
    const pack = join(home, 'ballet.reelstudy');
    writeFileSync(pack, 'PK');
    electron.app.emit('second-instance', {}, ['/opt/Reelnotes/reelnotes', pack], home);
    expect(opened().at(-1)).toEqual({ kind: 'study-pack', path: pack });
  });

  it("takes macOS's open-file and open-url events the same way", () => {
    let prevented = 0;
    electron.app.emit('open-file', { preventDefault: () => prevented++ }, launchPage);
    electron.app.emit('open-url', { preventDefault: () => prevented++ }, 'reelnotes://open#film=2');
    expect(prevented).toBe(2);
    expect(opened().slice(-2)).toEqual([
      { kind: 'film-page', path: launchPage },
      { kind: 'link', url: 'reelnotes://open#film=2' }
    ]);
  });

  it('imports a film page by its path through the contract, the bytes never crossing IPC', async () => {
    const imported = await invoke('library.importFilmPageFile', { path: launchPage });
    expect(imported).toMatchObject({ ok: true, result: { film: { title: 'Launched With The App' } } });
    expect(await invoke('library.importFilmPageFile', { path: join(home, 'gone.reelfilm') })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'gone.reelfilm is no longer there.' }
    });
    expect(await invoke('library.importFilmPageFile', { path: 'relative.reelfilm' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' }
    });
  });
});

describe('a library file restored by its path', () => {
  it('is read where it lies and merged, adding nothing the library already holds', async () => {
    const exported = await invoke('library.exportArchive', {});
    const file = join(home, 'documents', 'library.json');
    writeFileSync(file, exported.result.text);
    const restored = await invoke('library.restoreArchiveFile', { path: file, mode: 'merge' });
    expect(restored).toMatchObject({ ok: true, result: { mode: 'merge', added: 0 } });
    expect(restored.result.matched).toBeGreaterThan(0);
    expect(await invoke('library.restoreArchiveFile', { path: join(home, 'nothing.json'), mode: 'merge' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'nothing.json is no longer there.' }
    });
  });
});

describe('the native save dialog', () => {
  const handler = (channel: string) => electron.handled.find((h) => h.channel === channel)!.handler;

  it('writes an export where the save dialog says, suggesting only a file name', async () => {
    const target = join(home, 'documents', 'chosen-name.md');
    electron.dialogAnswers.save = target;
    const saved = await handler('desktop:save-file')(
      { senderFrame: trustedFrame(), sender: window.webContents },
      { fileName: 'study.md', contents: '# Study\n' }
    );
    expect(saved).toEqual({ fileName: 'chosen-name.md' });
    expect(readFileSync(target, 'utf8')).toBe('# Study\n');
    expect(electron.dialogCalls.at(-1)!.args.at(-1)).toEqual({ defaultPath: join(home, 'documents', 'study.md') });
    await expect(
      handler('desktop:save-file')({ senderFrame: trustedFrame(), sender: window.webContents }, { fileName: '../../etc/x', contents: '' })
    ).rejects.toThrow(/A file name, not a path/);
  });

  it('writes a picture the page drew (the timeline as PNG) byte for byte, never as text', async () => {
    const target = join(home, 'documents', 'timeline.png');
    electron.dialogAnswers.save = target;
    // A PNG's signature and bytes that are not UTF-8: written as text, they would change.
    const picture = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00, 0x80]);
    const saved = await handler('desktop:save-file')(
      { senderFrame: trustedFrame(), sender: window.webContents },
      { fileName: 'The Red Shoes timeline 00.00.00.png', contents: picture }
    );
    expect(saved).toEqual({ fileName: 'timeline.png' });
    expect(readFileSync(target).equals(Buffer.from(picture))).toBe(true);
    await expect(
      handler('desktop:save-file')(
        { senderFrame: trustedFrame(), sender: window.webContents },
        { fileName: 'x.png', contents: [0x89, 0x50] }
      )
    ).rejects.toThrow();
  });

  it("saves the film's study where the dialog says, its frame grabs in frames/ beside it, read from the library by the shell", async () => {
    const film = writeTestFilm(home, 'film.mp4', 1);
    const still = join(home, 'still.png');
    execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', film, '-frames:v', '1', still]);
    expect(await invoke('video.attach', { filmId: 1, path: film })).toMatchObject({ ok: true });
    const grab = await invoke('frames.grab', { filmId: 1, timeMs: 0, png: readFileSync(still).toString('base64') });
    await invoke('notes.create', { target: { kind: 'film', id: 1 }, body: `The first frame: ${grab.result.markdown}` });
    const target = join(home, 'documents', 'chosen', 'red shoes.md');
    mkdirSync(join(home, 'documents', 'chosen'));
    electron.dialogAnswers.save = target;
    const saved = await handler('desktop:save-study')({ senderFrame: trustedFrame(), sender: window.webContents }, { filmId: 1 });
    expect(saved).toEqual({ fileName: 'red shoes.md', frames: 1 });
    expect(electron.dialogCalls.at(-1)!.args.at(-1)).toMatchObject({ defaultPath: join(home, 'documents', 'the-red-shoes.md') });
    expect(readFileSync(target, 'utf8')).toContain(`![*The Red Shoes* (1948), 00:00:00](frames/${grab.result.sha256}.png)`);
    expect(readFileSync(join(home, 'documents', 'chosen', 'frames', `${grab.result.sha256}.png`)).equals(readFileSync(still))).toBe(true);
    electron.dialogAnswers.save = undefined;
    expect(await handler('desktop:save-study')({ senderFrame: trustedFrame(), sender: window.webContents }, { filmId: 1 })).toBeNull();
    await expect(
      handler('desktop:save-study')({ senderFrame: trustedFrame(), sender: window.webContents }, { filmId: 'the red shoes' })
    ).rejects.toThrow();
  });

  it('refuses a frame that is not our page', async () => {
    const foreign = { senderFrame: { url: 'https://example.com/', parent: null }, sender: window.webContents };
    await expect(handler('desktop:save-file')(foreign, { fileName: 'a.md', contents: 'x' })).rejects.toThrow(/may not/);
    await expect(handler('desktop:save-study')(foreign, { filmId: 1 })).rejects.toThrow(/may not/);
  });
});

describe('the essay printed to PDF', () => {
  const print = (input: unknown, senderFrame: unknown = trustedFrame()) =>
    electron.handled.find((h) => h.channel === 'desktop:print-pdf')!.handler({ senderFrame, sender: window.webContents }, input);

  it('prints the essay in a hidden window that runs no script, at A4, and writes the PDF where the dialog says', async () => {
    const target = join(home, 'documents', 'my essay.pdf');
    electron.dialogAnswers.save = target;
    const html = '<!DOCTYPE html><title>Study</title><h2>1. The Audition</h2>';
    expect(await print({ fileName: 'the-red-shoes-study.pdf', html })).toEqual({ fileName: 'my essay.pdf' });
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7 stand-in\n');
    const printer = BrowserWindowStandIn.all.at(-1)!;
    expect(printer).not.toBe(window);
    expect(printer.options).toMatchObject({
      show: false,
      webPreferences: { partition: 'essay-print', javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false }
    });
    expect(printer.webContents.printed).toEqual([
      { options: { pageSize: 'A4', printBackground: true, preferCSSPageSize: true }, page: html }
    ]);
    // The window is gone and so is the page it printed from.
    expect(printer.isDestroyed()).toBe(true);
    expect(existsSync(printer.loaded!.file!)).toBe(false);
    // Its session is its own, and asks for nothing either.
    const partition = electron.partitions.find((p) => p.name === 'essay-print')!;
    const answers: boolean[] = [];
    for (const handler of partition.permissionHandlers) handler(printer.webContents, 'media', (granted: boolean) => answers.push(granted));
    expect(answers).toEqual([false]);
  });

  it('prints nothing when the person cancels, and refuses a path or a foreign frame', async () => {
    electron.dialogAnswers.save = undefined;
    const windows = BrowserWindowStandIn.all.length;
    expect(await print({ fileName: 'study.pdf', html: '<p>x</p>' })).toBeNull();
    expect(BrowserWindowStandIn.all).toHaveLength(windows);
    await expect(print({ fileName: '../study.pdf', html: '' })).rejects.toThrow(/A PDF file name, not a path/);
    await expect(print({ fileName: 'study.pdf', html: '' }, { url: 'https://example.com/', parent: null })).rejects.toThrow(/may not/);
  });
});

describe('the log', () => {
  const logText = () => (existsSync(join(home, 'logs', 'main.log')) ? readFileSync(join(home, 'logs', 'main.log'), 'utf8') : '');

  it('is a file in the logs folder, from the start', async () => {
    await until(() => (logText().includes('opened the library') ? true : undefined), 'log the start');
  });

  it('records a crash of the page and tells the person once, with the way to the log, and reloads the page', async () => {
    const dialogs = () => electron.dialogCalls.filter((c) => c.method === 'showMessageBox');
    const before = dialogs().length;
    window.loaded = undefined;
    electron.dialogAnswers.messageBox = 1; // "Reveal Log"
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    await until(() => (logText().includes('crashed, exit code 139') ? true : undefined), 'log the crash');
    await until(() => (dialogs().length === before + 1 ? true : undefined), 'tell the person');
    expect(JSON.stringify(dialogs().at(-1)!.args)).toContain(join(home, 'logs', 'main.log'));
    await until(() => electron.shellCalls.find((c) => c.method === 'showItemInFolder'), 'reveal the log');
    expect((window.loaded as { file?: string } | undefined)?.file).toBe(join(root, 'out', 'renderer', 'index.html'));
    window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 5 });
    await until(() => (logText().includes('oom, exit code 5') ? true : undefined), 'log the second crash');
    expect(dialogs()).toHaveLength(before + 1);
  });
});

describe('the context menu', () => {
  const params = {
    isEditable: true,
    selectionText: '',
    misspelledWord: '',
    dictionarySuggestions: [] as string[],
    editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true }
  };
  type Item = { label?: string; role?: string; enabled?: boolean; click?: () => void };
  const popUp = (p: typeof params) => {
    const before = electron.popups.length;
    window.webContents.emit('context-menu', {}, p);
    return electron.popups.length > before ? (electron.popups.at(-1)!.template as Item[]) : undefined;
  };

  it("offers a misspelled word's suggestions and Add to Dictionary in a text field, then the edit commands it allows", () => {
    const items = popUp({
      ...params,
      misspelledWord: 'baleet',
      dictionarySuggestions: ['ballet', 'bullet'],
      editFlags: { ...params.editFlags, canCopy: true }
    })!;
    expect(items.map((i) => i.label ?? i.role)).toEqual([
      'ballet',
      'bullet',
      undefined,
      'Add “baleet” to Dictionary',
      undefined,
      'cut',
      'copy',
      'paste',
      undefined,
      'selectAll'
    ]);
    expect(items.filter((i) => i.role).map((i) => [i.role, i.enabled])).toEqual([
      ['cut', false],
      ['copy', true],
      ['paste', true],
      ['selectAll', true]
    ]);
    items[0].click!();
    items[3].click!();
    expect(window.webContents.replaced).toEqual(['ballet']);
    expect(window.webContents.session.dictionary).toEqual(['baleet']);
  });

  it('offers Copy for selected text outside a field, and the link to the place shown, which opens it again', () => {
    expect(popUp({ ...params, isEditable: false, selectionText: 'The Red Shoes' })!.map((i) => i.role ?? i.label)).toEqual([
      'copy',
      undefined,
      'Copy Link to This Place'
    ]);
    window.webContents.url = `${window.webContents.url.split('#')[0]}#film=1&view=scenes&scene=4&note=12`;
    const items = popUp({ ...params, isEditable: false, selectionText: '  ' })!;
    expect(items.map((i) => i.label)).toEqual(['Copy Link to This Place']);
    items[0].click!();
    expect(electron.clipboard.text).toBe('reelnotes://open#film=1&view=scenes&scene=4&note=12');
    expect(parseDeskLink(electron.clipboard.text)?.place).toEqual({ filmId: 1, view: 'scenes', sceneId: 4, noteId: 12 });
  });
});

describe("a note's or a scene's menu, asked for by the page", () => {
  type Item = { label?: string; role?: string; click?: () => void };
  const handler = (channel: string) => electron.handled.find((h) => h.channel === channel)!.handler;
  /** Asks for the menu as the page does, then lets the person pick (or close it without a choice). */
  const showMenu = async (input: unknown, pick: (items: Item[]) => Item | undefined) => {
    const before = electron.popups.length;
    const choice = handler('desktop:item-menu')({ senderFrame: trustedFrame(), sender: window.webContents }, input) as Promise<unknown>;
    const popup = await until(() => electron.popups[before], 'show the menu');
    const items = popup.template as Item[];
    const picked = pick(items);
    if (picked) picked.click!();
    (popup.options as { callback: () => void }).callback();
    return { items, choice: await choice };
  };
  const link = 'reelnotes://open#film=1&view=scenes&scene=2&note=7&t=65';

  it("copies a note's link, with Copy first when text is selected", async () => {
    const { items, choice } = await showMenu({ target: { kind: 'note', id: 7 }, link, hasSelection: true }, (items) =>
      items.find((i) => i.label === 'Copy Link to This Note')
    );
    expect(items.map((i) => i.role ?? i.label)).toEqual(['copy', undefined, 'Copy Link to This Note', 'Copy Citation of This Note']);
    expect(choice).toEqual({ copied: 'link', link });
    expect(electron.clipboard.text).toBe(link);
  });

  it("copies a scene's citation as the library makes it, as HTML and as text", async () => {
    const scene = (await invoke('scenes.list', { filmId: 1 })).result[1] as { id: number; title: string };
    const link2 = `reelnotes://open#film=1&view=scenes&scene=${scene.id}`;
    const { items, choice } = await showMenu({ target: { kind: 'scene', id: scene.id }, link: link2, hasSelection: false }, (items) =>
      items.find((i) => i.label === 'Copy Citation of This Scene')
    );
    expect(items.map((i) => i.label)).toEqual(['Copy Link to This Scene', 'Copy Citation of This Scene']);
    const cited = await invoke('exchange.cite', { target: { kind: 'scene', id: scene.id } });
    expect(choice).toEqual({ copied: 'citation', outcome: cited });
    expect(electron.clipboard.text).toBe(cited.result.text);
    expect(electron.clipboard.text).toContain(scene.title);
    expect(electron.clipboard.html).toBe(cited.result.html);
  });

  it('answers nothing copied when the menu is closed without a choice, and a citation refused when the item is gone', async () => {
    electron.clipboard.text = 'kept';
    expect((await showMenu({ target: { kind: 'note', id: 7 }, link, hasSelection: false }, () => undefined)).choice).toEqual({
      copied: null
    });
    expect(electron.clipboard.text).toBe('kept');
    const gone = await showMenu({ target: { kind: 'note', id: 999_999 }, link, hasSelection: false }, (items) => items[1]);
    expect(gone.choice).toMatchObject({ copied: 'citation', outcome: { ok: false, error: { code: 'NOT_FOUND' } } });
    expect(electron.clipboard.text).toBe('kept');
  });

  it('refuses what is not an item and its link, and a frame that is not our page', async () => {
    const ask = (input: unknown, senderFrame: unknown = trustedFrame()) =>
      handler('desktop:item-menu')({ senderFrame, sender: window.webContents }, input) as Promise<unknown>;
    await expect(ask({ target: { kind: 'note', id: 7 }, link: 'https://example.com/', hasSelection: false })).rejects.toThrow(
      /reelnotes:\/\/ link/
    );
    await expect(ask({ target: { kind: 'cue', id: 7 }, link, hasSelection: false })).rejects.toThrow();
    await expect(
      ask({ target: { kind: 'note', id: 7 }, link, hasSelection: false }, { url: 'https://example.com/', parent: null })
    ).rejects.toThrow(/may not/);
  });
});
