import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { inspect } from 'node:util';

export interface LogFile {
  readonly path: string;
  info(...parts: unknown[]): void;
  error(...parts: unknown[]): void;
}

/**
 * A plain log file for the browser host (the desktop app uses electron-log, which needs Electron):
 * one line per entry, with its time and level. Past `maxBytes` the file is set aside as `<name>.1`
 * (the one before as `<name>.2`, and so on up to `keep`) and a new one begun, so the log of a host
 * left running for months stays small. Writing is synchronous: an entry written before a crash is
 * on disk. A log that cannot be written never stops the host.
 */
export function openLogFile(path: string, { maxBytes = 1024 * 1024, keep = 3 }: { maxBytes?: number; keep?: number } = {}): LogFile {
  const write = (level: string, parts: unknown[]) => {
    const text = parts.map((part) => (typeof part === 'string' ? part : inspect(part, { depth: 4 }))).join(' ');
    const line = `${new Date().toISOString()} [${level}] ${text}\n`;
    try {
      mkdirSync(dirname(path), { recursive: true });
      if (sizeOf(path) + Buffer.byteLength(line) > maxBytes) rotate(path, keep);
      appendFileSync(path, line);
    } catch {
      // The log is for reading later; the library comes first.
    }
  };
  return { path, info: (...parts) => write('info', parts), error: (...parts) => write('error', parts) };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function rotate(path: string, keep: number): void {
  rmSync(`${path}.${keep}`, { force: true });
  for (let n = keep - 1; n >= 1; n--) {
    try {
      renameSync(`${path}.${n}`, `${path}.${n + 1}`);
    } catch {
      // That generation does not exist yet.
    }
  }
  renameSync(path, `${path}.1`);
}
