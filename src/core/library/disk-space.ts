import { statfsSync } from 'node:fs';
import { ReelnotesError } from '../../shared/errors';

/** How much a process may still write on the disk that holds `folder`. */
export function freeBytes(folder: string): number {
  const stats = statfsSync(folder);
  return stats.bavail * stats.bsize;
}

export function describeBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(0, Math.round(bytes / 1024))} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

/**
 * What a person is told when the disk is full: what failed, how much room it needs when that is
 * known, else how much is left, and that nothing was half written.
 */
export function diskFull(what: string, free: number, needed?: number): ReelnotesError {
  const room = needed === undefined ? `${describeBytes(free)} free` : `it needs ${describeBytes(needed)}, ${describeBytes(free)} is free`;
  return new ReelnotesError('DISK_FULL', `The disk holding your library is full (${room}): ${what}. Free some space and try again.`);
}
