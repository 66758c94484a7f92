import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { writeTestFilm } from '../../test/video-fixtures';
import { expect, test, type WebHost } from '../web-host';

/**
 * A link's film time (`t=`, as in `reelnotes://open#film=1&scene=4&t=0:05`) goes to the film even when
 * its picture is not on the desk yet: the film is opened, its video fetched and its metadata loaded,
 * then the picture is sought. The page's own address takes the link's fields, through the same code
 * the desktop app runs for a `reelnotes://` link (films/desk-link.ts).
 */

const FRAME_MS = 40;
let dir: string;
let film: string;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reelnotes-desk-link-'));
  film = writeTestFilm(dir, 'film.mp4', 8);
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pane = (page: Page) => page.getByRole('region', { name: 'Film picture' });
const positionMs = async (page: Page) =>
  Number(await pane(page).getByRole('timer', { name: 'Film time' }).getAttribute('data-position-ms'));

async function pictureAt(page: Page, ms: number): Promise<void> {
  await expect
    .poll(async () => Math.abs((await positionMs(page)) - ms), { message: `the picture at ${ms} ms`, timeout: 20_000 })
    .toBeLessThanOrEqual(FRAME_MS);
  // The picture itself, not only the clock: the video element stands at that time.
  const videoMs = await pane(page)
    .locator('video')
    .evaluate((video: HTMLVideoElement) => video.currentTime * 1000);
  expect(Math.abs(videoMs - ms)).toBeLessThanOrEqual(FRAME_MS);
}

async function attachFilm(host: WebHost): Promise<void> {
  const attached = await host.call('video.attach', { filmId: 1, path: film });
  expect(attached.ok, JSON.stringify(attached)).toBe(true);
}

test('a page opened on a link with a film time shows the picture at that time, once its video has loaded', async ({ page, host }) => {
  await attachFilm(host);
  await page.goto(`${host.url}#film=1&view=scenes&t=0:05`);
  await pictureAt(page, 5_000);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Red Shoes');
  // Followed once: the time leaves the address, so a reload does not seek again.
  await expect.poll(() => new URL(page.url()).hash).toBe('#film=1&view=scenes');
  await page.screenshot({ path: test.info().outputPath('desk-link-opened.png') });
});

test('a link to another film with a time opens that film, waits for its picture, then seeks it', async ({ page, host }) => {
  // A second film without a picture is on the desk when the link comes.
  const page2 = readFileSync(join(__dirname, '..', '..', 'resources', 'films', 'the-red-shoes.txt'), 'utf8').replaceAll(
    'The Red Shoes',
    'Black Narcissus'
  );
  const imported = await host.call<{ film: { id: number } }>('library.importFilmPage', { fileName: 'black-narcissus.txt', text: page2 });
  expect(imported.ok, JSON.stringify(imported)).toBe(true);
  await attachFilm(host);
  await page.goto(`${host.url}#film=${imported.result!.film.id}&view=scenes`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Black Narcissus');
  await expect(pane(page).locator('video')).toHaveCount(0);

  await page.evaluate(() => (window.location.hash = '#film=1&view=scenes&t=0:06.50'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Red Shoes');
  await pictureAt(page, 6_500);
  // Back goes to the film the person was on, without the time.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Black Narcissus');
});
