import { copyFileSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { makeVideoFixtures, type VideoFixtures } from '../../test/video-fixtures';
import { expect, test, type WebHost } from '../web-host';

let films: VideoFixtures;
test.beforeAll(() => {
  films = makeVideoFixtures(6);
});
test.afterAll(() => films.remove());

const pane = (page: Page) => page.getByRole('region', { name: 'Film picture' });
const filmTime = (page: Page) => pane(page).getByRole('timer', { name: 'Film time' });
const positionMs = async (page: Page) => Number(await filmTime(page).getAttribute('data-position-ms'));

async function attachThroughThePane(page: Page, path: string): Promise<void> {
  await pane(page).getByLabel('Path of your copy of the film on this computer').fill(path);
  await pane(page).getByRole('button', { name: 'Attach film' }).click();
}

/** Plays the film from the pane's transport and waits for its clock to pass a second of film time. */
async function playsAndAdvances(page: Page): Promise<void> {
  await expect(pane(page).locator('video')).toHaveJSProperty('readyState', 4, { timeout: 20_000 });
  await pane(page).getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => positionMs(page), { timeout: 20_000 }).toBeGreaterThan(1000);
  await pane(page).getByRole('button', { name: 'Pause' }).click();
  await expect(pane(page).getByRole('button', { name: 'Play' })).toBeVisible();
}

const attachedPath = async (host: WebHost) => (await host.call<{ path: string } | null>('video.get', { filmId: 1 })).result?.path ?? null;

for (const [name, file, facts] of [
  ['H.264/AAC MP4', () => films.mp4, /MP4 · AVC 320×180 · 25 fps · sound AAC 1 ch/],
  ['VP9/Opus WebM', () => films.webm, /WebM · VP9 320×180 · 25 fps · sound OPUS 1 ch/],
  ['H.264 with AC-3 sound in Matroska', () => films.ac3Mkv, /Matroska · AVC 320×180 · 25 fps · sound AC3 2 ch/]
] as const) {
  test(`attach ${name} by its path: the picture plays and its time advances`, async ({ page, host }) => {
    await page.goto(host.url);
    await attachThroughThePane(page, file());
    await expect(pane(page).getByText(facts)).toBeVisible();
    await playsAndAdvances(page);
    expect(await attachedPath(host)).toBe(file());
    if (name.includes('AC-3')) {
      await expect(pane(page).getByText('Its sound is AC-3 (Dolby Digital), which Chromium cannot play')).toBeVisible();
    }
    await page.screenshot({ path: test.info().outputPath('film-pane.png') });
  });
}

for (const [name, file, message] of [
  ['HEVC', () => films.hevcMp4, 'film-hevc.mp4: its picture is HEVC (H.265), which Chromium (and so Reelnotes) cannot decode'],
  ['a file cut short', () => films.truncatedMp4, 'film-cut.mp4: the file is cut short'],
  ['text named .mp4', () => films.textAsMp4, 'notes.mp4: this is not a film file Reelnotes can read']
] as const) {
  test(`${name} is refused with its message, and the library is unchanged`, async ({ page, host }) => {
    await page.goto(host.url);
    await attachThroughThePane(page, file());
    await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
    expect(await attachedPath(host)).toBeNull();
    await expect(pane(page).locator('video')).toHaveCount(0);
  });
}

test('a moved film is found missing, relinked by its new place, and plays again', async ({ page, host }) => {
  const folder = mkdtempSync(join(tmpdir(), 'reelnotes-films-'));
  try {
    const first = join(folder, 'the-red-shoes.mp4');
    const moved = join(folder, 'red-shoes-1948.mp4');
    copyFileSync(films.mp4, first);
    expect((await host.call('video.attach', { filmId: 1, path: first })).ok).toBe(true);
    renameSync(first, moved);
    await page.goto(host.url);
    await expect(
      pane(page)
        .getByRole('status')
        .filter({ hasText: `The film is missing: there is no file at ${first}` })
    ).toBeVisible();
    await expect(pane(page).locator('video')).toHaveCount(0);
    await pane(page).getByLabel('Where the film is now').fill(moved);
    await pane(page).getByRole('button', { name: 'Relink film' }).click();
    await playsAndAdvances(page);
    expect(await attachedPath(host)).toBe(moved);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
