import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDefaultLibrary } from '../../src/core/library/default-library';
import { listFilms } from '../../src/core/films/films';
import { listScenes, updateScene } from '../../src/core/scenes/scenes';
import { LIBRARY_FILE, openLibrary } from '../../src/core/library/library';
import { latestSchemaVersion, migrate, migrations } from '../../src/core/library/migrations';
import { filmsDir, tempHome, tempLibrary } from '../temp-library';

describe('opening a library', () => {
  it('migrates an empty folder to the latest schema, in WAL mode, with a ledger', () => {
    const library = tempLibrary();
    const ledger = library.db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(ledger).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
    expect(library.db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(library.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(library.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('applies nothing twice', () => {
    const library = tempLibrary();
    expect(migrate(library.db)).toEqual([]);
  });

  it('declares the highest version in the ledger when a lower migration arrives after a higher one', () => {
    const library = tempLibrary();
    const earlier = { version: 900, name: 'landed_second', sql: 'CREATE TABLE landed_second (a)' };
    const later = { version: 901, name: 'landed_first', sql: 'CREATE TABLE landed_first (a)' };
    migrate(library.db, [...migrations, later]);
    expect(migrate(library.db, [...migrations, earlier, later])).toEqual([900]);
    expect(library.db.pragma('user_version', { simple: true })).toBe(901);
  });

  it('rolls back a migration that fails, leaving the ledger as it was', () => {
    const library = tempLibrary();
    const broken = [...migrations, { version: 999, name: 'broken', sql: 'CREATE TABLE half (a); SELECT * FROM missing_table;' }];
    expect(() => migrate(library.db, broken)).toThrow(/missing_table/);
    expect(library.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    expect(library.db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
  });

  it('refuses a library written by a newer version and leaves its file untouched', () => {
    const home = tempHome();
    const file = join(home, LIBRARY_FILE);
    const newer = new Database(file);
    newer.pragma(`user_version = ${latestSchemaVersion + 5}`);
    newer.exec('CREATE TABLE from_the_future (x)');
    newer.close();
    expect(() => openLibrary({ home })).toThrow(
      expect.objectContaining({ code: 'LIBRARY_TOO_NEW', message: expect.stringContaining(`schema ${latestSchemaVersion + 5}`) })
    );
    const check = new Database(file, { readonly: true });
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(check.prepare('SELECT count(*) FROM sqlite_master').pluck().get()).toBe(1);
    check.close();
  });
});

describe('the default library', () => {
  it('imports The Red Shoes on first launch only, and keeps later edits', () => {
    const library = tempLibrary();
    expect(seedDefaultLibrary(library, filmsDir)).toBe(true);
    const [film] = listFilms(library.db);
    expect(film).toMatchObject({ title: 'The Red Shoes', composer: 'Brian Easdale', sceneCount: 9 });

    const [first] = listScenes(library.db, film.id);
    updateScene(library.db, { sceneId: first.id, title: 'The Audition (my title)' });
    library.db.prepare('DELETE FROM scenes WHERE position = 9').run();
    expect(seedDefaultLibrary(library, filmsDir)).toBe(false);
    const scenes = listScenes(library.db, film.id);
    expect(scenes).toHaveLength(8);
    expect(scenes[0].title).toBe('The Audition (my title)');
  });
});
