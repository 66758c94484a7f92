import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/core/dispatch';
import { seedDefaultLibrary } from '../../src/core/library/default-library';
import { attachFile } from '../../src/core/recordings/recordings';
import { listTracks } from '../../src/core/tracks/tracks';
import type { Cue } from '../../src/shared/score';
import type { PlacedCue } from '../../src/shared/placements';
import type { CueCandidate, SoundtrackAnalysis, TrackSearch } from '../../src/shared/soundtrack';
import type { TimelineRange } from '../../src/shared/timeline';
import { filmsDir, tempLibrary } from '../temp-library';
import { writeCueFilm, type CueFilm } from '../soundtrack-signals';

type Library = ReturnType<typeof tempLibrary>;

async function call<R>(library: Library, method: string, input: unknown): Promise<R> {
  const outcome = await dispatch(library, method, input);
  if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), { code: outcome.error.code });
  return outcome.result as R;
}

/** Waits for the analysis by asking for its status, as the desk does. */
async function analysed(library: Library, filmId: number): Promise<SoundtrackAnalysis> {
  let status = await call<SoundtrackAnalysis>(library, 'soundtrack.analyse', { filmId });
  while (status.state === 'analysing') {
    await new Promise((resolve) => setImmediate(resolve));
    status = await call<SoundtrackAnalysis>(library, 'soundtrack.status', { filmId });
  }
  return status;
}

let dir: string;
let film: CueFilm;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reelnotes-soundtrack-'));
  film = writeCueFilm(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The Red Shoes with the album's take attached to its first track, and a cue of it. */
async function withCue(startMs: number, endMs: number): Promise<{ library: Library; cue: Cue }> {
  const library = tempLibrary();
  seedDefaultLibrary(library, filmsDir);
  const trackId = listTracks(library.db, 1)[0].id;
  await attachFile(library, trackId, film.recordingPath);
  return { library, cue: await call<Cue>(library, 'cues.create', { trackId, label: 'The shoes', startMs, endMs }) };
}

describe('the cue finder through the contract', () => {
  it('analyses the film’s AAC sound on a thread, finds the cue under dialogue, and forgets a rejected candidate', async () => {
    const { library, cue } = await withCue(0, 20_000);
    expect(await call<SoundtrackAnalysis>(library, 'soundtrack.status', { filmId: 1 })).toMatchObject({ state: 'none' });
    await expect(call(library, 'soundtrack.analyse', { filmId: 1 })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(call(library, 'soundtrack.findCue', { cueId: cue.id })).rejects.toMatchObject({ code: 'CONFLICT' });

    await call(library, 'video.attach', { filmId: 1, path: film.filmPath });
    expect(await analysed(library, 1)).toMatchObject({ state: 'ready', sound: 'audio track 1', minutes: 1 });
    const stored = library.db.prepare('SELECT frames, length(peaks) AS bytes FROM soundtrack_features WHERE film_id = 1').get() as {
      frames: number;
      bytes: number;
    };
    // 40 s of film in 32-ms frames, a few peaks in each second.
    expect(Math.abs(stored.frames - 40_000 / 32)).toBeLessThan(10);
    expect(stored.bytes).toBeGreaterThan(40 * 10 * 4);

    const [best, ...rest] = await call<CueCandidate[]>(library, 'soundtrack.findCue', { cueId: cue.id });
    expect(Math.abs(best.alignedMs - film.cueAtMs)).toBeLessThanOrEqual(100);
    expect(best).toMatchObject({ cueId: cue.id, confident: true });
    expect(rest.every((c) => !c.confident)).toBe(true);
    await call(library, 'soundtrack.reject', { cueId: cue.id, alignedMs: best.alignedMs });
    const again = await call<CueCandidate[]>(library, 'soundtrack.findCue', { cueId: cue.id });
    expect(again.some((c) => Math.abs(c.alignedMs - film.cueAtMs) < 1000)).toBe(false);
  });

  it('places an accepted candidate at its film time, marked found; it leaves the list, and comes back once the placement is removed', async () => {
    const { library, cue } = await withCue(0, 20_000);
    await call(library, 'video.attach', { filmId: 1, path: film.filmPath });
    await analysed(library, 1);
    const [best] = await call<CueCandidate[]>(library, 'soundtrack.findCue', { cueId: cue.id });
    const [placed] = await call<PlacedCue[]>(library, 'soundtrack.accept', { candidates: [{ cueId: cue.id, alignedMs: best.alignedMs }] });
    expect(Math.abs(placed.startMs - film.cueAtMs)).toBeLessThanOrEqual(100);
    expect(placed).toMatchObject({
      cueId: cue.id,
      endMs: placed.startMs + Math.round(20_000 / best.speed),
      foundConfidence: best.confidence
    });
    const range = await call<TimelineRange>(library, 'timeline.range', { filmId: 1, fromMs: 0, toMs: 40_000, bucketMs: 100 });
    const items = range.rows.flatMap((row) => row.items ?? []).filter((item) => item.kind === 'placement');
    expect(items).toEqual([expect.objectContaining({ id: placed.id, title: `The shoes (found, ${Math.round(best.confidence * 100)}%)` })]);

    const left = await call<CueCandidate[]>(library, 'soundtrack.findCue', { cueId: cue.id });
    expect(left.some((c) => c.alignedMs === best.alignedMs)).toBe(false);
    await expect(call(library, 'soundtrack.accept', { candidates: [{ cueId: cue.id, alignedMs: best.alignedMs }] })).rejects.toMatchObject({
      code: 'CONFLICT'
    });
    expect(library.db.prepare('SELECT count(*) FROM cue_placements').pluck().get()).toBe(1);

    await call(library, 'placements.delete', { placementId: placed.id });
    const back = await call<CueCandidate[]>(library, 'soundtrack.findCue', { cueId: cue.id });
    expect(back[0].alignedMs).toBe(best.alignedMs);
  });

  it('finds every cue of a track as one job (the soundtrack analysed first), places nothing until accepted, and can be cancelled', async () => {
    const { library, cue } = await withCue(0, 20_000);
    const trackId = listTracks(library.db, 1)[0].id;
    const later = await call<Cue>(library, 'cues.create', { trackId, label: 'The leap', startMs: 6000, endMs: 16_000 });
    await call(library, 'cues.create', { trackId, label: 'A marker', startMs: 3000, endMs: 3000 });
    await call(library, 'video.attach', { filmId: 1, path: film.filmPath });

    const started = await call<TrackSearch>(library, 'soundtrack.findTrack', { trackId });
    expect(started).toMatchObject({ state: 'analysing', cues: 2, tooShort: 1, candidates: [] });
    expect(await call<TrackSearch>(library, 'soundtrack.cancelTrack', { trackId })).toMatchObject({ state: 'cancelled' });
    expect(await call<SoundtrackAnalysis>(library, 'soundtrack.status', { filmId: 1 })).toMatchObject({ state: 'cancelled' });

    await call(library, 'soundtrack.findTrack', { trackId });
    let search = await call<TrackSearch>(library, 'soundtrack.trackSearch', { trackId });
    const seen = new Set<string>([search.state]);
    while (search.state === 'analysing' || search.state === 'searching') {
      await new Promise((resolve) => setImmediate(resolve));
      search = await call<TrackSearch>(library, 'soundtrack.trackSearch', { trackId });
      seen.add(search.state);
    }
    expect(search).toMatchObject({ state: 'done', searched: 2, cues: 2 });
    expect(seen).toContain('searching');
    const confident = search.candidates.filter((c) => c.confident);
    const at = (cueId: number) => confident.find((c) => c.cueId === cueId)!;
    expect(Math.abs(at(cue.id).alignedMs - film.cueAtMs)).toBeLessThanOrEqual(100);
    expect(Math.abs(at(later.id).alignedMs - (film.cueAtMs + 6000))).toBeLessThanOrEqual(100);
    expect(search.candidates.map((c) => c.confidence)).toEqual([...search.candidates.map((c) => c.confidence)].sort((a, b) => b - a));
    expect(library.db.prepare('SELECT count(*) FROM cue_placements').pluck().get()).toBe(0);

    // "Accept all above 90%": one call, every confident candidate placed; they leave the list.
    const placed = await call<PlacedCue[]>(library, 'soundtrack.accept', {
      candidates: confident.map(({ cueId, alignedMs }) => ({ cueId, alignedMs }))
    });
    expect(placed.map((p) => p.cueId).sort()).toEqual([cue.id, later.id].sort());
    expect(placed.every((p) => p.foundConfidence !== null && p.foundConfidence >= 0.9)).toBe(true);
    const after = await call<TrackSearch>(library, 'soundtrack.trackSearch', { trackId });
    expect(after.candidates.filter((c) => c.confident)).toEqual([]);
  });

  it('refuses a cue too short to be told from chance', async () => {
    const { library, cue } = await withCue(1000, 1500);
    await expect(call(library, 'soundtrack.findCue', { cueId: cue.id })).rejects.toThrow(/too short/);
  });
});
