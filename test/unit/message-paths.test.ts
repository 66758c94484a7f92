import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupName } from '../../src/core/backups/backups';
import type { Library } from '../../src/core/library/library';
import { startLibrary } from '../../src/core/library/startup';
import { startWebHost, type WebHost } from '../../src/web/server';
import { makeAudioFixtures, type AudioFixtures } from '../audio-fixtures';
import { filmsDir, seedPagePath } from '../temp-library';

const token = 'message-paths-token-0123456789';
let library: Library;
let host: WebHost;
let audio: AudioFixtures;
let trackId: number;
// A folder of its own, not tempHome's (removed after each test): this host serves every test here.
const root = mkdtempSync(join(tmpdir(), 'reelnotes-paths-'));

beforeAll(async () => {
  library = startLibrary({ home: join(root, 'library'), filmsDir });
  host = await startWebHost({ library, rendererDir: join(library.home, 'renderer'), token, port: 0 });
  audio = makeAudioFixtures(1);
  trackId = (library.db.prepare('SELECT id FROM tracks ORDER BY id LIMIT 1').pluck().get() as number) ?? 0;
}, 60_000);

afterAll(async () => {
  await host.close();
  library.close();
  audio.remove();
  rmSync(root, { recursive: true, force: true });
});

interface Envelope {
  ok: boolean;
  result?: unknown;
  error?: { code: string; message: string };
}

async function call(method: string, input: unknown): Promise<Envelope> {
  const response = await fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(input)
  });
  return (await response.json()) as Envelope;
}

/** A file attached as the browser host's page does: announced, then streamed as one body. */
async function upload(fileName: string, bytes: Buffer, announced = bytes.length): Promise<Envelope> {
  const begun = await call('recordings.beginUpload', { trackId, fileName, byteSize: announced });
  if (!begun.ok) return begun;
  const { uploadId } = begun.result as { uploadId: string };
  const response = await fetch(`http://127.0.0.1:${host.port}/upload/recording?uploadId=${encodeURIComponent(uploadId)}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream' },
    body: bytes
  });
  return (await response.json()) as Envelope;
}

/** The same file sent as the desktop app sends it: base64 chunks through the contract. */
async function uploadInChunks(fileName: string, bytes: Buffer): Promise<Envelope> {
  const begun = await call('recordings.beginUpload', { trackId, fileName, byteSize: bytes.length });
  if (!begun.ok) return begun;
  const { uploadId } = begun.result as { uploadId: string };
  const chunk = await call('recordings.uploadChunk', { uploadId, offset: 0, data: bytes.toString('base64') });
  if (!chunk.ok) return chunk;
  return call('recordings.finishUpload', { uploadId });
}

/** Every refusal must come back with a message free of the library's own folders. */
function expectNoLibraryPath(what: string, outcome: Envelope): void {
  expect(outcome.ok, what).toBe(false);
  const message = outcome.error!.message;
  for (const folder of [library.home, join(library.home, 'incoming'), library.mediaDir, library.backupsDir, tmpdir()]) {
    expect(message, `${what}: ${message}`).not.toContain(folder);
  }
  expect(message, what).not.toMatch(/incoming|\.upload\b|\.partial\b/);
}

describe('no internal paths in messages', () => {
  it('refuses bad recordings, through either way of uploading, without naming where the bytes were kept', async () => {
    const bad: [string, Buffer][] = [
      ['notes.mp3', readFileSync(audio.textAsMp3)],
      ...audio.truncated.map(({ name, path }): [string, Buffer] => [name, readFileSync(path)])
    ];
    for (const [name, bytes] of bad) {
      expectNoLibraryPath(`streamed ${name}`, await upload(name, bytes));
      expectNoLibraryPath(`chunked ${name}`, await uploadInChunks(name, bytes));
    }
    const sine = readFileSync(audio.wav);
    expectNoLibraryPath('larger than announced', await upload('sine.wav', sine, sine.length - 100));
    expectNoLibraryPath('an empty file', await call('recordings.beginUpload', { trackId, fileName: 'empty.mp3', byteSize: 0 }));
    expectNoLibraryPath('an unknown upload', await call('recordings.finishUpload', { uploadId: 'no-such-upload-0123456789' }));
    expectNoLibraryPath(
      'a track that is not there',
      await call('recordings.beginUpload', { trackId: 999_999, fileName: 'a.mp3', byteSize: 10 })
    );
  });

  it('refuses bad film pages, cue files, archives and backups without naming the library folders', async () => {
    const broken = readFileSync(join(__dirname, '..', '..', 'e2e', 'fixtures', 'broken-page.txt'), 'utf8');
    expectNoLibraryPath('a broken film page', await call('library.importFilmPage', { fileName: 'broken-page.txt', text: broken }));
    expectNoLibraryPath('an empty film page', await call('library.importFilmPage', { fileName: 'empty.txt', text: '' }));
    expectNoLibraryPath(
      'a film already there',
      await call('library.importFilmPage', { fileName: 'again.txt', text: readFileSync(seedPagePath, 'utf8') })
    );
    for (const format of ['audacity', 'webvtt', 'srt']) {
      expectNoLibraryPath(
        `a bad ${format} file`,
        await call('cues.importFile', { trackId, fileName: `cues.${format}`, text: 'not\ta cue\nat all', format })
      );
    }
    for (const text of [
      'not json',
      '{"format":"something else"}',
      JSON.stringify({ format: 'reelnotes-library', version: 999, tables: {} })
    ]) {
      for (const mode of ['replace', 'merge']) {
        expectNoLibraryPath(`a bad archive (${mode})`, await call('library.restoreArchive', { fileName: 'library.json', text, mode }));
      }
    }
    expectNoLibraryPath('a backup name that is a path', await call('backups.restore', { name: '../library.sqlite' }));
    expectNoLibraryPath('a backup that is not there', await call('backups.restore', { name: backupName(new Date(0), 'manual') }));
    const damaged = backupName(new Date(Date.UTC(2026, 0, 1)), 'manual');
    writeFileSync(join(library.backupsDir, damaged), 'these bytes were a backup once');
    expectNoLibraryPath('a damaged backup', await call('backups.restore', { name: damaged }));
  });

  it('answers a recording that is not there, or whose file is gone, without the media folder', async () => {
    const missing = await fetch(`http://127.0.0.1:${host.port}/media/999999`, { headers: { Authorization: `Bearer ${token}` } });
    expectNoLibraryPath('media that is not there', (await missing.json()) as Envelope);
    expectNoLibraryPath('a recording that is not there', await call('recordings.get', { recordingId: 999_999 }));
  });
});
