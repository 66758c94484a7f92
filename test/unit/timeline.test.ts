import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { dispatch } from '../../src/core/dispatch';
import { createCue } from '../../src/core/cues/cues';
import { createAnnotation, trashAnnotation } from '../../src/core/notes/notes';
import { createPlacement } from '../../src/core/placements/placements';
import { setSceneSpan } from '../../src/core/scenes/scenes';
import { attachTag } from '../../src/core/tags/tags';
import { followMotif, timelineAxis, timelineRange } from '../../src/core/timeline/timeline';
import { MAX_TIMELINE_ROW_ITEMS, TIMELINE_BUCKETS_PER_ITEM } from '../../src/shared/limits';
import type { TimelineRange, TimelineRowRange } from '../../src/shared/timeline';
import { redShoesLibrary } from '../temp-library';

const overlaps = (s: number, e: number, from: number, to: number) => (e > s ? s < to && e > from : s >= from && s < to);
const ids = (row: TimelineRowRange | undefined) => (row?.items ?? []).map((item) => `${item.kind}:${item.id}`).sort();

function trackOf(db: Database.Database): number {
  return db.prepare('SELECT id FROM tracks WHERE film_id = 1 ORDER BY position LIMIT 1').pluck().get() as number;
}

describe('the timeline of a film', () => {
  it('a view holds exactly the items overlapping it, row by row, and counts them per bucket where they are denser than buckets', () => {
    const { db, scenes } = redShoesLibrary();
    const trackId = trackOf(db);
    db.prepare('DELETE FROM recordings').run();
    const cue = createCue(db, { trackId, label: 'Motif', startMs: 0, endMs: 1000 });
    const span = fc.record({
      startMs: fc.integer({ min: 0, max: 20_000 }),
      length: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5000 }))
    });
    fc.assert(
      fc.property(
        fc.array(span, { maxLength: 9, minLength: 9 }),
        fc.array(span, { maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 25_000 }), { maxLength: 30 }),
        span,
        fc.integer({ min: 1, max: 4000 }),
        (sceneSpans, placements, noteTimes, range, bucketMs) => {
          db.prepare('DELETE FROM cue_placements').run();
          db.prepare('DELETE FROM annotations').run();
          sceneSpans.forEach((s, i) =>
            setSceneSpan(db, { sceneId: scenes[i].id, startMs: s.startMs, endMs: s.length > 0 ? s.startMs + s.length : null })
          );
          for (const p of placements) createPlacement(db, { cueId: cue.id, startMs: p.startMs, endMs: p.startMs + p.length });
          for (const t of noteTimes) createAnnotation(db, { target: { kind: 'film', id: 1 }, body: `At ${t}`, filmTimeMs: t });
          const fromMs = range.startMs;
          const toMs = fromMs + Math.max(1, range.length);
          const view = timelineRange(db, { filmId: 1, fromMs, toMs, bucketMs, tagIds: [] });
          const row = (key: string) => view.rows.find((r) => r.row === key);

          const brute = {
            scenes: db.prepare('SELECT id, start_ms AS s, coalesce(end_ms, start_ms) AS e FROM scenes WHERE film_id = 1').all(),
            [`track:${trackId}`]: db.prepare('SELECT id, start_ms AS s, end_ms AS e FROM cue_placements').all(),
            notes: db.prepare('SELECT id, film_time_ms AS s, film_time_ms AS e FROM annotations').all()
          } as Record<string, { id: number; s: number; e: number }[]>;
          const kinds: Record<string, string> = { scenes: 'scene', notes: 'note', [`track:${trackId}`]: 'placement' };
          for (const [key, all] of Object.entries(brute)) {
            const expected = all.filter((x) => overlaps(x.s, x.e, fromMs, toMs));
            const got = row(key)!;
            expect(got.total, key).toBe(expected.length);
            const buckets = Math.ceil((toMs - fromMs) / bucketMs);
            expect(got.items !== null, `${key} itemised`).toBe(
              expected.length <= Math.min(MAX_TIMELINE_ROW_ITEMS, buckets / TIMELINE_BUCKETS_PER_ITEM)
            );
            if (got.items) expect(ids(got), key).toEqual(expected.map((x) => `${kinds[key]}:${x.id}`).sort());
            else {
              // Summarised: each item counted once, in the bucket of its start (or the first, begun before the range).
              const counts = new Array<number>(got.counts!.length).fill(0);
              for (const x of expected) counts[Math.min(counts.length - 1, Math.max(0, Math.floor((x.s - fromMs) / bucketMs)))]++;
              expect(got.counts, key).toEqual(counts);
            }
          }
        }
      ),
      { numRuns: 120 }
    );
  });

  it('a tag row holds every scene, note and placed cue carrying the tag or one nested in it, and nothing else', () => {
    const { db, scenes } = redShoesLibrary();
    const trackId = trackOf(db);
    db.prepare('DELETE FROM recordings').run();
    const motif = createCue(db, { trackId, label: 'Red shoes', startMs: 0, endMs: 2000 });
    const other = createCue(db, { trackId, label: 'Other', startMs: 0, endMs: 2000 });
    setSceneSpan(db, { sceneId: scenes[0].id, startMs: 0, endMs: 10_000 });
    setSceneSpan(db, { sceneId: scenes[1].id, startMs: 10_000, endMs: 20_000 });
    const tagged = createAnnotation(db, { target: { kind: 'film', id: 1 }, body: 'The shoes', filmTimeMs: 5000 });
    const trashed = createAnnotation(db, { target: { kind: 'film', id: 1 }, body: 'Gone', filmTimeMs: 6000 });
    createAnnotation(db, { target: { kind: 'film', id: 1 }, body: 'Untagged', filmTimeMs: 7000 });
    const tag = attachTag(db, { kind: 'scene', id: scenes[1].id }, { name: 'motif/red-shoes' });
    attachTag(db, { kind: 'annotation', id: tagged.id }, { name: 'motif/red-shoes/return' });
    attachTag(db, { kind: 'annotation', id: trashed.id }, { name: 'motif/red-shoes' });
    trashAnnotation(db, trashed.id);
    attachTag(db, { kind: 'cue', id: motif.id }, { name: 'motif/red-shoes' });
    const first = createPlacement(db, { cueId: motif.id, startMs: 12_000 });
    const last = createPlacement(db, { cueId: motif.id, startMs: 30_000 });
    createPlacement(db, { cueId: other.id, startMs: 13_000 });

    const view = timelineRange(db, { filmId: 1, fromMs: 0, toMs: 60_000, bucketMs: 10, tagIds: [tag.id] });
    expect(ids(view.rows.find((r) => r.row === `tag:${tag.id}`))).toEqual(
      [`scene:${scenes[1].id}`, `note:${tagged.id}`, `placement:${first.id}`, `placement:${last.id}`].sort()
    );
    // Followed through the film: in film order, each in its scene; first and last; the time covered once.
    const followed = followMotif(db, 1, tag.id);
    expect(followed.occurrences.map((o) => [o.kind, o.startMs, o.sceneTitle])).toEqual([
      ['note', 5000, scenes[0].title],
      ['scene', 10_000, scenes[1].title],
      ['placement', 12_000, scenes[1].title],
      ['placement', 30_000, null]
    ]);
    expect(followed).toMatchObject({ firstMs: 5000, lastMs: 32_000, coveredMs: 10_000 + 2000, more: false });
    // The note takes its first tag's colour.
    const note = view.rows.find((r) => r.row === 'notes')!.items!.find((item) => item.id === tagged.id)!;
    expect(note).toMatchObject({ title: 'The shoes', colour: expect.stringMatching(/^#[0-9a-f]{6}$/) });
  });

  it('runs over the video’s running time, else the typed one, else the latest time used; a view past 8,192 buckets is refused', async () => {
    const { library, db, scenes } = redShoesLibrary();
    expect(timelineAxis(db, 1).runningTime).toBeNull();
    setSceneSpan(db, { sceneId: scenes[3].id, startMs: 4_000_000, endMs: 4_100_000 });
    expect(timelineAxis(db, 1).runningTime).toEqual({ ms: 4_100_000, source: 'latest' });
    expect(await dispatch(library, 'timeline.setRunningTime', { filmId: 1, runningTimeMs: 8_160_000 })).toMatchObject({
      ok: true,
      result: { runningTime: { ms: 8_160_000, source: 'typed' } }
    });
    db.prepare(
      `INSERT INTO film_videos (film_id, path, byte_size, fingerprint, container, mime_type, video_codec, duration_ms, frame_rate, width, height)
       VALUES (1, '/films/red-shoes.mp4', 1000, ?, 'mp4', 'video/mp4', 'avc', 8_100_000, 25, 320, 180)`
    ).run('0'.repeat(64));
    expect(timelineAxis(db, 1)).toMatchObject({ runningTime: { ms: 8_100_000, source: 'video' }, frameMs: 40 });
    const refused = (await dispatch(library, 'timeline.range', { filmId: 1, fromMs: 0, toMs: 100_000, bucketMs: 10 })) as {
      ok: boolean;
      result?: TimelineRange;
    };
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/8192 buckets/) } });
  });
});
