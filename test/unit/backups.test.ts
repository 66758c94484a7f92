import Database from 'better-sqlite3';
import { existsSync, openSync, readdirSync, readFileSync, writeSync, closeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../src/shared/safety';
import { backupName, backupsToKeep, createBackup, listBackupFiles, restoreBackup } from '../../src/core/backups/backups';
import { dispatch } from '../../src/core/dispatch';
import { listFilms } from '../../src/core/films/films';
import { getScene, listScenes, updateScene } from '../../src/core/scenes/scenes';
import { LIBRARY_FILE } from '../../src/core/library/library';
import { latestSchemaVersion } from '../../src/core/library/migrations';
import { scheduleBackups, startLibrary } from '../../src/core/library/startup';
import { filmsDir, tempHome } from '../temp-library';

const started: ReturnType<typeof startLibrary>[] = [];
function start(home: string) {
  const library = startLibrary({ home, filmsDir });
  started.push(library);
  return library;
}

afterEach(() => {
  for (const library of started.splice(0)) if (library.db.open) library.close();
});

function firstScene(library: ReturnType<typeof start>) {
  return listScenes(library.db, listFilms(library.db)[0].id)[0];
}

describe('backup rotation', () => {
  const at = (iso: string, reason: BackupInfo['reason'] = 'scheduled'): BackupInfo => ({
    name: backupName(new Date(iso), reason),
    createdAt: new Date(iso).toISOString(),
    reason,
    bytes: 1
  });

  it('keeps the most recent backups and the newest of each recent day, and drops the rest', () => {
    const now = new Date('2026-11-24T12:00:00Z');
    const backups = [
      ...Array.from({ length: 12 }, (_, i) => at(`2026-11-24T11:${String(50 - i).padStart(2, '0')}:00Z`)),
      at('2026-11-23T20:00:00Z'),
      at('2026-11-23T08:00:00Z'),
      at('2026-11-20T09:00:00Z'),
      at('2026-10-01T09:00:00Z')
    ].sort((a, b) => b.name.localeCompare(a.name));
    const keep = backupsToKeep(backups, now, { recent: 8, days: 14 });
    expect(keep.size).toBe(8 + 2);
    expect(keep.has(backups[0].name)).toBe(true);
    expect(keep.has(backups[7].name)).toBe(true);
    expect(keep.has(backups[8].name)).toBe(false);
    expect(keep.has(at('2026-11-23T20:00:00Z').name)).toBe(true);
    expect(keep.has(at('2026-11-23T08:00:00Z').name)).toBe(false);
    expect(keep.has(at('2026-11-20T09:00:00Z').name)).toBe(true);
    expect(keep.has(at('2026-10-01T09:00:00Z').name)).toBe(false);
  });

  it('bounds the number of files on disk', () => {
    const library = start(tempHome());
    for (let minute = 0; minute < 20; minute++) createBackup(library, 'scheduled', new Date(Date.UTC(2026, 10, 24, 10, minute)));
    const files = readdirSync(library.backupsDir);
    expect(files.length).toBeLessThanOrEqual(8 + 14);
    expect(files.every((f) => f.endsWith('.sqlite'))).toBe(true);
  });
});

describe('backups and restore', () => {
  it('writes a consistent copy that passes integrity_check and holds the data', () => {
    const library = start(tempHome());
    const scene = firstScene(library);
    updateScene(library.db, { sceneId: scene.id, context: 'in the backup' });
    const backup = createBackup(library, 'manual');
    const copy = new Database(join(library.backupsDir, backup.name), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT context FROM scenes WHERE id = ?').pluck().get(scene.id)).toBe('in the backup');
    copy.close();
    expect(readdirSync(library.backupsDir).some((f) => f.endsWith('.partial'))).toBe(false);
  });

  it('restores a backup after saving the current state as a backup of its own', async () => {
    const library = start(tempHome());
    const scene = firstScene(library);
    updateScene(library.db, { sceneId: scene.id, context: 'before' });
    const backup = createBackup(library, 'manual');
    updateScene(library.db, { sceneId: scene.id, context: 'after' });

    const outcome = await dispatch(library, 'backups.restore', { name: backup.name });
    expect(outcome.ok).toBe(true);
    expect(getScene(library.db, scene.id).context).toBe('before');
    const saved = listBackupFiles(library).find((b) => b.reason === 'before-restore')!;
    const copy = new Database(join(library.backupsDir, saved.name), { readonly: true });
    expect(copy.prepare('SELECT context FROM scenes WHERE id = ?').pluck().get(scene.id)).toBe('after');
    copy.close();
  });

  it('refuses a damaged backup and changes nothing', async () => {
    const library = start(tempHome());
    const scene = firstScene(library);
    const backup = createBackup(library, 'manual');
    updateScene(library.db, { sceneId: scene.id, context: 'kept' });
    const file = join(library.backupsDir, backup.name);
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, 4096);
    closeSync(fd);
    const before = listBackupFiles(library).length;

    const outcome = await dispatch(library, 'backups.restore', { name: backup.name });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'LIBRARY_CORRUPT' } });
    expect(getScene(library.db, scene.id).context).toBe('kept');
    expect(listBackupFiles(library)).toHaveLength(before);
  });

  it('refuses names that are not backups, so no path reaches the file system', async () => {
    const library = start(tempHome());
    const outcome = await dispatch(library, 'backups.restore', { name: '../library.sqlite' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const missing = await dispatch(library, 'backups.restore', { name: 'library-20200101T000000000Z-manual.sqlite' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('backs up on schedule only when something changed', () => {
    const library = start(tempHome());
    const schedule = scheduleBackups(library, 60_000);
    try {
      expect(schedule.tick()).toBe(false);
      updateScene(library.db, { sceneId: firstScene(library).id, title: 'Changed' });
      expect(schedule.tick()).toBe(true);
      expect(schedule.tick()).toBe(false);
      expect(listBackupFiles(library).filter((b) => b.reason === 'scheduled')).toHaveLength(1);
    } finally {
      schedule.stop();
    }
  });
});

describe('start-up recovery', () => {
  it('moves a damaged library aside, starts fresh and offers the newest good backup', () => {
    const home = tempHome();
    const first = start(home);
    updateScene(first.db, { sceneId: firstScene(first).id, context: 'precious' });
    const good = createBackup(first, 'manual', new Date(Date.now() + 1000));
    first.close();
    // Overwrite pages in the middle of the file, as a failing disk would.
    const file = join(home, LIBRARY_FILE);
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 1024, Math.min(bytes.length, 64 * 1024));
    writeFileSync(file, bytes);

    const second = start(home);
    expect(second.recovery).not.toBeNull();
    expect(second.recovery!.newestGoodBackup?.name).toBe(good.name);
    expect(existsSync(second.recovery!.damagedFile)).toBe(true);
    expect(readFileSync(second.recovery!.damagedFile).equals(bytes)).toBe(true);
    expect(listFilms(second.db)).toHaveLength(1);

    restoreBackup(second, good.name);
    expect(firstScene(second).context).toBe('precious');
  });

  it('never touches a library written by a newer version', () => {
    const home = tempHome();
    const newer = new Database(join(home, LIBRARY_FILE));
    newer.pragma(`user_version = ${latestSchemaVersion + 1}`);
    newer.close();
    const before = readFileSync(join(home, LIBRARY_FILE));
    expect(() => start(home)).toThrow(expect.objectContaining({ code: 'LIBRARY_TOO_NEW' }));
    expect(readFileSync(join(home, LIBRARY_FILE)).equals(before)).toBe(true);
    expect(existsSync(join(home, 'damaged'))).toBe(false);
  });
});
