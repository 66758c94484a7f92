import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { writeTestFilm } from '../../test/video-fixtures';
import { expect, test, type WebHost } from '../web-host';

/**
 * The film's picture in its own window, in the browser host: window.open on the page's own origin and
 * the picture's route, the two windows in step through a BroadcastChannel. The picture window owns the
 * film's clock; the desk drives it and shows its time. A generated 25 fps film, a minute long (long enough
 * not to end while a loaded machine plays it).
 */

const FRAME_S = 0.04;
let folder: string;
let film: string;
test.beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'reelnotes-film-window-'));
  film = writeTestFilm(folder, 'film.mp4', 60);
});
test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

const pane = (page: Page) => page.getByRole('region', { name: 'Film picture' });
const deskTime = async (page: Page) => Number(await pane(page).getByRole('timer', { name: 'Film time' }).getAttribute('data-position-ms'));
const currentTime = (video: Locator) => video.evaluate((element: HTMLVideoElement) => element.currentTime);
/** The frame shown (a step puts the picture in the middle of its frame). */
const frameShown = async (video: Locator) => Math.floor((await currentTime(video)) / FRAME_S + 1e-3);

async function openWithFilm(page: Page, host: WebHost): Promise<void> {
  const attached = await host.call('video.attach', { filmId: 1, path: film });
  expect(attached.ok, JSON.stringify(attached)).toBe(true);
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(host.url);
  await expect(pane(page).locator('video')).toHaveJSProperty('readyState', 4, { timeout: 20_000 });
}

/** The picture's window, once it has opened and its picture can play. */
async function pictureWindow(page: Page, open: () => Promise<void>): Promise<{ window: Page; video: Locator }> {
  const opening = page.waitForEvent('popup');
  await open();
  const window = await opening;
  await window.setViewportSize({ width: 960, height: 600 });
  const video = window.getByRole('main', { name: 'Film picture' }).locator('video');
  await expect(video).toHaveJSProperty('readyState', 4, { timeout: 20_000 });
  // The desk hears from it: its own picture has given way, its transport drives the window.
  await expect(pane(page).getByText('The picture is in its own window.')).toBeVisible();
  await expect(pane(page).locator('video')).toHaveCount(0);
  return { window, video };
}

test('⧉ opens the playing picture in its own window at its time; the desk drives it and follows its clock; closing it brings the picture back there', async ({
  page,
  host
}) => {
  test.slow();
  const scene = (await host.call<{ id: number; title: string }[]>('scenes.list', { filmId: 1 })).result!.find(
    (s) => s.title === 'The Audition'
  )!;
  expect((await host.call('scenes.setSpan', { sceneId: scene.id, startMs: 12_000, endMs: 15_000 })).ok).toBe(true);
  await openWithFilm(page, host);

  // Playing on the desk, a second in.
  await pane(page).getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => deskTime(page), { timeout: 20_000 }).toBeGreaterThan(1000);
  const { window, video } = await pictureWindow(page, () => pane(page).getByRole('button', { name: 'Picture in its own window' }).click());

  // It goes on playing from where the desk was, and its time is the desk's clock.
  await expect(video).toHaveJSProperty('paused', false);
  const opened = await currentTime(video);
  expect(opened).toBeGreaterThan(1);
  await expect.poll(() => currentTime(video), { timeout: 20_000 }).toBeGreaterThan(opened + 0.5);
  await expect.poll(() => deskTime(page), { timeout: 20_000 }).toBeGreaterThan((opened + 0.5) * 1000);

  // The desk's transport pauses it.
  await pane(page).getByRole('button', { name: 'Pause' }).click();
  await expect(video).toHaveJSProperty('paused', true);
  await expect(pane(page).getByRole('button', { name: 'Play' })).toBeVisible();
  await window.screenshot({ path: test.info().outputPath('picture-window.png') });
  await page.screenshot({ path: test.info().outputPath('desk-with-picture-away.png') });

  // Choosing a scene on the desk seeks the picture in its window to the scene's start.
  await page.getByRole('option', { name: /The Audition/ }).click();
  await expect.poll(async () => Math.abs((await currentTime(video)) - 12)).toBeLessThanOrEqual(FRAME_S);
  await expect.poll(() => deskTime(page)).toBeGreaterThanOrEqual(12_000 - 40);

  // A frame step on the desk moves it one frame.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const before = await frameShown(video);
  await page.keyboard.press('.');
  await expect.poll(() => frameShown(video)).toBe(before + 1);

  // Its own transport works too: three frames forward there, and the desk reads the time.
  for (let i = 0; i < 3; i++) await window.getByRole('button', { name: 'One frame forward' }).click();
  await expect.poll(() => frameShown(video)).toBe(before + 4);
  // The desk's clock names the frame shown there (its start time, as the picture reports it).
  await expect.poll(async () => Math.floor((await deskTime(page)) / (FRAME_S * 1000) + 1e-3)).toBe(before + 4);
  const shownThere = await currentTime(video);

  // Closed, the picture is back on the desk at the window's time.
  await window.close();
  const back = pane(page).locator('video');
  await expect(back).toHaveJSProperty('readyState', 4, { timeout: 20_000 });
  await expect.poll(async () => Math.abs((await currentTime(back)) - shownThere)).toBeLessThanOrEqual(FRAME_S);
  await expect(back).toHaveJSProperty('paused', true);
  await expect(pane(page).getByText('The picture is in its own window.')).toHaveCount(0);
});

test('the shortcut opens the window paused where the desk was, and Attach back on the desk closes it', async ({ page, host }) => {
  test.slow();
  await openWithFilm(page, host);
  // The film is the player in use (the score is, until the person turns to the film).
  await pane(page).getByRole('timer', { name: 'Film time' }).click();
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => deskTime(page)).toBe(2000);
  const { window, video } = await pictureWindow(page, () => page.keyboard.press('Control+Shift+D'));
  await expect(video).toHaveJSProperty('paused', true);
  expect(await currentTime(video)).toBeCloseTo(2, 3);
  // The desk's keys drive the window: Space plays it.
  await page.keyboard.press(' ');
  await expect(video).toHaveJSProperty('paused', false);
  await page.keyboard.press(' ');
  await expect(video).toHaveJSProperty('paused', true);

  const closed = window.waitForEvent('close');
  await pane(page).getByRole('button', { name: 'Attach back' }).click();
  await closed;
  await expect(pane(page).locator('video')).toHaveJSProperty('readyState', 4, { timeout: 20_000 });
  await expect(pane(page).getByRole('button', { name: 'Picture in its own window' })).toBeVisible();
});
