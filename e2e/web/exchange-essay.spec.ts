import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeTestFilm } from '../../test/video-fixtures';
import { pdfPageTexts } from '../pdf-text';
import { expect, test } from '../web-host';

/**
 * The essay to print: exported from the browser host's dialog, opened as a file in Chromium (its
 * frame grab decoded from the data: URI inside it), and printed by Chromium's own print path
 * (page.pdf, what Ctrl+P and the desktop app's printToPDF use), a page for each scene.
 */

let dir: string;
let film: string;
let frame: Buffer;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reelnotes-essay-e2e-'));
  film = writeTestFilm(dir, 'film.mp4', 1);
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', film, '-vf', 'select=eq(n\\,5)', '-frames:v', '1', join(dir, 'frame.png')]);
  frame = readFileSync(join(dir, 'frame.png'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the study as an essay: one HTML file with its frame, opened and printed to PDF', async ({ page, host, context }) => {
  const scenes = (await host.call<{ id: number; position: number; title: string }[]>('scenes.list', { filmId: 1 })).result!;
  // The span first: the one-second test film attached next would refuse a span past its end.
  expect((await host.call('scenes.setSpan', { sceneId: scenes[0].id, startMs: 300_000, endMs: 421_000 })).ok).toBe(true);
  expect((await host.call('video.attach', { filmId: 1, path: film })).ok).toBe(true);
  const grab = await host.call<{ markdown: string }>('frames.grab', { filmId: 1, timeMs: 200, png: frame.toString('base64') });
  const note = await host.call('notes.create', {
    target: { kind: 'scene', id: scenes[0].id },
    body: `Her leap, held <b>still</b>.\n\n${grab.result!.markdown}`,
    filmTimeMs: 5_025_000
  });
  expect(note.ok, JSON.stringify(note)).toBe(true);

  await page.goto(host.url);
  await page.getByRole('button', { name: 'Export or import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export or import' });
  const section = dialog.getByRole('region', { name: 'Essay to print' });
  await expect(section).toContainText('Open the saved file in your browser and print it (Ctrl+P)');
  // A browser has no Print to PDF button of ours: the browser prints.
  await expect(section.getByRole('button', { name: 'Print to PDF…' })).toHaveCount(0);
  await section.getByRole('button', { name: 'Save the essay (HTML)' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('essay-dialog.png') });
  const download = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Save the essay (HTML)' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('the-red-shoes-study.html');
  const file = test.info().outputPath(saved.suggestedFilename());
  await saved.saveAs(file);

  // The file, opened as a person opens it: from disk, offline, with nothing else to fetch.
  const essay = await context.newPage();
  const fetched: string[] = [];
  essay.on('request', (request) => fetched.push(request.url()));
  await essay.goto(pathToFileURL(file).href);
  await expect(essay).toHaveTitle('The Red Shoes — a study');
  for (const scene of scenes)
    await expect(essay.getByRole('heading', { name: `${scene.position}. ${scene.title}`, level: 2 })).toBeVisible();
  const first = essay.locator('#scene-1');
  await expect(first.locator('.span')).toHaveText('00:05:00–00:07:01');
  await expect(first.locator('.note .time')).toHaveText('01:23:45');
  // Typed HTML stays text; the frame is a real picture, decoded from inside the file.
  await expect(first.locator('.note')).toContainText('Her leap, held <b>still</b>.');
  const image = first.locator('.note figure img');
  await expect(image).toHaveJSProperty('complete', true);
  expect(await image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([320, 180]);
  expect(fetched.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
  await first.scrollIntoViewIfNeeded();
  await essay.screenshot({ path: test.info().outputPath('essay-opened.png') });

  // Chromium's print path: the print stylesheet gives a page to each scene, headed by its title.
  const pages = pdfPageTexts(await essay.pdf({ preferCSSPageSize: true }));
  expect(pages[0]).toContain('The Red Shoes');
  for (const scene of scenes) expect(pages.some((text) => text.startsWith(`${scene.position}. ${scene.title}`))).toBe(true);
  const scenePage = pages.find((text) => text.startsWith('1. The Audition'))!;
  expect(scenePage).toContain('01:23:45');
  expect(scenePage).toContain('Her leap, held <b>still</b>.');
  await essay.emulateMedia({ media: 'print' });
  await essay.screenshot({ path: test.info().outputPath('essay-print.png') });
});
