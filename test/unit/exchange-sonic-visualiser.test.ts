import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redShoesLibrary } from '../exchange-fixtures';

/** A track's cues as [label, start, end], in order. */
const cuesOn = (film: ReturnType<typeof redShoesLibrary>, trackId: number) =>
  film.library.db
    .prepare('SELECT label, start_ms AS startMs, end_ms AS endMs FROM cues WHERE track_id = ? ORDER BY start_ms, id')
    .raw()
    .all(trackId);

async function twoCues() {
  const film = redShoesLibrary();
  const track = film.tracks[0];
  await film.call('cues.create', { trackId: track.id, label: 'Shoes "motif" & horns', startMs: 1_501, endMs: 9_250 });
  await film.call('cues.create', { trackId: track.id, label: 'Marker', startMs: 12_000, endMs: 12_000 });
  return { ...film, track };
}

describe('Sonic Visualiser layers', () => {
  for (const format of ['svl', 'csv'] as const) {
    it(`writes a track's cues as SV ${format === 'svl' ? 'region layer' : 'CSV'} that reads back as the same file`, async () => {
      const from = await twoCues();
      const file = await from.call<{ fileName: string; text: string }>('exchange.exportSonicVisualiser', {
        trackId: from.track.id,
        format
      });
      expect(file.fileName).toBe(`the-red-shoes-ballet-cues.${format}`);
      if (format === 'svl') {
        expect(file.text).toContain('type="sparse" dimensions="3"');
        expect(file.text).toContain('subtype="region"');
        expect(file.text).toContain('<point frame="66194" value="0" duration="341731" label="Shoes &quot;motif&quot; &amp; horns"/>');
      } else {
        expect(file.text).toBe('1.501,0,7.749,"Shoes ""motif"" & horns"\n12.000,0,0.000,"Marker"\n');
      }
      const to = redShoesLibrary();
      const trackId = to.tracks[0].id;
      const before = cuesOn(to, trackId).length;
      expect(await to.call('exchange.importSonicVisualiser', { trackId, fileName: file.fileName, text: file.text })).toEqual({
        scenes: 0,
        notes: 0,
        cues: 2
      });
      expect(cuesOn(to, trackId)).toHaveLength(before + 2);
      // The library's stand-in cues aside, the track holds the same cues.
      to.library.db
        .prepare('DELETE FROM cues WHERE track_id = ? AND id NOT IN (SELECT id FROM cues ORDER BY id DESC LIMIT 2)')
        .run(trackId);
      expect((await to.call<{ text: string }>('exchange.exportSonicVisualiser', { trackId, format })).text).toBe(file.text);
    });
  }

  it("reads SV's CSV without a header: regions, time-value points and instants", async () => {
    const film = redShoesLibrary();
    const trackId = film.tracks[1].id;
    const text = '0.500000000,0,1.250000000,Intro\n2.000000000,440,A4\n3.25,Downbeat\n4,0,0.5,\n';
    expect(await film.call('exchange.importSonicVisualiser', { trackId, fileName: 'layer.csv', text })).toEqual({
      scenes: 0,
      notes: 0,
      cues: 4
    });
    expect(cuesOn(film, trackId)).toEqual([
      ['Intro', 500, 1750],
      ['A4', 2000, 2000],
      ['Downbeat', 3250, 3250],
      ['Region 4', 4000, 4500]
    ]);
  });

  it('refuses a bad layer naming the file and the line or point, and writes nothing', async () => {
    const film = await twoCues();
    const before = film.footprint();
    const refused = async (fileName: string, text: string) => {
      const error = await film.call('exchange.importSonicVisualiser', { trackId: film.track.id, fileName, text }).catch((e: Error) => e);
      expect(film.footprint()).toBe(before);
      return (error as Error).message;
    };
    expect(await refused('layer.csv', '1,0,1,ok\nsoon,0,1,bad\n')).toBe(
      'layer.csv, line 2: "soon" is not a time in seconds; nothing was imported.'
    );
    const svl = (points: string) =>
      `<?xml version="1.0"?><!DOCTYPE sonic-visualiser><sv><data><model id="1" sampleRate="48000" dataset="0"/><dataset id="0">${points}</dataset></data></sv>`;
    expect(await refused('layer.svl', svl('<point frame="48000" duration="x" label="a"/>'))).toBe(
      'layer.svl, point 1 (frame 48000): its duration "x" is not a number of frames; nothing was imported.'
    );
    expect(await refused('layer.svl', svl('<point frame="48000" label="a">'))).toMatch(/^layer\.svl, line 1: not well-formed XML/);
    expect(await refused('layer.svl', svl('<point frame="4800000000" duration="0" label="late"/>'))).toMatch(
      /^layer\.svl, point 1 \(frame 4800000000\): the time is beyond 12 hours/
    );
  });

  it('never half-writes: a fuzzed layer is imported whole or not at all', async () => {
    const film = await twoCues();
    const cell = fc.oneof(fc.constantFrom('1', '2.5', '0', '', 'x', '99999', '"q"'), fc.string({ maxLength: 6 }));
    const csv = fc
      .array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 5 })
      .map((rows) => rows.map((r) => r.join(',')).join('\n'));
    await fc.assert(
      fc.asyncProperty(csv, async (text) => {
        const before = film.footprint();
        try {
          await film.call('exchange.importSonicVisualiser', { trackId: film.track.id, fileName: 'fuzz.csv', text });
        } catch (error) {
          expect((error as Error).message).toMatch(/^fuzz\.csv/);
          expect(film.footprint()).toBe(before);
        }
      }),
      { numRuns: 150 }
    );
  });
});
