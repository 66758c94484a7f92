import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, namesFileByPath, pathFormMethods } from '../../src/shared/contract';
import { annotatedRedShoes, redShoesLibrary } from '../exchange-fixtures';

/** A folder of files "picked in the native open dialog": the desktop app names them by path. */
function pickedFiles() {
  const folder = mkdtempSync(join(tmpdir(), 'reelnotes-picked-'));
  return (name: string, content: string | Buffer) => {
    const path = join(folder, name);
    writeFileSync(path, content);
    return path;
  };
}

const tableOptions = {
  delimiter: ',',
  header: true,
  mapping: ['start', 'end', 'text', 'tags', 'kind', 'scene', 'track', 'cue'],
  notation: 'auto',
  fps: null,
  kind: 'note',
  track: null
};

describe('text files taken by path (the desktop app), read where they lie', () => {
  it('imports an Audacity label file by its path as the same cues as its text, a byte-order mark dropped', async () => {
    const byText = redShoesLibrary();
    const byPath = redShoesLibrary();
    const labels = '1.5\t9.25\tShoes theme\n12\t12\tMarker\n';
    const picked = pickedFiles()('ballet labels.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(labels)]));
    const cuesOf = (film: ReturnType<typeof redShoesLibrary>) =>
      film.library.db.prepare('SELECT label, start_ms, end_ms FROM cues WHERE track_id = ? ORDER BY id').all(film.tracks[0].id);

    await byText.call('cues.importFile', { trackId: byText.tracks[0].id, format: 'audacity', fileName: 'ballet labels.txt', text: labels });
    const added = await byPath.call<{ added: number }>('cues.importFile', {
      trackId: byPath.tracks[0].id,
      format: 'audacity',
      path: picked
    });

    expect(added.added).toBe(cuesOf(byText).length);
    expect(cuesOf(byPath)).toEqual(cuesOf(byText));
    expect(cuesOf(byPath)).toContainEqual({ label: 'Shoes theme', start_ms: 1_500, end_ms: 9_250 });
  });

  it('names the picked file, not its folders, when a line is wrong, and writes nothing', async () => {
    const film = redShoesLibrary();
    const before = film.footprint();
    const picked = pickedFiles()('broken.txt', '1\t2\tfine\nbroken line\n');
    await expect(film.call('cues.importFile', { trackId: film.tracks[0].id, format: 'audacity', path: picked })).rejects.toThrow(
      /^broken\.txt, line 2/
    );
    expect(film.footprint()).toBe(before);
  });

  it('refuses a file that is gone, a folder, a relative path and a file past the limit, naming the file', async () => {
    const film = redShoesLibrary();
    const pick = pickedFiles();
    const folder = join(pick('x.txt', ''), '..');
    const huge = pick('huge.srt', Buffer.alloc(8 * 1024 * 1024 + 1, 0x20));
    const trackId = film.tracks[0].id;
    await expect(film.call('cues.importFile', { trackId, format: 'srt', path: join(folder, 'gone.srt') })).rejects.toThrow(
      'gone.srt is no longer there.'
    );
    await expect(film.call('subtitles.import', { filmId: film.filmId, path: folder })).rejects.toThrow(/is a folder, not a file\.$/);
    await expect(film.call('cues.importFile', { trackId, format: 'srt', path: 'labels.srt' })).rejects.toThrow(
      'Invalid input for cues.importFile: path: The file must be named by its full path.'
    );
    await expect(film.call('cues.importFile', { trackId, format: 'srt', path: huge })).rejects.toThrow(
      'huge.srt: larger than 8 MB, it is not a label file.'
    );
  });

  it('still names the field that is wrong when a call matches neither form', async () => {
    const film = redShoesLibrary();
    await expect(film.call('cues.importFile', { trackId: 'one', format: 'srt', fileName: 'a.srt', text: '' })).rejects.toThrow(
      /^Invalid input for cues\.importFile: trackId: /
    );
  });

  it('imports subtitles, a study table and a Sonic Visualiser layer by path as by their text', async () => {
    const from = await annotatedRedShoes();
    const table = await from.call<{ fileName: string; text: string }>('exchange.exportTable', { filmId: from.filmId, format: 'csv' });
    const layer = await from.call<{ fileName: string; text: string }>('exchange.exportSonicVisualiser', {
      trackId: from.tracks[0].id,
      format: 'svl'
    });
    const pick = pickedFiles();
    const tablePath = pick(table.fileName, table.text);
    const layerPath = pick(layer.fileName, layer.text);
    const subtitlesPath = pick('film.srt', '1\n00:00:01,000 --> 00:00:02,500\nHello, Vicky.\n');

    const byText = redShoesLibrary();
    const byPath = redShoesLibrary();
    for (const [film, file] of [
      [byText, { fileName: table.fileName, text: table.text }],
      [byPath, { path: tablePath }]
    ] as const) {
      const preview = await film.call<{ fileName: string; rowCount: number }>('exchange.previewTable', file);
      expect(preview).toMatchObject({ fileName: table.fileName, rowCount: table.text.trim().split('\r\n').length - 1 });
      await film.call('exchange.importTable', { filmId: film.filmId, ...file, ...tableOptions });
    }
    await byText.call('exchange.importSonicVisualiser', { trackId: byText.tracks[0].id, fileName: layer.fileName, text: layer.text });
    await byPath.call('exchange.importSonicVisualiser', { trackId: byPath.tracks[0].id, path: layerPath });
    const track = await byPath.call<{ name: string; lineCount: number }>('subtitles.import', {
      filmId: byPath.filmId,
      path: subtitlesPath
    });
    expect(track).toMatchObject({ name: 'film.srt', lineCount: 1 });

    const study = (film: ReturnType<typeof redShoesLibrary>) => film.call('exchange.exportTable', { filmId: film.filmId, format: 'csv' });
    expect(await study(byPath)).toEqual(await study(byText));
  });

  it('lists every method whose input has a path form, so that the browser host refuses that form', () => {
    // A text file's two forms are a union with one option holding `path` (textFileInput).
    const withPathForm = Object.entries(contract)
      .filter(
        ([, spec]) => spec.input instanceof z.ZodUnion && spec.input.options.some((o) => o instanceof z.ZodObject && 'path' in o.shape)
      )
      .map(([name]) => name);
    expect(withPathForm.sort()).toEqual([...pathFormMethods].sort());
    expect(namesFileByPath('cues.importFile', { trackId: 1, format: 'srt', path: '/a.srt' })).toBe(true);
    expect(namesFileByPath('cues.importFile', { trackId: 1, format: 'srt', fileName: 'a.srt', text: '' })).toBe(false);
    expect(namesFileByPath('video.attach', { filmId: 1, path: '/film.mkv' })).toBe(false);
    expect(namesFileByPath('library.importFilmPageFile', {})).toBe(true);
  });
});
