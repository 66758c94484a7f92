import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

import { electronExecutable } from '../../scripts/electron-runtime.cjs';

const binary = electronExecutable();

test.describe('desktop shell', () => {
  test.skip(
    !binary,
    'The Electron runtime is not installed here (it cannot be downloaded on this machine); the browser-host specs cover the renderer and library.'
  );

  test('the window opens on the default film', async () => {
    const home = mkdtempSync(join(tmpdir(), 'reelnotes-electron-'));
    const app = await electron.launch({
      executablePath: binary,
      args: [join(__dirname, '..', '..', 'out', 'main', 'index.js')],
      env: { ...process.env, REELNOTES_HOME: home }
    });
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { level: 1 })).toHaveText('The Red Shoes');
      await expect(window.getByRole('option')).toHaveCount(9);
      // Sandboxed and isolated: the page sees the named library functions and no Node at all.
      const page = await window.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        bridge: typeof (globalThis as { reelnotes?: Record<string, unknown> }).reelnotes?.['films.list'],
        ipc: typeof (globalThis as { ipcRenderer?: unknown }).ipcRenderer
      }));
      expect(page).toEqual({ require: 'undefined', process: 'undefined', bridge: 'function', ipc: 'undefined' });
    } finally {
      await app.close();
      rmSync(home, { recursive: true, force: true });
    }
  });
});
