import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTestFilm } from '../../test/video-fixtures';
import { expect, test } from '../web-host';

let dir: string;
let film: string;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reelnotes-study-frames-e2e-'));
  film = writeTestFilm(dir, 'film.mp4', 2);
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Python's zipfile reads the download (after checking every CRC): each entry's name and bytes, in hex. */
function unzipped(path: string): Record<string, string> {
  const script = [
    'import json, sys, zipfile',
    'z = zipfile.ZipFile(sys.argv[1])',
    'assert z.testzip() is None',
    'print(json.dumps({i.filename: z.read(i).hex() for i in z.infolist()}))'
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script, path]).toString()) as Record<string, string>;
}

test('the study exported from the browser host is one ZIP: the Markdown with its frame grabs beside it, as the library keeps them', async ({
  page,
  host
}) => {
  expect((await host.call('video.attach', { filmId: 1, path: film })).ok).toBe(true);
  await page.goto(host.url);
  const picture = page.getByRole('region', { name: 'Film picture' });
  await expect(picture.locator('video')).toHaveJSProperty('readyState', 4, { timeout: 20_000 });
  for (let i = 0; i < 5; i++) await picture.getByRole('button', { name: 'One frame forward' }).click();
  await expect(picture.getByRole('timer', { name: 'Film time' })).toHaveText('00:00:00.05');

  await page.getByRole('button', { name: '+ Add note' }).click();
  const editor = page.getByLabel('Note text (Markdown)');
  await editor.pressSequentially('The shoes in the window: ');
  await page.keyboard.press('Control+g');
  await expect(editor).toHaveValue(/\(frames\/[0-9a-f]{64}\.png\)/);
  const sha256 = /frames\/([0-9a-f]{64})\.png/.exec(await editor.inputValue())![1];
  // The note saves itself; the export reads the saved note.
  await expect
    .poll(async () => (await host.call<{ frames: string[] }>('films.exportMarkdown', { filmId: 1 })).result?.frames)
    .toEqual([sha256]);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export study…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('the-red-shoes.zip');
  const path = (await file.path())!;
  expect(execFileSync('unzip', ['-t', path]).toString()).toContain('No errors detected');
  const entries = unzipped(path);
  expect(Object.keys(entries).sort()).toEqual(['the-red-shoes/frames/' + sha256 + '.png', 'the-red-shoes/the-red-shoes.md']);
  const markdown = Buffer.from(entries['the-red-shoes/the-red-shoes.md'], 'hex').toString('utf8');
  expect(markdown).toContain(`The shoes in the window: ![*The Red Shoes* (1948), 00:00:00](frames/${sha256}.png)`);
  // The frame in the archive is the very image the library serves for that hash.
  const served = await page.request.get(`${host.origin}/media/frame/${sha256}`);
  expect(Buffer.from(entries[`the-red-shoes/frames/${sha256}.png`], 'hex').equals(await served.body())).toBe(true);
  await page.screenshot({ path: test.info().outputPath('study-exported-with-frames.png') });
});
