import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { dispatch } from '../../src/core/dispatch';
import { createCue } from '../../src/core/cues/cues';
import { exportLibrary } from '../../src/core/library/archive';
import { createPlacement, placeFound, placementsInRange } from '../../src/core/placements/placements';
import { setSceneSpan } from '../../src/core/scenes/scenes';
import type { PlacedCue } from '../../src/shared/placements';
import { restoreArchive } from '../archive-file';
import { redShoesLibrary } from '../temp-library';

/** The first track of the film, with a recording of `durationMs` (the facts an attach records). */
function recordedTrack(db: Database.Database, durationMs: number): number {
  const trackId = db.prepare('SELECT id FROM tracks WHERE film_id = 1 ORDER BY position LIMIT 1').pluck().get() as number;
  db.prepare('DELETE FROM recordings WHERE track_id = ?').run(trackId);
  db.prepare(
    `INSERT INTO recordings (track_id, media_file, sha256, original_name, byte_size, mime_type, container, codec, duration_ms,
       sample_rate, channels, peaks, samples_per_bucket)
     VALUES (?, 'x.flac', ?, 'ballet.flac', 1, 'audio/flac', 'flac', 'flac', ?, 44100, 2, x'', 256)`
  ).run(trackId, '0'.repeat(64), durationMs);
  return trackId;
}

function attachVideo(db: Database.Database, durationMs: number): void {
  db.prepare(
    `INSERT INTO film_videos (film_id, path, byte_size, fingerprint, container, mime_type, video_codec, duration_ms, frame_rate, width, height)
     VALUES (1, '/films/red-shoes.mp4', 1000, ?, 'mp4', 'video/mp4', 'avc', ?, 25, 320, 180)`
  ).run('0'.repeat(64), durationMs);
}

describe('cue placements', () => {
  it('places a cue at a film time, its end defaulting to the cue’s length, several times, and lists them by cue and by scene', async () => {
    const { library, db, scenes } = redShoesLibrary();
    const trackId = recordedTrack(db, 600_000);
    const cue = createCue(db, { trackId, label: 'Red shoes motif', startMs: 10_000, endMs: 25_000 });

    const first = await dispatch(library, 'placements.create', { cueId: cue.id, startMs: 120_000 });
    expect(first).toMatchObject({
      ok: true,
      result: { cueId: cue.id, filmId: 1, startMs: 120_000, endMs: 135_000, foundConfidence: null, label: 'Red shoes motif', trackId }
    });
    await dispatch(library, 'placements.create', { cueId: cue.id, startMs: 3_000_000, endMs: 3_004_000 });
    const listed = (await dispatch(library, 'placements.forCue', { cueId: cue.id })) as { ok: true; result: PlacedCue[] };
    expect(listed.result.map((p) => [p.startMs, p.endMs])).toEqual([
      [120_000, 135_000],
      [3_000_000, 3_004_000]
    ]);

    // A scene lists the placements inside (overlapping) its span; a scene without a span lists none.
    setSceneSpan(db, { sceneId: scenes[1].id, startMs: 130_000, endMs: 200_000 });
    const inScene = (await dispatch(library, 'placements.forScene', { sceneId: scenes[1].id })) as { ok: true; result: PlacedCue[] };
    expect(inScene.result.map((p) => p.startMs)).toEqual([120_000]);
    expect(await dispatch(library, 'placements.forScene', { sceneId: scenes[2].id })).toEqual({ ok: true, result: [] });

    // Moved, then removed; removing the cue removes its placements.
    const id = (first as { ok: true; result: PlacedCue }).result.id;
    expect(await dispatch(library, 'placements.update', { placementId: id, startMs: 140_000, endMs: 150_000 })).toMatchObject({
      ok: true,
      result: { startMs: 140_000, endMs: 150_000 }
    });
    expect(await dispatch(library, 'placements.delete', { placementId: id })).toEqual({ ok: true, result: { placementId: id } });
    await dispatch(library, 'cues.delete', { cueId: cue.id });
    expect(db.prepare('SELECT count(*) FROM cue_placements').pluck().get()).toBe(0);
  });

  it('refuses a placement past the film’s running time (the video’s, else the typed one) or longer than the recording holds', async () => {
    const { library, db } = redShoesLibrary();
    const trackId = recordedTrack(db, 60_000);
    const cue = createCue(db, { trackId, label: 'Overture', startMs: 50_000, endMs: 55_000 });
    const refused = async (input: object, message: string | RegExp) =>
      expect(await dispatch(library, 'placements.create', { cueId: cue.id, ...input })).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: typeof message === 'string' ? message : expect.stringMatching(message) }
      });

    // The contract's own checks: order, sign, whole milliseconds.
    await refused({ startMs: 5000, endMs: 4000 }, /The end \(00:00:04\) cannot come before the start \(00:00:05\)/);
    await refused({ startMs: -1 }, /cannot be negative/);
    await refused({ startMs: 1.5 }, /startMs/);
    // The recording has 10 s after the cue's start: a 12-second placement would run off its end.
    await refused(
      { startMs: 0, endMs: 12_000 },
      'Not placed: the placement lasts 0:12.000, but the recording of “The Red Shoes Ballet” has only 0:10.000 from the start of “Overture” (0:50.000).'
    );

    db.prepare('UPDATE films SET running_time_ms = 90_000 WHERE id = 1').run();
    await refused({ startMs: 88_000 }, /“Overture” would end at 00:01:33\.00, past the running time typed for the film \(00:01:30\.00\)/);
    attachVideo(db, 100_000);
    await refused({ startMs: 96_000 }, /would end at 00:01:41\.00, past the end of the film \(00:01:40\.00\)/);
    expect(await dispatch(library, 'placements.create', { cueId: cue.id, startMs: 95_000 })).toMatchObject({ ok: true });
    expect(await dispatch(library, 'placements.create', { cueId: 99_999, startMs: 0 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    });
    // The schema itself keeps a placement in its cue's film, whatever writes it.
    expect(() => db.prepare('INSERT INTO cue_placements (cue_id, film_id, start_ms, end_ms) VALUES (?, 2, 0, 1)').run(cue.id)).toThrow(
      /placed in the film of its own soundtrack/
    );
  });

  it('a range query returns exactly the placements overlapping the range (against a brute filter)', () => {
    const { db } = redShoesLibrary();
    const trackId = recordedTrack(db, 12 * 3_600_000);
    const cue = createCue(db, { trackId, label: 'Motif', startMs: 0, endMs: 1000 });
    const span = fc.record({
      startMs: fc.integer({ min: 0, max: 10_000 }),
      length: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 4000 }))
    });
    fc.assert(
      fc.property(fc.array(span, { maxLength: 40 }), span, (spans, range) => {
        db.prepare('DELETE FROM cue_placements').run();
        for (const s of spans) createPlacement(db, { cueId: cue.id, startMs: s.startMs, endMs: s.startMs + s.length });
        const fromMs = range.startMs;
        const toMs = range.startMs + Math.max(1, range.length);
        const all = db.prepare('SELECT id, start_ms AS s, end_ms AS e FROM cue_placements').all() as { id: number; s: number; e: number }[];
        const expected = all.filter((p) => (p.e > p.s ? p.s < toMs && p.e > fromMs : p.s >= fromMs && p.s < toMs)).map((p) => p.id);
        const found = placementsInRange(db, 1, fromMs, toMs).map((p) => p.id);
        expect(found.sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
      }),
      { numRuns: 150 }
    );
  });

  it('travels in the library archive: export, restore, export gives the same rows', () => {
    const { db } = redShoesLibrary();
    const trackId = recordedTrack(db, 600_000);
    const cue = createCue(db, { trackId, label: 'Motif', startMs: 0, endMs: 4000 });
    createPlacement(db, { cueId: cue.id, startMs: 1000 });
    db.prepare('UPDATE cue_placements SET found_confidence = 0.75').run();
    const archive = exportLibrary(db);
    expect(archive.tables.cue_placements).toEqual([
      expect.objectContaining({ cue_id: cue.id, start_ms: 1000, end_ms: 5000, found_confidence: 0.75 })
    ]);
    db.prepare('DELETE FROM cue_placements').run();
    restoreArchive(db, archive);
    expect(exportLibrary(db).tables.cue_placements).toEqual(archive.tables.cue_placements);
  });

  it('places found cues for their length at the film’s speed, inside the film and the recording, marked found, all or none', () => {
    const { db } = redShoesLibrary();
    const trackId = recordedTrack(db, 100_000);
    attachVideo(db, 600_000);
    const motif = createCue(db, { trackId, label: 'Motif', startMs: 10_000, endMs: 70_000 });
    const coda = createCue(db, { trackId, label: 'Coda', startMs: 80_000, endMs: 100_000 });
    const placed = placeFound(db, [
      // A PAL film plays the sixty seconds in 57.6.
      { cueId: motif.id, alignedMs: 120_000, speed: 1.041, confidence: 0.97 },
      // The film uses only the cue's last half, from its first second: placed from the film's start.
      { cueId: motif.id, alignedMs: -30_000, speed: 1, confidence: 0.91 },
      // Near the film's end, and slower than the album: cut at the film's end.
      { cueId: coda.id, alignedMs: 590_000, speed: 0.96, confidence: 0.5 }
    ]);
    expect(placed.map(({ startMs, endMs, foundConfidence }) => ({ startMs, endMs, foundConfidence }))).toEqual([
      { startMs: 120_000, endMs: 120_000 + Math.round(60_000 / 1.041), foundConfidence: 0.97 },
      { startMs: 0, endMs: 30_000, foundConfidence: 0.91 },
      { startMs: 590_000, endMs: 600_000, foundConfidence: 0.5 }
    ]);
    // Slower than the album at the recording's end: no longer than the recording holds after the cue's start.
    expect(placeFound(db, [{ cueId: coda.id, alignedMs: 300_000, speed: 0.96, confidence: 0.9 }])[0]).toMatchObject({
      startMs: 300_000,
      endMs: 320_000
    });
    const count = () => db.prepare('SELECT count(*) FROM cue_placements').pluck().get();
    expect(count()).toBe(4);
    expect(() =>
      placeFound(db, [
        { cueId: motif.id, alignedMs: 200_000, speed: 1, confidence: 0.9 },
        { cueId: 99_999, alignedMs: 0, speed: 1, confidence: 0.9 }
      ])
    ).toThrow(/cue/);
    expect(count()).toBe(4);
  });
});
