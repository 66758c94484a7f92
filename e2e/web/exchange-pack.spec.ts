import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTestFilm } from '../../test/video-fixtures';
import { expect, test, WebHost } from '../web-host';

/**
 * A study pack handed from one library to another: exported from the teacher's browser host, opened
 * in a second browser host over a second, empty library folder, where the film arrives with its
 * notes, tags and frame grab; a broken pack is refused with its entry named, and nothing changes.
 */

let dir: string;
let film: string;
let frame: Buffer;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reelnotes-pack-e2e-'));
  film = writeTestFilm(dir, 'film.mp4', 1);
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', film, '-vf', 'select=eq(n\\,6)', '-frames:v', '1', join(dir, 'frame.png')]);
  frame = readFileSync(join(dir, 'frame.png'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A second library, emptied: its host is started once (which makes the library and offers it the
 * default film page), stopped, and the film removed by SQLite itself with the library's own foreign
 * keys and triggers, so the next start finds a library that has been offered its film and holds none.
 */
async function emptyLibraryHost(): Promise<WebHost> {
  const host = new WebHost(mkdtempSync(join(tmpdir(), 'reelnotes-e2e-empty-')));
  await host.start();
  await host.stop();
  execFileSync('python3', [
    '-c',
    'import sqlite3,sys\ndb=sqlite3.connect(sys.argv[1])\ndb.execute("PRAGMA foreign_keys=ON")\ndb.execute("DELETE FROM films")\ndb.commit()\ndb.close()',
    join(host.home, 'library.sqlite')
  ]);
  await host.start();
  return host;
}

test('a study pack out of one library and into a second, empty one, and a broken one refused', async ({ page, host, browser }) => {
  const scenes = (await host.call<{ id: number; title: string }[]>('scenes.list', { filmId: 1 })).result!;
  expect((await host.call('video.attach', { filmId: 1, path: film })).ok).toBe(true);
  const grab = (
    await host.call<{ markdown: string; sha256: string }>('frames.grab', { filmId: 1, timeMs: 240, png: frame.toString('base64') })
  ).result!;
  const note = await host.call<{ id: number }>('notes.create', {
    target: { kind: 'scene', id: scenes[0].id },
    body: `Her first leap, as the class should see it.\n\n${grab.markdown}`,
    filmTimeMs: 5_025_000
  });
  await host.call('tags.attach', { target: { kind: 'annotation', id: note.result!.id }, name: 'leitmotif' });

  await page.goto(host.url);
  await page.getByRole('button', { name: 'Export or import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export or import' });
  const section = dialog.getByRole('region', { name: 'Study pack' });
  await section.getByRole('button', { name: 'Save the study pack' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('pack-dialog.png') });
  const download = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Save the study pack' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('the-red-shoes.reelstudy');
  const pack = test.info().outputPath('the-red-shoes.reelstudy');
  await saved.saveAs(pack);
  expect(execFileSync('unzip', ['-Z1', pack]).toString()).toContain(`frames/${grab.sha256}.png`);

  // The class: a second host over an empty library.
  const student = await emptyLibraryHost();
  try {
    expect((await student.call<unknown[]>('films.list')).result).toEqual([]);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const desk = await context.newPage();
    await desk.goto(student.url);

    // A pack whose frame is not the frame it names: refused with the entry, and the library stays empty.
    const broken = test.info().outputPath('broken.reelstudy');
    writeFileSync(broken, readFileSync(pack));
    execFileSync('python3', [
      '-c',
      'import zipfile,sys\nsrc=zipfile.ZipFile(sys.argv[1])\nout=zipfile.ZipFile(sys.argv[2],"w")\nfor i in src.infolist(): out.writestr(i, b"not a frame" if i.filename.startswith("frames/") else src.read(i))\nout.close()',
      pack,
      broken
    ]);
    await desk.getByTestId('film-page-input').setInputFiles(broken);
    await expect(desk.getByTestId('notices')).toContainText(
      `broken.reelstudy, frames/${grab.sha256}.png: its bytes are not the file its name says (SHA-256)`
    );
    expect((await student.call<unknown[]>('films.list')).result).toEqual([]);

    await desk.getByTestId('film-page-input').setInputFiles(pack);
    await expect(desk.getByTestId('notices')).toContainText('Added “The Red Shoes” from the study pack');
    await desk.getByRole('option', { name: /The Audition/ }).click();
    const card = desk.getByRole('article').filter({ hasText: 'Her first leap, as the class should see it.' });
    await expect(card).toBeVisible();
    await expect(card).toContainText('leitmotif');
    const image = card.locator('img');
    await expect(image).toHaveJSProperty('complete', true);
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
    await desk.screenshot({ path: test.info().outputPath('pack-opened.png') });

    // Opened again, dropped on the window as a file manager hands it where the type is not registered
    // (no MIME type during the drag), it adds nothing.
    const dropped = await desk.evaluateHandle(
      (bytes) => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(bytes)], 'the-red-shoes.reelstudy', { type: '' }));
        return data;
      },
      [...readFileSync(pack)]
    );
    await desk.locator('.app').dispatchEvent('dragenter', { dataTransfer: dropped });
    await expect(desk.getByTestId('drop-overlay')).toHaveText('Drop a study pack or a film page to open it in your library');
    await desk.locator('.app').dispatchEvent('drop', { dataTransfer: dropped });
    await expect(desk.getByTestId('notices')).toContainText(
      /Opened “The Red Shoes” from the study pack: nothing new \(\d+ notes and cues were already here\)\./
    );
    const [theirFilm] = (await student.call<{ id: number }[]>('films.list')).result!;
    const theirScenes = (await student.call<{ id: number }[]>('scenes.list', { filmId: theirFilm.id })).result!;
    expect((await student.call<unknown[]>('notes.forTarget', { target: { kind: 'scene', id: theirScenes[0].id } })).result).toHaveLength(1);
    await context.close();
  } finally {
    await student.stop();
    rmSync(student.home, { recursive: true, force: true });
  }
});
