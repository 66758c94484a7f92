import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallOutcome } from '../../src/shared/errors';
import type { Scene } from '../../src/shared/domain';
import { dispatch } from '../../src/core/dispatch';
import { migrate, migrations } from '../../src/core/library/migrations';
import { listScenes } from '../../src/core/scenes/scenes';
import { redShoesLibrary, tempHome } from '../temp-library';

async function setSpan(library: ReturnType<typeof redShoesLibrary>['library'], input: object): Promise<CallOutcome<Scene>> {
  return (await dispatch(library, 'scenes.setSpan', input)) as CallOutcome<Scene>;
}

describe('scenes as spans of film time', () => {
  it('a scene starts without a span, takes one, keeps it in the film’s list, and gives it back', async () => {
    const { library, db, filmId, scenes } = redShoesLibrary();
    expect(scenes.every((s) => s.startMs === null && s.endMs === null)).toBe(true);

    const set = await setSpan(library, { sceneId: scenes[2].id, startMs: 754_000, endMs: 901_500 });
    expect(set).toMatchObject({ ok: true, result: { id: scenes[2].id, startMs: 754_000, endMs: 901_500 } });
    const listed = listScenes(db, filmId);
    expect(listed[2]).toMatchObject({ startMs: 754_000, endMs: 901_500, title: scenes[2].title });
    // The other scenes are untouched.
    expect(listed.filter((_, i) => i !== 2)).toEqual(scenes.filter((_, i) => i !== 2));

    // A start alone (I pressed, O not yet), then no span at all.
    expect(await setSpan(library, { sceneId: scenes[2].id, startMs: 760_000, endMs: null })).toMatchObject({
      ok: true,
      result: { startMs: 760_000, endMs: null }
    });
    expect(await setSpan(library, { sceneId: scenes[2].id, startMs: null, endMs: null })).toMatchObject({
      ok: true,
      result: { startMs: null, endMs: null }
    });
  });

  it('refuses a span that ends before it starts, an end without a start, and times off the film, naming the times', async () => {
    const { library, db, filmId, scenes } = redShoesLibrary();
    const sceneId = scenes[0].id;
    await setSpan(library, { sceneId, startMs: 1000, endMs: 2000 });
    const refusals: [object, RegExp][] = [
      [{ startMs: 600_000, endMs: 300_000 }, /The end \(00:05:00\) must come after the start \(00:10:00\)/],
      [{ startMs: 300_000, endMs: 300_000 }, /The end \(00:05:00\) must come after the start \(00:05:00\)/],
      [{ startMs: null, endMs: 300_000 }, /needs a start before its end/],
      [{ startMs: -1, endMs: null }, /cannot be negative/],
      [{ startMs: 0, endMs: 100 * 3_600_000 }, /past 100 hours/],
      [{ startMs: 1.5, endMs: null }, /startMs/]
    ];
    for (const [span, message] of refusals) {
      const outcome = await setSpan(library, { sceneId, ...span });
      expect(outcome, JSON.stringify(span)).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringMatching(message) }
      });
    }
    expect(await setSpan(library, { sceneId: 99_999, startMs: 0, endMs: 1 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(listScenes(db, filmId)[0]).toMatchObject({ startMs: 1000, endMs: 2000 });
  });

  it('with the film attached, refuses a span past its running time, naming both times to the frame', async () => {
    const { library, db, scenes } = redShoesLibrary();
    // The facts attaching a film records (src/core/video): a 6-second film at 25 frames a second.
    db.prepare(
      `INSERT INTO film_videos (film_id, path, byte_size, fingerprint, container, mime_type, video_codec, duration_ms, frame_rate, width, height)
       VALUES (1, '/films/red-shoes.mp4', 1000, ?, 'mp4', 'video/mp4', 'avc', 6000, 25, 320, 180)`
    ).run('0'.repeat(64));
    const sceneId = scenes[0].id;
    expect(await setSpan(library, { sceneId, startMs: 1000, endMs: 6000 })).toMatchObject({ ok: true, result: { endMs: 6000 } });
    expect(await setSpan(library, { sceneId, startMs: 1000, endMs: 6040 })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'The scene would end at 00:00:06.01, past the end of the film (00:00:06.00).' }
    });
    expect(await setSpan(library, { sceneId, startMs: 7000, endMs: null })).toMatchObject({
      ok: false,
      error: { message: 'The scene would start at 00:00:07.00, past the end of the film (00:00:06.00).' }
    });
    expect(listScenes(db, 1)[0]).toMatchObject({ startMs: 1000, endMs: 6000 });
  });

  it('below the contract, the schema itself refuses a reversed span or an end without a start', () => {
    const { db, scenes } = redShoesLibrary();
    const write = db.prepare('UPDATE scenes SET start_ms = ?, end_ms = ? WHERE id = ?');
    expect(() => write.run(5000, 4000, scenes[0].id)).toThrow(/CHECK constraint/);
    expect(() => write.run(null, 4000, scenes[0].id)).toThrow(/CHECK constraint/);
    expect(() => write.run(-5, null, scenes[0].id)).toThrow(/CHECK constraint/);
    expect(db.prepare('SELECT start_ms, end_ms FROM scenes WHERE id = ?').raw().get(scenes[0].id)).toEqual([null, null]);
  });

  it('a library from before spans keeps its scenes, each without a span', () => {
    const db = new Database(join(tempHome(), 'schema-9.sqlite'));
    migrate(
      db,
      migrations.filter((m) => m.version < 10)
    );
    db.exec(`
      INSERT INTO films (id, title, synopsis, source_name) VALUES (1, 'Old', '', 'old.txt');
      INSERT INTO scenes (film_id, position, title, description) VALUES (1, 1, 'Opening', 'The curtain rises.');`);
    migrate(db);
    expect(listScenes(db, 1)).toEqual([expect.objectContaining({ title: 'Opening', startMs: null, endMs: null })]);
    db.close();
  });
});
