import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';

/**
 * One file of an archive: its path inside it (forward slashes, UTF-8) and a way to read its bytes, or
 * the path of a file on disk, which is streamed (read once for its CRC, once into the archive), so a
 * recording of a gigabyte never sits in memory.
 */
export type ZipEntry = { name: string; read: () => Buffer | Promise<Buffer> } | { name: string; path: string };

const PIECE_BYTES = 1024 * 1024;

/** A file's CRC-32 and size, read in pieces. */
async function fileCrc(path: string): Promise<{ crc: number; size: number }> {
  let crc = 0;
  let size = 0;
  for await (const piece of createReadStream(path, { highWaterMark: PIECE_BYTES }) as AsyncIterable<Buffer>) {
    crc = crc32(piece, crc);
    size += piece.length;
  }
  return { crc, size };
}

/**
 * The classic ZIP format's own limits: without ZIP64 no file, offset or directory may reach 4 GiB and
 * an archive holds at most 65,535 entries. A study's frames are far below; past them we refuse rather
 * than write an archive that unzip tools would read wrongly.
 */
const MAX_ENTRIES = 0xffff;
const MAX_OFFSET = 0xffffffff;

/** Bit 11: the names are UTF-8 (APPNOTE 4.4.4), so a title in any script unpacks as written. */
const UTF8_NAMES = 0x0800;
/** 2.0: the version that reads folders and the UTF-8 flag; stored entries need nothing newer. */
const VERSION_NEEDED = 20;
/** Made on Unix (high byte 3), so the external attributes below are read as file modes. */
const VERSION_MADE_BY = (3 << 8) | VERSION_NEEDED;
/** -rw-r--r--, so an unpacked file is readable by its owner's other programs. */
const FILE_MODE = 0o100644 * 0x10000;

/** MS-DOS date and time, as ZIP stores them (local time, two-second steps, from 1980). */
function dosDateTime(when: Date): { date: number; time: number } {
  const year = Math.min(Math.max(when.getFullYear(), 1980), 2107);
  return {
    date: ((year - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
    time: (when.getHours() << 11) | (when.getMinutes() << 5) | Math.floor(when.getSeconds() / 2)
  };
}

function checkedName(name: string): Buffer {
  if (!name || name.startsWith('/') || name.includes('\\') || name.split('/').includes('..')) {
    throw new Error(`"${name}" is not a relative path that can go in a ZIP archive.`);
  }
  const bytes = Buffer.from(name, 'utf8');
  if (bytes.length > 0xffff) throw new Error(`"${name.slice(0, 40)}…" is too long a name for a ZIP archive.`);
  return bytes;
}

/**
 * A ZIP archive of `entries`, stored (not compressed: PNG frames are compressed already, and Markdown
 * is small), as a sequence of buffers: each file is read only when its turn comes, so a writer holds
 * one file at a time, never the archive.
 */
export async function* zipArchive(entries: readonly ZipEntry[], modified: Date = new Date()): AsyncGenerator<Buffer> {
  if (entries.length > MAX_ENTRIES)
    throw new Error(`A ZIP archive holds at most ${MAX_ENTRIES} files; this one would hold ${entries.length}.`);
  const { date, time } = dosDateTime(modified);
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = checkedName(entry.name);
    const data = 'read' in entry ? await entry.read() : null;
    const { crc, size } = data ? { crc: crc32(data), size: data.length } : await fileCrc((entry as { path: string }).path);
    if (offset + 30 + name.length + size > MAX_OFFSET)
      throw new Error('The archive would pass 4 GiB, which a ZIP file without ZIP64 cannot hold.');

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION_NEEDED, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(size, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // no extra field

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(VERSION_MADE_BY, 4);
    central.writeUInt16LE(VERSION_NEEDED, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(size, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    // Extra field, comment, disk number and internal attributes are all zero (Buffer.alloc).
    central.writeUInt32LE(FILE_MODE, 38);
    central.writeUInt32LE(offset, 42);
    directory.push(central, name);

    yield Buffer.concat([local, name]);
    if (data) yield data;
    else {
      // The file as it was when its CRC was taken: a file that changed meanwhile would make an archive that lies.
      let copied = 0;
      for await (const piece of createReadStream((entry as { path: string }).path, {
        highWaterMark: PIECE_BYTES
      }) as AsyncIterable<Buffer>) {
        copied += piece.length;
        if (copied > size) break;
        yield piece;
      }
      if (copied !== size) throw new Error(`${entry.name} changed while it was being archived.`);
    }
    offset += local.length + name.length + size;
  }
  const directoryBytes = Buffer.concat(directory);
  if (offset + directoryBytes.length > MAX_OFFSET)
    throw new Error('The archive would pass 4 GiB, which a ZIP file without ZIP64 cannot hold.');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  // This disk and the disk where the directory starts are both 0: one file, not a split archive.
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  yield directoryBytes;
  yield end;
}

/** Writes an archive to `path` through a temporary name, so `path` is either absent, as before, or a whole archive; its size. */
export async function writeZipFile(path: string, chunks: AsyncIterable<Buffer>): Promise<number> {
  const partial = `${path}.partial`;
  try {
    let size = 0;
    await pipeline(
      (async function* () {
        for await (const chunk of chunks) {
          size += chunk.length;
          yield chunk;
        }
      })(),
      createWriteStream(partial)
    );
    renameSync(partial, path);
    return size;
  } finally {
    rmSync(partial, { force: true });
  }
}
