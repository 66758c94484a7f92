import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { makeVideoFixtures, writeTestFilm, type VideoFixtures } from '../../test/video-fixtures';
import { expect, test, type WebHost } from '../web-host';

let films: VideoFixtures;
test.beforeAll(() => {
  films = makeVideoFixtures(6);
  // The sync check plays on while it samples twenty frames after the sound has caught up; on a
  // loaded machine that outlasts six seconds, and an ended film has no clocks to compare.
  films.ac3Mkv = writeTestFilm(films.dir, 'film-ac3.mkv', 60);
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

/** Attaches a film through the contract and opens the desk with its picture ready to play. */
async function openWithFilm(page: Page, host: WebHost, path: string): Promise<void> {
  expect((await host.call('video.attach', { filmId: 1, path })).ok).toBe(true);
  await page.goto(host.url);
  await expect(pane(page).locator('video')).toHaveJSProperty('readyState', 4, { timeout: 20_000 });
}

const frameMs = () => 1000 / films.fps;

test('the transport: frame steps, J/K/L, Space for the player used last, speed with pitch kept, a taller picture', async ({
  page,
  host
}) => {
  await openWithFilm(page, host, films.mp4);
  // Using the film's transport makes the film the player the shared keys drive.
  await pane(page).getByRole('button', { name: 'One frame forward' }).click();
  await expect(filmTime(page)).toHaveText('00:00:00.01');
  await page.keyboard.press('.');
  await page.keyboard.press('.');
  await expect(filmTime(page)).toHaveText('00:00:00.03');
  await page.keyboard.press(',');
  await expect(filmTime(page)).toHaveText('00:00:00.02');
  expect(Math.floor((await positionMs(page)) / frameMs())).toBe(2);

  // L plays forward, K stops, J goes back.
  await page.keyboard.press('l');
  await expect.poll(() => positionMs(page), { timeout: 20_000 }).toBeGreaterThan(1500);
  await page.keyboard.press('k');
  await expect(pane(page).getByRole('button', { name: 'Play' })).toBeVisible();
  const stopped = await positionMs(page);
  await page.keyboard.press('j');
  await expect.poll(() => positionMs(page), { timeout: 20_000 }).toBeLessThan(stopped - 300);
  await page.keyboard.press('k');
  await expect(pane(page).getByRole('button', { name: 'Play' })).toBeVisible();

  // Space plays and pauses the film, not the score, since the film was used last.
  const scorePosition = await page
    .getByRole('region', { name: 'Score player' })
    .getByRole('timer', { name: 'Elapsed' })
    .getAttribute('data-position-ms');
  await page.keyboard.press('Space');
  await expect(pane(page).getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(pane(page).getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Score player' }).getByRole('timer', { name: 'Elapsed' })).toHaveAttribute(
    'data-position-ms',
    scorePosition ?? '0'
  );

  // Turning to the score's player gives Space back to it.
  const score = page.getByRole('region', { name: 'Score player' });
  await expect(score.getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
  await score.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(score.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(score.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(pane(page).getByRole('button', { name: 'Play' })).toBeVisible();

  // Picture in picture, and back.
  await pane(page).getByRole('button', { name: 'Picture in picture' }).click();
  await expect(pane(page).getByRole('button', { name: 'Picture in picture' })).toHaveAttribute('aria-pressed', 'true');
  await pane(page).getByRole('button', { name: 'Picture in picture' }).click();
  await expect(pane(page).getByRole('button', { name: 'Picture in picture' })).toHaveAttribute('aria-pressed', 'false');

  // Half speed, pitch kept.
  await pane(page).getByLabel('Speed').selectOption('0.5');
  await expect(pane(page).locator('video')).toHaveJSProperty('playbackRate', 0.5);
  await expect(pane(page).locator('video')).toHaveJSProperty('preservesPitch', true);

  // The handle under the picture makes it taller from the keyboard, and the height is kept.
  const before = (await pane(page).locator('video').boundingBox())!.height;
  await pane(page).getByRole('separator', { name: 'Picture height' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await pane(page).locator('video').boundingBox())!.height).toBe(before + 40);
  await page.reload();
  await expect.poll(async () => (await pane(page).locator('video').boundingBox())!.height).toBe(before + 40);
  await page.screenshot({ path: test.info().outputPath('film-transport.png') });
});

test('AC-3 sound converted once through the pane, then played in sync with the picture', async ({ page, host }) => {
  // Converting and playing take a while on a machine busy with other suites.
  test.slow();
  // A minute of film: long enough to keep playing while a busy machine samples both clocks.
  const minute = writeTestFilm(mkdtempSync(join(tmpdir(), 'reelnotes-minute-')), 'film-ac3.mkv', 60);
  await openWithFilm(page, host, minute);
  await pane(page).getByRole('button', { name: 'Convert the sound' }).click();
  await expect(pane(page).getByText(/track 1 converted/)).toBeVisible({ timeout: 60_000 });
  await expect(pane(page).getByText('which Chromium cannot play')).toHaveCount(0);
  const sound = pane(page).locator('audio');
  await expect(sound).toHaveJSProperty('readyState', 4, { timeout: 20_000 });
  await expect(pane(page).locator('video')).toHaveJSProperty('muted', true);
  await pane(page).getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => positionMs(page), { timeout: 20_000 }).toBeGreaterThan(1500);
  // The sound follows the picture's clock: once it has caught up after the start, the two clocks,
  // read together on each of twenty animation frames, are within one frame of each other (the
  // median: a machine busy with other suites can hold up one reading).
  const gaps = () =>
    page.evaluate(async () => {
      const picture = document.querySelector<HTMLVideoElement>('.film-video video')!;
      const audio = document.querySelector<HTMLAudioElement>('.film-video audio')!;
      const found: number[] = [];
      for (let i = 0; i < 20; i++) {
        await new Promise((next) => requestAnimationFrame(next));
        if (!audio.paused && !picture.paused) found.push(Math.abs(picture.currentTime - audio.currentTime) * 1000);
      }
      return found.sort((a, b) => a - b);
    });
  const median = (sorted: number[]) => (sorted.length < 10 ? Infinity : sorted[Math.floor(sorted.length / 2)]);
  await expect.poll(async () => median(await gaps()), { timeout: 30_000 }).toBeLessThanOrEqual(frameMs());
  // A seek, paused, moves the sound with the picture.
  await page.keyboard.press('k');
  const clocks = () =>
    page.evaluate(() => ({
      picture: document.querySelector<HTMLVideoElement>('.film-video video')!.currentTime,
      sound: document.querySelector<HTMLAudioElement>('.film-video audio')!.currentTime
    }));
  await page.keyboard.press('.');
  const paused = await clocks();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await clocks()).picture).toBeCloseTo(Math.max(0, paused.picture - 5), 2);
  await expect.poll(async () => (await clocks()).sound).toBeCloseTo((await clocks()).picture, 2);
  const video = await host.call<{ convertedAudioTrack: number }>('video.get', { filmId: 1 });
  expect(video.result!.convertedAudioTrack).toBe(1);
  rmSync(dirname(minute), { recursive: true, force: true });
});

/** The picture of an image or of one frame of a film, as raw RGB, decoded by ffmpeg. */
function rgb(args: string[]): Buffer {
  return execFileSync('ffmpeg', ['-loglevel', 'error', ...args, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-']);
}
const frameOfFilm = (path: string, index: number) => rgb(['-i', path, '-vf', `select=eq(n\\,${index})`, '-frames:v', '1']);
const meanDifference = (a: Buffer, b: Buffer) => {
  expect(a.length).toBe(b.length);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum / a.length;
};

test('Ctrl+G grabs the frame on screen into the note being written, shows it, and copies it with its citation', async ({
  page,
  host,
  context
}) => {
  test.slow();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openWithFilm(page, host, films.mp4);
  for (let i = 0; i < 7; i++) await pane(page).getByRole('button', { name: 'One frame forward' }).click();
  await expect(filmTime(page)).toHaveText('00:00:00.07');

  await page.getByRole('button', { name: '+ Add note' }).click();
  const editor = page.getByLabel('Note text (Markdown)');
  await expect(editor).toBeFocused();
  await editor.pressSequentially('The red shoes on the counter: ');
  await page.keyboard.press('Control+g');
  await expect(
    page.getByRole('status').or(page.getByRole('alert')).filter({ hasText: 'Frame grabbed: *The Red Shoes* (1948), 00:00:00' })
  ).toBeVisible();
  await expect(editor).toHaveValue(
    /^The red shoes on the counter: !\[\*The Red Shoes\* \(1948\), 00:00:00\]\(frames\/[0-9a-f]{64}\.png\)\n$/
  );
  const sha256 = /frames\/([0-9a-f]{64})\.png/.exec(await editor.inputValue())![1];

  // The preview shows the grab, served by its hash.
  const shown = page.getByRole('region', { name: 'Preview' }).getByRole('img', { name: 'The Red Shoes (1948), 00:00:00' });
  await expect(shown).toHaveJSProperty('naturalWidth', 320);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('*The Red Shoes* (1948), 00:00:00');

  // Its pixels are the seventh frame's, closer to it than to the frames either side.
  const png = await page.request.get(`${host.origin}/media/frame/${sha256}`);
  expect(png.status()).toBe(200);
  const grabbed = join(mkdtempSync(join(tmpdir(), 'reelnotes-grab-')), 'grab.png');
  writeFileSync(grabbed, await png.body());
  const pixels = rgb(['-i', grabbed]);
  const same = meanDifference(pixels, frameOfFilm(films.mp4, 7));
  expect(same).toBeLessThan(3);
  expect(same).toBeLessThan(meanDifference(pixels, frameOfFilm(films.mp4, 6)));
  expect(same).toBeLessThan(meanDifference(pixels, frameOfFilm(films.mp4, 8)));
  rmSync(dirname(grabbed), { recursive: true, force: true });
  await page.screenshot({ path: test.info().outputPath('frame-grab.png') });
});
