import { execFile } from 'node:child_process';
import { chmodSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIBRARY_FILE } from '../../src/core/library/library';
import { LOCK_FILE } from '../../src/core/library/library-lock';
import { startLibrary } from '../../src/core/library/startup';
import { bundleForNode } from '../node-bundle';
import { filmsDir, tempHome } from '../temp-library';

let probe = '';
beforeAll(async () => {
  probe = await bundleForNode(join(__dirname, '..', 'children', 'library-probe.ts'), 'library-probe');
}, 60_000);

/**
 * The tests run as root here and in CI, and root writes through any permission bits. The probe
 * therefore runs without the capabilities that let root do so (CAP_DAC_OVERRIDE and its kin,
 * dropped by setpriv from util-linux): as far as permissions go, it is the person's own process
 * meeting a chmod, which is what this is about.
 */
const asPerson =
  process.getuid?.() === 0 ? ['setpriv', '--inh-caps=-all', '--bounding-set=-dac_override,-dac_read_search,-fowner', '--'] : [];

interface Outcome {
  ok: boolean;
  result?: unknown;
  error?: { code: string; message: string };
}
interface ProbeReport {
  refused?: { code: string; message: string };
  readOnly: string | null;
  launchBackupSkipped: string | null;
  films: Outcome;
  search: Outcome;
  write: Outcome;
  backup: Outcome;
  restore: Outcome;
}

/** Starts the library in a process of its own, as a host would, and reports what worked. */
async function startAsPerson(home: string): Promise<ProbeReport> {
  const [command, ...args] = [...asPerson, process.execPath, probe, 'start', home, filmsDir];
  const { stdout } = await promisify(execFile)(command, args);
  return JSON.parse(stdout) as ProbeReport;
}

/** A library as the person left it: started, written to, closed. */
function libraryFolder(): string {
  const home = tempHome();
  startLibrary({ home, filmsDir }).close();
  return home;
}

const leftovers = (home: string) => readdirSync(home).filter((name) => name !== LIBRARY_FILE && name.startsWith(LIBRARY_FILE));

describe('a library that cannot be written', () => {
  it('opens a read-only library file read-only, refuses writes with their own code, and leaves nothing behind', async () => {
    const home = libraryFolder();
    const file = join(home, LIBRARY_FILE);
    chmodSync(file, 0o444);

    const report = await startAsPerson(home);
    expect(report.refused).toBeUndefined();
    expect(report.readOnly).toContain(`the library file ${file} cannot be written (you do not have permission to write to it)`);
    expect(report.readOnly).toContain('changes cannot be saved');
    // Reading, search and export-like reads keep working.
    expect(report.films).toMatchObject({ ok: true, result: [{ title: 'The Red Shoes' }] });
    expect(report.search.ok).toBe(true);
    expect(report.write).toEqual({ ok: false, error: { code: 'LIBRARY_READ_ONLY', message: expect.stringContaining('open read-only') } });
    // A restore is refused before its safety copy is made: nothing is written for a write refused.
    expect(report.restore.error?.code).toBe('LIBRARY_READ_ONLY');
    expect(readdirSync(join(home, 'backups')).filter((name) => name.includes('before-restore'))).toEqual([]);
    // SQLite's -shm and -wal, made with the file's read-only permissions, would outlive the cause.
    expect(leftovers(home)).toEqual([]);

    chmodSync(file, 0o644);
    const fixed = await startAsPerson(home);
    expect(fixed.readOnly).toBeNull();
    expect(fixed.write.ok).toBe(true);
    expect(fixed.backup.ok).toBe(true);
  });

  it('opens a library in a folder that cannot be written read-only, without a lock file', async () => {
    const home = libraryFolder();
    chmodSync(home, 0o555);
    try {
      const report = await startAsPerson(home);
      expect(report.refused).toBeUndefined();
      expect(report.readOnly).toContain(`the library folder ${home} cannot be written`);
      expect(report.films.ok).toBe(true);
      expect(report.write.error?.code).toBe('LIBRARY_READ_ONLY');
      expect(readdirSync(home)).not.toContain(LOCK_FILE);
      expect(leftovers(home)).toEqual([]);
    } finally {
      chmodSync(home, 0o755);
    }
    const fixed = await startAsPerson(home);
    expect(fixed.readOnly).toBeNull();
    expect(fixed.write.ok).toBe(true);
  });

  it('starts without its launch backup when the backups folder cannot be written, and names that folder', async () => {
    const home = libraryFolder();
    const backups = join(home, 'backups');
    chmodSync(backups, 0o555);
    try {
      const report = await startAsPerson(home);
      expect(report.readOnly).toBeNull();
      expect(report.launchBackupSkipped).toBe(
        `Reelnotes started without its launch backup. The backups folder ${backups} cannot be written (you do not have permission to write to it), so no backup was made.`
      );
      expect(report.write.ok).toBe(true);
      expect(report.backup.error).toEqual({
        code: 'LIBRARY_READ_ONLY',
        message: expect.stringContaining(`The backups folder ${backups} cannot be written`)
      });
    } finally {
      chmodSync(backups, 0o755);
    }
  });
});
