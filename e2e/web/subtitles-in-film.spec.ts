import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../web-host';

let dir: string;
let film: string;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reelnotes-subtitles-in-film-'));
  const subs = join(dir, 'subs.srt');
  writeFileSync(
    subs,
    '1\n00:00:00,200 --> 00:00:01,800\nWhy do you want to <i>dance</i>?\n\n2\n00:00:02,500 --> 00:00:03,500\nWhy do you want to live?\n'
  );
  film = join(dir, 'the-red-shoes.mkv');
  execFileSync('ffmpeg', [
    ...['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=25:duration=4', '-i', subs],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:s', 'srt', '-metadata:s:s:0', 'language=eng', film]
  ]);
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a subtitle track inside the film is imported from the film view and its line shows under the picture', async ({ page, host }) => {
  expect((await host.call('video.attach', { filmId: 1, path: film })).ok).toBe(true);
  await page.goto(host.url);
  const picture = page.getByRole('region', { name: 'Film picture' });
  await expect(picture.locator('video')).toHaveJSProperty('readyState', 4, { timeout: 20_000 });

  const subtitles = page.getByRole('region', { name: /^Subtitles/ });
  await expect(subtitles.getByLabel('In the film')).toHaveValue('1');
  await expect(subtitles.getByLabel('In the film').locator('option')).toHaveText(['Track 1 · eng · SRT']);
  await subtitles.getByRole('button', { name: 'Import from the film' }).click();
  await expect(
    page
      .getByRole('status')
      .or(page.getByRole('alert'))
      .filter({ hasText: 'Imported 2 subtitle lines from the-red-shoes.mkv · subtitles 1 (eng).' })
  ).toBeVisible();
  // The imported track is the one shown under the picture, its markup taken out.
  await expect(subtitles.getByRole('radio', { name: /the-red-shoes\.mkv · subtitles 1 \(eng\)/ })).toBeChecked();
  for (let i = 0; i < 10; i++) await picture.getByRole('button', { name: 'One frame forward' }).click();
  // Somewhere inside the first line's span (0.2–1.8 s); the exact frame is film-time.spec.ts's to check.
  const position = Number(await picture.getByRole('timer', { name: 'Film time' }).getAttribute('data-position-ms'));
  expect(position).toBeGreaterThan(200);
  expect(position).toBeLessThan(1800);
  await expect(picture.getByRole('region', { name: 'Subtitle' })).toHaveText('Why do you want to dance?');
  await subtitles.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('subtitles-from-the-film.png') });
});
