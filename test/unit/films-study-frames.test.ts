import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/core/dispatch';
import { studyArchive, studyWithFrames, writeStudyBeside } from '../../src/core/films/study-frames';
import { seedDefaultLibrary } from '../../src/core/library/default-library';
import type { Library } from '../../src/core/library/library';
import { zipArchive } from '../../src/core/zip';
import type { FrameGrab } from '../../src/shared/frames';
import { filmsDir, tempLibrary } from '../temp-library';
import { writeTestFilm } from '../video-fixtures';

let dir: string;
let film: string;
/** Two different frames of the test film, as ffmpeg writes them. */
const frames: Buffer[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reelnotes-study-frames-'));
  film = writeTestFilm(dir, 'film.mp4', 2);
  for (const n of [3, 30]) {
    const png = join(dir, `frame-${n}.png`);
    execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', film, '-vf', `select=eq(n\\,${n})`, '-frames:v', '1', png]);
    frames.push(readFileSync(png));
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function call<R>(library: Library, method: string, input: unknown): Promise<R> {
  const outcome = await dispatch(library, method, input);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.result as R;
}

/** Writes a ZIP's chunks to a file in the test folder and gives its path. */
async function saveZip(chunks: AsyncIterable<Buffer>, name: string): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  const path = join(dir, name);
  writeFileSync(path, Buffer.concat(parts));
  return path;
}

/** Python's zipfile, an independent reader: each entry's name (as UTF-8), its bytes in hex, after testzip() found no bad CRC. */
function readWithPython(path: string): Record<string, Buffer> {
  const script = [
    'import json, sys, zipfile',
    'z = zipfile.ZipFile(sys.argv[1])',
    'assert z.testzip() is None',
    'print(json.dumps({i.filename: z.read(i).hex() for i in z.infolist()}))'
  ].join('\n');
  const entries = JSON.parse(execFileSync('python3', ['-c', script, path]).toString()) as Record<string, string>;
  return Object.fromEntries(Object.entries(entries).map(([name, hex]) => [name, Buffer.from(hex, 'hex')]));
}

describe('the ZIP writer', () => {
  it('writes stored entries that unzip and Python read back byte for byte, with their CRC-32 and UTF-8 names', async () => {
    const entries = { 'Les Chaussons rouges/étude — 1948.md': Buffer.from('# Étude\n\nÀ 01:23:45.\n'), 'a/b/empty.bin': Buffer.alloc(0) };
    const path = await saveZip(
      zipArchive(
        Object.entries(entries).map(([name, bytes]) => ({ name, read: () => bytes })),
        new Date(2026, 11, 3, 10, 24, 36)
      ),
      'plain.zip'
    );
    const tested = execFileSync('unzip', ['-t', path]).toString();
    expect(tested).toContain('No errors detected');
    expect(readWithPython(path)).toEqual(entries);
    // The time is the one given, in the two-second steps of MS-DOS time.
    expect(execFileSync('unzip', ['-l', path]).toString()).toMatch(/2026-12-03 10:24/);
  });

  it('refuses a name that would land outside the folder it is unpacked in', async () => {
    for (const name of ['../escape.md', '/etc/passwd', 'a\\b.md', '']) {
      const chunks = zipArchive([{ name, read: () => Buffer.from('x') }]);
      await expect(chunks.next()).rejects.toThrow(/not a relative path/);
    }
  });
});

describe('the study with its frame grabs', () => {
  /** The Red Shoes with its film attached, a note on a scene showing the first frame and one naming a grab the library never held. */
  async function studyOnDesk(): Promise<{ library: Library; grabs: FrameGrab[] }> {
    const library = tempLibrary();
    seedDefaultLibrary(library, filmsDir);
    await call(library, 'video.attach', { filmId: 1, path: film });
    const grabs = [
      await call<FrameGrab>(library, 'frames.grab', { filmId: 1, timeMs: 120, png: frames[0].toString('base64') }),
      await call<FrameGrab>(library, 'frames.grab', { filmId: 1, timeMs: 1200, png: frames[1].toString('base64') })
    ];
    const scenes = await call<{ id: number }[]>(library, 'scenes.list', { filmId: 1 });
    await call(library, 'notes.create', { target: { kind: 'scene', id: scenes[1].id }, body: `The shop window: ${grabs[0].markdown}` });
    await call(library, 'notes.create', { target: { kind: 'film', id: 1 }, body: `Again ${grabs[0].markdown} and ${grabs[1].markdown}` });
    await call(library, 'notes.create', { target: { kind: 'film', id: 1 }, body: `Typed by hand: ![x](frames/${'e'.repeat(64)}.png)` });
    return { library, grabs };
  }

  it('names each grab its notes show once, and none the library does not hold', async () => {
    const { library, grabs } = await studyOnDesk();
    const exported = await call<{ text: string; frames: string[] }>(library, 'films.exportMarkdown', { filmId: 1 });
    expect(new Set(exported.frames)).toEqual(new Set(grabs.map((g) => g.sha256)));
    expect(exported.frames).toHaveLength(2);
    expect(exported.text).toContain(`(frames/${grabs[0].sha256}.png)`);
    expect(exported.text).toContain(`(frames/${'e'.repeat(64)}.png)`);
  });

  it("downloads as one ZIP: the document and frames/ in a folder named after the film, each frame the library's own bytes", async () => {
    const { library, grabs } = await studyOnDesk();
    const archive = studyArchive(studyWithFrames(library, 1));
    expect(archive.fileName).toBe('the-red-shoes.zip');
    const path = await saveZip(archive.chunks, archive.fileName);
    expect(execFileSync('unzip', ['-t', path]).toString()).toContain('No errors detected');
    const entries = readWithPython(path);
    expect(Object.keys(entries).sort()).toEqual(
      ['the-red-shoes/the-red-shoes.md', ...grabs.map((g) => `the-red-shoes/frames/${g.sha256}.png`)].sort()
    );
    for (const grab of grabs) {
      const inLibrary = readFileSync(join(library.mediaDir, `${grab.sha256}.png`));
      expect(entries[`the-red-shoes/frames/${grab.sha256}.png`].equals(inLibrary)).toBe(true);
    }
    expect(entries['the-red-shoes/the-red-shoes.md'].toString('utf8')).toBe(
      (await call<{ text: string }>(library, 'films.exportMarkdown', { filmId: 1 })).text
    );
  });

  it('is written where the person saves it, with frames/ beside the document and nothing half-written', async () => {
    const { library, grabs } = await studyOnDesk();
    const folder = mkdtempSync(join(dir, 'saved-'));
    writeFileSync(join(folder, 'shopping-list.txt'), 'ribbons');
    const study = studyWithFrames(library, 1);
    writeStudyBeside(study, join(folder, 'my study.md'));
    expect(readFileSync(join(folder, 'my study.md'), 'utf8')).toBe(study.text);
    expect(readdirSync(join(folder, 'frames')).sort()).toEqual(grabs.map((g) => `${g.sha256}.png`).sort());
    for (const grab of grabs) {
      expect(readFileSync(join(folder, 'frames', `${grab.sha256}.png`)).equals(frames[grabs.indexOf(grab)])).toBe(true);
    }
    // Saved again over itself: the same files, no temporary ones, the person's other file untouched.
    writeStudyBeside(study, join(folder, 'my study.md'));
    expect(readdirSync(folder).sort()).toEqual(['frames', 'my study.md', 'shopping-list.txt']);
    expect(readdirSync(join(folder, 'frames'))).toHaveLength(2);
  });

  it('without grabs is the document alone, with no frames folder', async () => {
    const library = tempLibrary();
    seedDefaultLibrary(library, filmsDir);
    const study = studyWithFrames(library, 1);
    expect(study.frames).toEqual([]);
    const folder = mkdtempSync(join(dir, 'plain-'));
    writeStudyBeside(study, join(folder, 'study.md'));
    expect(existsSync(join(folder, 'frames'))).toBe(false);
    expect(readdirSync(folder)).toEqual(['study.md']);
  });
});
