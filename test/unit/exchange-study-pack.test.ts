import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/core/dispatch';
import { studyPackArchive } from '../../src/core/exchange/study-pack';
import { seedDefaultLibrary } from '../../src/core/library/default-library';
import type { Library } from '../../src/core/library/library';
import { listScenes } from '../../src/core/scenes/scenes';
import { listTracks } from '../../src/core/tracks/tracks';
import { writeZipFile, zipArchive } from '../../src/core/zip';
import { ZipReader } from '../../src/core/zip-reader';
import type { StudyPackImport } from '../../src/shared/contract/exchange';
import type { FrameGrab } from '../../src/shared/frames';
import { filmsDir, tempLibrary } from '../temp-library';
import { writeTestFilm } from '../video-fixtures';

let dir: string;
let film: string;
let frame: Buffer;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reelnotes-pack-'));
  film = writeTestFilm(dir, 'film.mp4', 1);
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', film, '-vf', 'select=eq(n\\,4)', '-frames:v', '1', join(dir, 'frame.png')]);
  frame = readFileSync(join(dir, 'frame.png'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const caller =
  (library: Library) =>
  async <T>(method: string, input: unknown): Promise<T> => {
    const outcome = await dispatch(library, method, input);
    if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), { code: outcome.error.code });
    return outcome.result as T;
  };

/** The teacher's study of The Red Shoes: facts, a span, notes with tags (one on a cue), a frame, a subtitle file. */
async function teachersStudy() {
  const library = tempLibrary();
  seedDefaultLibrary(library, filmsDir);
  const call = caller(library);
  const [audition, rehearsal] = listScenes(library.db, 1);
  const track = listTracks(library.db, 1)[0];
  await call('exchange.saveCitationFacts', {
    filmId: 1,
    directors: ['Michael Powell', 'Emeric Pressburger'],
    year: 1948,
    studio: 'The Archers'
  });
  await call('scenes.setSpan', { sceneId: audition.id, startMs: 300_000, endMs: 421_000 });
  await call('tags.attach', { target: { kind: 'scene', id: rehearsal.id }, name: 'ballet/rehearsal' });
  await call('video.attach', { filmId: 1, path: film });
  const grab = await call<FrameGrab>('frames.grab', { filmId: 1, timeMs: 160, png: frame.toString('base64') });
  const note = await call<{ id: number }>('notes.create', {
    target: { kind: 'scene', id: audition.id },
    body: `Her leap, held.\n\n${grab.markdown}`,
    filmTimeMs: 5_025_000
  });
  await call('tags.attach', { target: { kind: 'annotation', id: note.id }, name: 'Émotion' });
  const cue = await call<{ id: number }>('cues.create', {
    trackId: track.id,
    label: 'The leap',
    startMs: 1000,
    endMs: 4000,
    sceneIds: [audition.id]
  });
  await call('tags.attach', { target: { kind: 'cue', id: cue.id }, name: 'motif' });
  await call('notes.create', { target: { kind: 'cue', id: cue.id }, body: 'The horns answer.' });
  await call('notes.create', { target: { kind: 'film', id: 1 }, body: 'On colour.' });
  await call('subtitles.import', {
    filmId: 1,
    fileName: 'english.srt',
    text: '1\n00:00:01,000 --> 00:00:02,500\nWhy do you want to dance?\n'
  });
  return { library, call, grab };
}

async function packOf(library: Library, name = 'red-shoes.reelstudy', withRecordings = false): Promise<string> {
  const path = join(dir, name);
  await writeZipFile(path, studyPackArchive(library, 1, withRecordings).chunks);
  return path;
}

/** The study inside a pack, as its own JSON. */
function studyIn(path: string): Record<string, unknown> {
  const zip = ZipReader.open(path, 'pack');
  try {
    return JSON.parse(zip.read('study.json', 1e9).toString()) as Record<string, unknown>;
  } finally {
    zip.close();
  }
}

/** What a library holds, to show that a refused pack changed nothing. */
function holdings(library: Library) {
  const count = (table: string) => library.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
  return {
    rows: [
      'films',
      'scenes',
      'annotations',
      'cues',
      'tags',
      'taggings',
      'frame_grabs',
      'subtitle_tracks',
      'subtitle_lines',
      'recordings'
    ].map(count),
    media: readdirSync(library.mediaDir).sort()
  };
}

describe('a study pack', () => {
  it('opens in an empty library as the whole film, and gives the same study when packed there again', async () => {
    const { library, grab } = await teachersStudy();
    const path = await packOf(library);
    expect(execFileSync('unzip', ['-Z1', path]).toString().trim().split('\n')).toEqual([
      'manifest.json',
      'study.json',
      `frames/${grab.sha256}.png`
    ]);
    const manifest = JSON.parse(execFileSync('unzip', ['-p', path, 'manifest.json']).toString());
    expect(manifest).toEqual({ format: 'application/x-reelnotes-study', version: 1, film: 'The Red Shoes', recordings: false });

    const student = tempLibrary();
    const opened = await caller(student)<StudyPackImport>('exchange.importStudyPack', { path });
    expect(opened).toMatchObject({ title: 'The Red Shoes', created: true, notes: 3, cues: 1, frames: 1, subtitles: 1, matched: 0 });
    expect(readFileSync(join(student.mediaDir, `${grab.sha256}.png`)).equals(frame)).toBe(true);
    const tagged = student.db
      .prepare(
        "SELECT a.body, t.name FROM annotations a JOIN taggings g ON g.target_kind = 'annotation' AND g.target_id = a.id JOIN tags t ON t.id = g.tag_id"
      )
      .all();
    expect(tagged).toEqual([{ body: `Her leap, held.\n\n${grab.markdown}`, name: 'Émotion' }]);
    expect(studyIn(await packOf(student, 'again.reelstudy'))).toEqual(studyIn(path));

    // Opened twice, it adds nothing: every note and cue is recognised by its id.
    const again = await caller(student)<StudyPackImport>('exchange.importStudyPack', { path });
    expect(again).toMatchObject({ created: false, scenes: 0, notes: 0, cues: 0, frames: 0, subtitles: 0, matched: 4 });
  });

  it('adds to a film the library has, keeping what the person wrote and changed', async () => {
    const { library } = await teachersStudy();
    const path = await packOf(library);
    const student = tempLibrary();
    seedDefaultLibrary(student, filmsDir);
    const call = caller(student);
    const [audition] = listScenes(student.db, 1);
    await call('scenes.update', { sceneId: audition.id, title: 'My audition' });
    await call('scenes.setSpan', { sceneId: audition.id, startMs: 310_000, endMs: 400_000 });
    await call('notes.create', { target: { kind: 'scene', id: audition.id }, body: 'Mine.' });
    const opened = await call<StudyPackImport>('exchange.importStudyPack', { path });
    expect(opened).toMatchObject({ filmId: 1, created: false, scenes: 0, notes: 3, cues: 1, matched: 0 });
    expect(listScenes(student.db, 1)[0]).toMatchObject({ title: 'My audition', startMs: 310_000, endMs: 400_000 });
    expect(student.db.prepare('SELECT body FROM annotations ORDER BY id').pluck().all()).toEqual([
      'Mine.',
      expect.stringMatching(/^Her leap, held\./),
      'The horns answer.',
      'On colour.'
    ]);
    expect(student.db.prepare('SELECT count(*) FROM films').pluck().get()).toBe(1);
  });

  it("carries the recordings when asked, streamed, and the student hears the teacher's file", async () => {
    const { library } = await teachersStudy();
    const track = listTracks(library.db, 1)[0];
    const wav = join(dir, 'overture.wav');
    execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=330:duration=6', wav]);
    await caller(library)('recordings.attachPath', { trackId: track.id, path: wav });
    const recording = library.db.prepare('SELECT media_file, sha256 FROM recordings WHERE track_id = ?').get(track.id) as {
      media_file: string;
      sha256: string;
    };
    const path = await packOf(library, 'with-audio.reelstudy', true);
    expect(execFileSync('unzip', ['-Z1', path]).toString()).toContain(`recordings/${recording.sha256}.wav`);
    const student = tempLibrary();
    const opened = await caller(student)<StudyPackImport>('exchange.importStudyPack', { path });
    expect(opened.recordings).toBe(1);
    const theirs = student.db.prepare('SELECT media_file FROM recordings').pluck().get() as string;
    expect(readFileSync(join(student.mediaDir, theirs)).equals(readFileSync(join(library.mediaDir, recording.media_file)))).toBe(true);
  });

  it('is refused whole, naming the entry and the problem, and the library is as it was', async () => {
    const { library, grab } = await teachersStudy();
    const path = await packOf(library);
    const zip = ZipReader.open(path, 'pack');
    const entries = [...zip.entries.keys()].map((name) => ({ name, bytes: zip.read(name, 1e9) }));
    zip.close();
    const student = tempLibrary();
    seedDefaultLibrary(student, filmsDir);
    const before = holdings(student);
    const repack = async (name: string, change: (entry: string, bytes: Buffer) => Buffer) => {
      const broken = join(dir, name);
      await writeZipFile(broken, zipArchive(entries.map((e) => ({ name: e.name, read: () => change(e.name, e.bytes) }))));
      return broken;
    };
    const call = caller(student);
    const frameSwapped = await repack('swapped.reelstudy', (name, bytes) =>
      name.startsWith('frames/') ? Buffer.from('not the frame') : bytes
    );
    await expect(call('exchange.importStudyPack', { path: frameSwapped })).rejects.toThrow(
      `swapped.reelstudy, frames/${grab.sha256}.png: its bytes are not the file its name says (SHA-256)`
    );
    const badTime = await repack('late.reelstudy', (name, bytes) =>
      name === 'study.json' ? Buffer.from(bytes.toString().replace('"filmTimeMs":5025000', '"filmTimeMs":-4')) : bytes
    );
    await expect(call('exchange.importStudyPack', { path: badTime })).rejects.toThrow(
      /^late\.reelstudy, study\.json: notes\[\d\]\.filmTimeMs: /
    );
    const newer = await repack('newer.reelstudy', (name, bytes) =>
      name === 'manifest.json' ? Buffer.from(bytes.toString().replace('"version": 1', '"version": 2')) : bytes
    );
    await expect(call('exchange.importStudyPack', { path: newer })).rejects.toThrow(
      'newer.reelstudy, manifest.json: version: the pack was made by a newer Reelnotes'
    );
    await expect(call('exchange.importStudyPack', { path: join(dir, 'frame.png') })).rejects.toThrow(/^frame\.png: it is not a ZIP file/);
    expect(holdings(student)).toEqual(before);
  });

  it('never half-writes, whatever a changed study says (fuzzed)', async () => {
    const { library } = await teachersStudy();
    const path = await packOf(library);
    const zip = ZipReader.open(path, 'pack');
    const frames = [...zip.entries.keys()].filter((n) => n.startsWith('frames/')).map((name) => ({ name, bytes: zip.read(name, 1e9) }));
    const study = JSON.parse(zip.read('study.json', 1e9).toString()) as Record<string, unknown[]>;
    zip.close();
    const student = tempLibrary();
    seedDefaultLibrary(student, filmsDir);
    const call = caller(student);
    const keys = ['scenes', 'notes', 'cues', 'subtitles', 'frames', 'tags', 'tracks'] as const;
    let round = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...keys),
        fc.nat(20),
        fc.constantFrom(
          'id',
          'scene',
          'cue',
          'track',
          'position',
          'startMs',
          'endMs',
          'tags',
          'body',
          'label',
          'sha256',
          'name',
          'colour',
          'lines'
        ),
        fc.oneof(
          fc.integer({ min: -5, max: 100_000_000 }),
          fc.string({ maxLength: 8 }),
          fc.constant(null),
          fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 })
        ),
        async (key, index, field, value) => {
          const changed = structuredClone(study);
          const list = changed[key];
          const item = list.length ? (list[index % list.length] as Record<string, unknown>) : null;
          if (item) item[field] = value;
          const broken = join(dir, `fuzz-${round++}.reelstudy`);
          const manifest = execFileSync('unzip', ['-p', path, 'manifest.json']);
          await writeZipFile(
            broken,
            zipArchive([
              { name: 'manifest.json', read: () => manifest },
              { name: 'study.json', read: () => Buffer.from(JSON.stringify(changed)) },
              ...frames.map((f) => ({ name: f.name, read: () => f.bytes }))
            ])
          );
          const before = holdings(student);
          try {
            await call('exchange.importStudyPack', { path: broken });
          } catch (error) {
            expect((error as { code?: string }).code, (error as Error).message).toBe('INVALID_INPUT');
            expect(holdings(student)).toEqual(before);
          } finally {
            rmSync(broken);
          }
        }
      ),
      { numRuns: 60 }
    );
  });
});
