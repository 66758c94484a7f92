import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZipReader } from '../../src/core/zip-reader';
import { writeZipFile, zipArchive } from '../../src/core/zip';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'reelnotes-zip-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** What Python's zipfile (an independent reader and writer) says of an archive. */
const python = (script: string, ...args: string[]) => execFileSync('python3', ['-c', script, ...args]).toString();

describe('files on disk in a ZIP archive', () => {
  it('are streamed in, and unzip and Python read them back byte for byte beside documents held in memory', async () => {
    const recording = join(dir, 'recording.wav');
    const audio = randomBytes(2.5 * 1024 * 1024 + 17); // more than two of the archive's 1 MB pieces
    writeFileSync(recording, audio);
    const path = join(dir, 'pack.zip');
    const manifest = JSON.stringify({ title: 'Les Chaussons rouges — études' });
    const bytes = await writeZipFile(
      path,
      zipArchive([
        { name: 'manifest.json', read: () => Buffer.from(manifest) },
        { name: 'recordings/ouverture.wav', path: recording }
      ])
    );
    expect(readFileSync(path).length).toBe(bytes);
    expect(execFileSync('unzip', ['-t', path]).toString()).toMatch(/No errors detected/);
    const listed = JSON.parse(
      python(
        'import zipfile,sys,json,hashlib\nz=zipfile.ZipFile(sys.argv[1])\nprint(json.dumps([[i.filename,hashlib.sha256(z.read(i)).hexdigest()] for i in z.infolist()]))',
        path
      )
    );
    const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
    expect(listed).toEqual([
      ['manifest.json', sha(manifest)],
      ['recordings/ouverture.wav', sha(audio)]
    ]);
  });

  it("leave nothing under the archive's name when writing fails", async () => {
    const path = join(dir, 'half.zip');
    await expect(writeZipFile(path, zipArchive([{ name: 'gone.wav', path: join(dir, 'no-such.wav') }]))).rejects.toThrow(/ENOENT/);
    expect(() => readFileSync(path)).toThrow(/ENOENT/);
  });
});

describe('the ZIP reader', () => {
  it('reads what zip wrote (deflated and stored), whole or streamed to a file with its SHA-256', async () => {
    const text = 'Vicky leaps. '.repeat(1000);
    writeFileSync(join(dir, 'notes.txt'), text);
    writeFileSync(join(dir, 'noise.bin'), randomBytes(300_000));
    execFileSync('zip', ['-q', '-9', join(dir, 'made.zip'), 'notes.txt', 'noise.bin'], { cwd: dir });
    const zip = ZipReader.open(join(dir, 'made.zip'), 'made.zip');
    try {
      expect([...zip.entries.keys()].sort()).toEqual(['noise.bin', 'notes.txt']);
      expect(zip.entry('notes.txt').method).toBe(8);
      expect(zip.read('notes.txt', 1024 * 1024).toString()).toBe(text);
      for (const name of ['notes.txt', 'noise.bin']) {
        const copied = await zip.copyTo(name, join(dir, `copy-${name}`));
        const original = readFileSync(join(dir, name));
        expect(readFileSync(join(dir, `copy-${name}`)).equals(original)).toBe(true);
        expect(copied).toEqual({ sha256: createHash('sha256').update(original).digest('hex'), size: original.length });
      }
      expect(() => zip.read('notes.txt', 100)).toThrow('made.zip, notes.txt: larger than the 100 bytes it may hold');
      expect(() => zip.read('study.json', 100)).toThrow('made.zip, study.json: this file is missing from it');
    } finally {
      zip.close();
    }
  });

  it('refuses a file that is not a ZIP, one cut short, and an entry whose bytes were changed, naming the entry', async () => {
    writeFileSync(join(dir, 'text.reelstudy'), 'My notes, saved under the wrong name.\n'.repeat(20));
    expect(() => ZipReader.open(join(dir, 'text.reelstudy'), 'text.reelstudy')).toThrow(/^text\.reelstudy: it is not a ZIP file/);

    const path = join(dir, 'pack.zip');
    const image = randomBytes(5000);
    await writeZipFile(
      path,
      zipArchive([
        { name: 'manifest.json', read: () => Buffer.from('{"format":"reelnotes-study"}') },
        { name: 'frames/a.png', read: () => image }
      ])
    );
    const whole = readFileSync(path);
    writeFileSync(join(dir, 'cut.zip'), whole.subarray(0, whole.length - 30));
    expect(() => ZipReader.open(join(dir, 'cut.zip'), 'cut.zip')).toThrow(/^cut\.zip: /);

    // One byte of the image flipped: the directory is intact, the entry's CRC is not.
    const flipped = Buffer.from(whole);
    const at = whole.indexOf('frames/a.png') + 'frames/a.png'.length + 100;
    flipped[at] ^= 0xff;
    writeFileSync(join(dir, 'flipped.zip'), flipped);
    const reader = ZipReader.open(join(dir, 'flipped.zip'), 'flipped.zip');
    try {
      expect(() => reader.read('frames/a.png', 1e6)).toThrow('flipped.zip, frames/a.png: its data does not match its checksum (CRC-32)');
      await expect(reader.copyTo('frames/a.png', join(dir, 'a.png'))).rejects.toThrow('flipped.zip, frames/a.png: its data does not match');
      expect(reader.read('manifest.json', 1e6).toString()).toBe('{"format":"reelnotes-study"}');
    } finally {
      reader.close();
    }
  });

  it('refuses names that would leave the archive', () => {
    const path = join(dir, 'evil.zip');
    python('import zipfile,sys\nz=zipfile.ZipFile(sys.argv[1],"w")\nz.writestr("../../outside.txt","x")\nz.close()', path);
    expect(() => ZipReader.open(path, 'evil.zip')).toThrow('evil.zip, ../../outside.txt: a file name that leaves the archive');
  });
});
