import { createHash } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, fstatSync, openSync, readSync, writeFileSync } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import { ReelnotesError } from '../shared/errors';

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where the entry's data begins in the file, past its local header. */
  dataAt: number;
}

/**
 * A ZIP file read where it lies (the reading side of `zip.ts`, for any ZIP, stored or deflated): its central directory first (every entry's name, method, sizes and
 * CRC, checked against the file and its local headers), then single entries on demand, each
 * checked against its CRC. Small entries come back whole; large ones are copied to a file through a
 * stream, so a recording inside never sits in memory. A refusal names the archive and the entry.
 */
export class ZipReader {
  readonly entries = new Map<string, ZipEntry>();
  private readonly fd: number;
  private readonly size: number;

  private constructor(
    readonly path: string,
    readonly fileName: string
  ) {
    this.fd = openSync(path, 'r');
    this.size = fstatSync(this.fd).size;
  }

  /** Opens and checks the archive's directory; throws INVALID_INPUT naming the archive when it is not one. */
  static open(path: string, fileName: string): ZipReader {
    const reader = new ZipReader(path, fileName);
    try {
      reader.readDirectory();
      return reader;
    } catch (error) {
      reader.close();
      throw error;
    }
  }

  close(): void {
    closeSync(this.fd);
  }

  /** A refusal about the archive, or one entry of it. */
  fail(problem: string, entry?: string): ReelnotesError {
    return new ReelnotesError('INVALID_INPUT', `${this.fileName}${entry ? `, ${entry}` : ''}: ${problem}`);
  }

  /** One entry's bytes, whole: for documents and images, up to `maxBytes`. */
  read(name: string, maxBytes: number): Buffer {
    const entry = this.entry(name);
    if (entry.size > maxBytes) throw this.fail(`larger than the ${maxBytes.toLocaleString('en')} bytes it may hold`, name);
    const raw = this.bytesAt(entry.dataAt, entry.compressedSize);
    let bytes: Buffer;
    try {
      bytes = entry.method === DEFLATED ? inflateRawSync(raw, { maxOutputLength: Math.max(entry.size, 1) }) : raw;
    } catch {
      throw this.fail('its compressed data is damaged', name);
    }
    if (bytes.length !== entry.size || crc32(bytes) !== entry.crc) throw this.fail('its data does not match its checksum (CRC-32)', name);
    return bytes;
  }

  /**
   * Copies one entry to `target` through a stream (inflating it if need be), checking its size and
   * CRC on the way; answers its SHA-256. The target is the caller's to remove when this throws.
   */
  async copyTo(name: string, target: string): Promise<{ sha256: string; size: number }> {
    const entry = this.entry(name);
    const sha256 = createHash('sha256');
    let crc = 0;
    let size = 0;
    const check = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        crc = crc32(chunk, crc);
        sha256.update(chunk);
        done(size > entry.size ? new Error('longer than its size') : null, chunk);
      }
    });
    try {
      if (entry.compressedSize === 0) writeFileSync(target, '');
      else {
        const source = createReadStream(this.path, { start: entry.dataAt, end: entry.dataAt + entry.compressedSize - 1 });
        if (entry.method === DEFLATED) await pipeline(source, createInflateRaw(), check, createWriteStream(target));
        else await pipeline(source, check, createWriteStream(target));
      }
    } catch {
      throw this.fail('its compressed data is damaged', name);
    }
    if (size !== entry.size || crc !== entry.crc) throw this.fail('its data does not match its checksum (CRC-32)', name);
    return { sha256: sha256.digest('hex'), size };
  }

  entry(name: string): ZipEntry {
    const entry = this.entries.get(name);
    if (!entry) throw this.fail('this file is missing from it', name);
    return entry;
  }

  private bytesAt(at: number, length: number): Buffer {
    const bytes = Buffer.alloc(length);
    for (let done = 0; done < length;) {
      const read = readSync(this.fd, bytes, done, length - done, at + done);
      if (read === 0) throw this.fail('it is cut short');
      done += read;
    }
    return bytes;
  }

  private readDirectory(): void {
    // The end record is in the last 22 bytes plus a comment of at most 64 KB.
    const tailLength = Math.min(this.size, 22 + 0xffff);
    const tail = this.bytesAt(this.size - tailLength, tailLength);
    let end = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        end = i;
        break;
      }
    }
    if (end < 0) throw this.fail('it is not a ZIP file (no end of central directory: not a study pack, or cut short)');
    const count = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryAt = tail.readUInt32LE(end + 16);
    if (count === 0xffff || directoryAt === 0xffffffff) throw this.fail('it is a ZIP64 archive, which Reelnotes does not read');
    if (directoryAt + directorySize > this.size - tailLength + end) throw this.fail('its directory lies outside the file (cut short?)');
    const directory = this.bytesAt(directoryAt, directorySize);
    let at = 0;
    for (let n = 0; n < count; n++) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== 0x02014b50)
        throw this.fail(`its directory is damaged at entry ${n + 1}`);
      const flags = directory.readUInt16LE(at + 8);
      const method = directory.readUInt16LE(at + 10);
      const crc = directory.readUInt32LE(at + 16);
      const compressedSize = directory.readUInt32LE(at + 20);
      const size = directory.readUInt32LE(at + 24);
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      const localAt = directory.readUInt32LE(at + 42);
      const name = directory.toString(flags & UTF8_NAMES ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
      at += 46 + nameLength + extraLength + commentLength;
      if (name.endsWith('/')) continue; // a folder: nothing to read
      if (name.startsWith('/') || name.includes('\\') || name.split('/').includes('..'))
        throw this.fail('a file name that leaves the archive', name);
      if (this.entries.has(name)) throw this.fail('it is in the archive twice', name);
      if (flags & ENCRYPTED) throw this.fail('it is encrypted', name);
      if (method !== STORED && method !== DEFLATED)
        throw this.fail(`it is compressed by method ${method}; Reelnotes reads stored and deflated files`, name);
      if (method === STORED && compressedSize !== size) throw this.fail('its sizes disagree', name);
      if (localAt + 30 > directoryAt) throw this.fail('it lies outside the file', name);
      const local = this.bytesAt(localAt, 30);
      if (local.readUInt32LE(0) !== 0x04034b50) throw this.fail('its local header is missing', name);
      const dataAt = localAt + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      if (dataAt + compressedSize > directoryAt) throw this.fail('its data runs past the end of the file (cut short?)', name);
      this.entries.set(name, { name, method, crc, compressedSize, size, dataAt });
    }
  }
}

const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED = 0x0001;
const UTF8_NAMES = 0x0800;
