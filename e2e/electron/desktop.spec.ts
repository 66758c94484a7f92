import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';

import { electronExecutable } from '../../scripts/electron-runtime.cjs';
import { writeTestFilm } from '../../test/video-fixtures';

const binary = electronExecutable();
const main = join(__dirname, '..', '..', 'out', 'main', 'index.js');
const redShoes = readFileSync(join(__dirname, '..', '..', 'resources', 'films', 'the-red-shoes.txt'), 'utf8');

/** A library folder and a user-data folder of its own (the single-instance lock lives in user data). */
function tempApp() {
  const dir = mkdtempSync(join(tmpdir(), 'reelnotes-electron-'));
  const filmPage = (title: string) => {
    const path = join(dir, `${title.toLowerCase().replaceAll(' ', '-')}.reelfilm`);
    writeFileSync(path, redShoes.replaceAll('The Red Shoes', title));
    return path;
  };
  return {
    dir,
    args: [`--user-data-dir=${join(dir, 'user-data')}`],
    env: { ...process.env, REELNOTES_HOME: join(dir, 'library') },
    filmPage
  };
}

async function launch(setup: ReturnType<typeof tempApp>, ...extra: string[]): Promise<ElectronApplication> {
  return electron.launch({ executablePath: binary, args: [main, ...setup.args, ...extra], env: setup.env });
}

/** A second launch of the app, as a file manager or a browser starts it: it hands its command line to the first and quits. */
function secondLaunch(setup: ReturnType<typeof tempApp>, ...extra: string[]): Promise<number | null> {
  const child = spawn(binary!, [main, ...setup.args, ...extra], { env: setup.env, stdio: 'ignore' });
  return new Promise((resolve) => child.once('exit', resolve));
}

test.describe('desktop shell', () => {
  test.skip(
    !binary,
    'The Electron runtime is not installed here (it cannot be downloaded on this machine); the browser-host specs cover the renderer and library, and test/unit/desktop-shell.test.ts the built shell against a stand-in for Electron.'
  );

  test('the window opens on the default film', async () => {
    const setup = tempApp();
    const app = await launch(setup);
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { level: 1 })).toHaveText('The Red Shoes');
      await expect(window.getByRole('option')).toHaveCount(9);
      await expect(window).toHaveTitle('The Red Shoes — Reelnotes');
      // Sandboxed and isolated: the page sees the named library functions and no Node at all.
      const page = await window.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        bridge: typeof (globalThis as { reelnotes?: Record<string, unknown> }).reelnotes?.['films.list'],
        ipc: typeof (globalThis as { ipcRenderer?: unknown }).ipcRenderer
      }));
      expect(page).toEqual({ require: 'undefined', process: 'undefined', bridge: 'function', ipc: 'undefined' });
      await window.screenshot({ path: test.info().outputPath('electron-first-window.png') });
    } finally {
      await app.close();
      rmSync(setup.dir, { recursive: true, force: true });
    }
  });

  test('a film page given on the command line is imported by its path and opened', async () => {
    const setup = tempApp();
    const app = await launch(setup, setup.filmPage('The Archers Page'));
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { level: 1 })).toHaveText('The Archers Page');
    } finally {
      await app.close();
      rmSync(setup.dir, { recursive: true, force: true });
    }
  });

  test('a second launch hands its film page and its reelnotes:// link to the first window', async () => {
    const setup = tempApp();
    const app = await launch(setup);
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { level: 1 })).toHaveText('The Red Shoes');
      expect(await secondLaunch(setup, setup.filmPage('Second Launch'))).toBe(0);
      await expect(window.getByRole('heading', { level: 1 })).toHaveText('Second Launch');
      expect(await secondLaunch(setup, 'reelnotes://open#film=1&view=trash')).toBe(0);
      await expect(window.getByRole('heading', { level: 1 })).toHaveText('The Red Shoes');
      await expect(window.getByRole('tab', { name: 'Trash' })).toHaveAttribute('aria-selected', 'true');
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
      rmSync(setup.dir, { recursive: true, force: true });
    }
  });

  test('a label file is taken by its path: the library reads it where it lies', async () => {
    const setup = tempApp();
    const app = await launch(setup);
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { level: 1 })).toHaveText('The Red Shoes');
      const labels = join(setup.dir, 'ballet labels.txt');
      writeFileSync(labels, '1.5\t9.25\tShoes theme\n');
      const outcome = await window.evaluate(
        (path) =>
          (globalThis as unknown as { reelnotes: Record<string, (input: unknown) => Promise<unknown>> }).reelnotes['cues.importFile']({
            trackId: 1,
            format: 'audacity',
            path
          }),
        labels
      );
      expect(outcome).toEqual({ ok: true, result: { added: 1 } });
    } finally {
      await app.close();
      rmSync(setup.dir, { recursive: true, force: true });
    }
  });

  test('View › All Annotations, chosen in the menu, switches the view', async () => {
    const setup = tempApp();
    const app = await launch(setup);
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { level: 1 })).toHaveText('The Red Shoes');
      await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('view-annotations')?.click());
      await expect(window.getByRole('tab', { name: 'All annotations' })).toHaveAttribute('aria-selected', 'true');
      const help = await app.evaluate(({ Menu }) =>
        Menu.getApplicationMenu()
          ?.items.find((i) => i.label.replace('&', '') === 'Help')
          ?.submenu?.items.map((i) => i.label)
      );
      expect(help).toEqual(['About Reelnotes', 'Reveal Log']);
    } finally {
      await app.close();
      rmSync(setup.dir, { recursive: true, force: true });
    }
  });

  test('the context menu of a text field offers spelling suggestions and the edit commands', async () => {
    const setup = tempApp();
    const app = await launch(setup);
    try {
      const window = await app.firstWindow();
      // Record the menus built in the main process (a popup menu cannot be read from the page).
      await app.evaluate((electronModule) => {
        const built: string[][] = [];
        (globalThis as { builtMenus?: string[][] }).builtMenus = built;
        const build = electronModule.Menu.buildFromTemplate.bind(electronModule.Menu);
        electronModule.Menu.buildFromTemplate = (template) => {
          built.push(template.map((item) => item.label ?? item.role ?? '-'));
          return build(template);
        };
      });
      const search = window.getByRole('combobox', { name: 'Search scenes, notes, lines and cues' });
      await search.fill('balet');
      await search.click({ button: 'right', position: { x: 10, y: 5 } });
      await expect
        .poll(() => app.evaluate(() => (globalThis as { builtMenus?: string[][] }).builtMenus?.at(-1)))
        .toEqual(expect.arrayContaining(['Add “balet” to Dictionary', 'cut', 'copy', 'paste', 'selectAll']));
    } finally {
      await app.close();
      rmSync(setup.dir, { recursive: true, force: true });
    }
  });

  test("a scene's menu copies its link and its citation to the system clipboard", async () => {
    const setup = tempApp();
    const app = await launch(setup);
    try {
      const window = await app.firstWindow();
      await window.getByRole('option', { name: /The Audition/ }).click();
      // Record the menus built in the main process and click the item asked for (a popup cannot be clicked from the page).
      await app.evaluate((electronModule) => {
        const build = electronModule.Menu.buildFromTemplate.bind(electronModule.Menu);
        electronModule.Menu.buildFromTemplate = (template) => {
          const menu = build(template);
          menu.popup = (options) => {
            const wanted = (globalThis as { pick?: string }).pick;
            template.find((item) => item.label === wanted)?.click?.(undefined as never, undefined, undefined as never);
            options?.callback?.();
          };
          return menu;
        };
      });
      const heading = window.getByRole('heading', { name: 'The Audition', level: 2 });
      await app.evaluate(() => ((globalThis as { pick?: string }).pick = 'Copy Link to This Scene'));
      await heading.click({ button: 'right' });
      await expect
        .poll(() => app.evaluate(({ clipboard }) => clipboard.readText()))
        .toMatch(/^reelnotes:\/\/open#film=1&view=scenes&scene=\d+$/);
      await app.evaluate(() => ((globalThis as { pick?: string }).pick = 'Copy Citation of This Scene'));
      await heading.click({ button: 'right' });
      await expect.poll(() => app.evaluate(({ clipboard }) => clipboard.readText())).toBe('The Red Shoes, scene 1, “The Audition.”');
      await expect(window.getByText(/Copied the Chicago citation/)).toBeVisible();
    } finally {
      await app.close();
      rmSync(setup.dir, { recursive: true, force: true });
    }
  });
  test("the film's picture opens in its own window, sandboxed like the desk, and comes back to the desk when it closes", async () => {
    const setup = tempApp();
    const film = writeTestFilm(setup.dir, 'film.mp4', 6);
    const app = await launch(setup);
    try {
      const window = await app.firstWindow();
      const pane = window.getByRole('region', { name: 'Film picture' });
      await pane.getByLabel('Path of your copy of the film on this computer').fill(film);
      await pane.getByRole('button', { name: 'Attach film' }).click();
      await expect(pane.locator('video')).toHaveJSProperty('readyState', 4, { timeout: 20_000 });
      const opening = app.waitForEvent('window');
      await pane.getByRole('button', { name: 'Picture in its own window' }).click();
      const picture = await opening;
      await expect(picture.getByRole('main', { name: 'Film picture' }).locator('video')).toHaveJSProperty('readyState', 4, {
        timeout: 20_000
      });
      const page = await picture.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        bridge: typeof (globalThis as { reelnotes?: Record<string, unknown> }).reelnotes?.['video.get']
      }));
      expect(page).toEqual({ require: 'undefined', bridge: 'function' });
      await expect(pane.getByText('The picture is in its own window.')).toBeVisible();
      await picture.close();
      await expect(pane.locator('video')).toHaveJSProperty('readyState', 4, { timeout: 20_000 });
    } finally {
      await app.close();
      rmSync(setup.dir, { recursive: true, force: true });
    }
  });
});
