import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { writeTestFilm } from '../../test/video-fixtures';
import { expect, test } from '../web-host';

/**
 * The desktop app takes the film from the system's open dialog by its path. No Electron window can
 * open here, so the page runs in Chromium with a stand-in for the one preload function this needs,
 * `pathForFile` (Electron's webUtils.getPathForFile): it answers where the test put the file, as
 * Electron answers where the person's file lies. The rest (the picker, the contract call by path,
 * the library's probe of the real file) is the app's own.
 */
let dir: string;
let film: string;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reelnotes-film-dialog-'));
  film = writeTestFilm(dir, 'film.mp4', 2);
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function asDesktop(page: Page, folderOf: () => string): Promise<void> {
  await page.addInitScript((folder) => {
    const none = () => () => undefined;
    Object.assign(window, {
      reelnotesDesktop: { pathForFile: (file: File) => `${folder}/${file.name}`, onMenuCommand: none, onOpen: none }
    });
  }, folderOf());
}

const picture = (page: Page) => page.getByRole('region', { name: 'Film picture' });

test('in the desktop app the film is chosen in the open dialog and attached by its path, then found again when moved', async ({
  page,
  host
}) => {
  await asDesktop(page, () => dir);
  await page.goto(host.url);
  await expect(picture(page).getByRole('button', { name: 'Choose the film file…' })).toBeVisible();
  await page.setViewportSize({ width: 1024, height: 700 });
  await picture(page).screenshot({ path: test.info().outputPath('film-file-choose-1024x700.png') });
  await page.getByTestId('film-file-input').setInputFiles(film);
  await expect(picture(page).locator('video')).toHaveJSProperty('readyState', 4, { timeout: 20_000 });
  expect((await host.call<{ path: string }>('video.get', { filmId: 1 })).result?.path).toBe(film);
  await page.screenshot({ path: test.info().outputPath('film-chosen-in-dialog.png') });

  // Moved to another folder: found missing, and found again by choosing it where it is now.
  const elsewhere = mkdtempSync(join(dir, 'moved-'));
  renameSync(film, join(elsewhere, 'film.mp4'));
  try {
    const moved = await page.context().newPage();
    await asDesktop(moved, () => elsewhere);
    await moved.goto(host.url);
    await expect(picture(moved).getByRole('status').filter({ hasText: 'The film is missing' })).toBeVisible();
    await moved.getByTestId('film-file-input').setInputFiles(join(elsewhere, 'film.mp4'));
    await expect(picture(moved).locator('video')).toHaveJSProperty('readyState', 4, { timeout: 20_000 });
    expect((await host.call<{ path: string; status: string }>('video.get', { filmId: 1 })).result).toMatchObject({
      path: join(elsewhere, 'film.mp4'),
      status: 'ready'
    });
  } finally {
    renameSync(join(elsewhere, 'film.mp4'), film);
  }
});

test('the browser host, whose page cannot know where a file lies, offers the typed path only', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(picture(page).getByLabel('Path of your copy of the film on this computer')).toBeVisible();
  await expect(picture(page).getByRole('button', { name: 'Choose the film file…' })).toHaveCount(0);
});
