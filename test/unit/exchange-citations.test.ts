import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/core/dispatch';
import { seedDefaultLibrary } from '../../src/core/library/default-library';
import { listFilms } from '../../src/core/films/films';
import { listScenes } from '../../src/core/scenes/scenes';
import { listTracks } from '../../src/core/tracks/tracks';
import { cslName } from '../../src/core/exchange/csl-json';
import { filmsDir, tempLibrary } from '../temp-library';

function redShoes() {
  const library = tempLibrary();
  seedDefaultLibrary(library, filmsDir);
  const filmId = listFilms(library.db)[0].id;
  const scenes = listScenes(library.db, filmId);
  const track = listTracks(library.db, filmId)[0];
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const outcome = await dispatch(library, method, input);
    if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), { code: outcome.error.code });
    return outcome.result as T;
  };
  const facts = () => library.db.prepare('SELECT * FROM film_citations').all();
  return { library, filmId, scenes, track, call, facts };
}

const powellAndPressburger = { directors: ['Michael Powell', 'Emeric Pressburger'], year: 1948, studio: 'The Archers' };

describe('citations of a moment of the film', () => {
  it('cites a note at its film time in Chicago and MLA, the title in italics in the HTML', async () => {
    const { filmId, scenes, call } = redShoes();
    await call('exchange.saveCitationFacts', { filmId, ...powellAndPressburger });
    const note = await call<{ id: number }>('notes.create', {
      target: { kind: 'scene', id: scenes[0].id },
      body: 'The audition',
      filmTimeMs: 5_025_000
    });
    const chicago = await call<{ text: string; html: string; missing: string[] }>('exchange.cite', {
      target: { kind: 'note', id: note.id }
    });
    expect(chicago.text).toBe('The Red Shoes, directed by Michael Powell and Emeric Pressburger (The Archers, 1948), 01:23:45.');
    expect(chicago.html).toBe('<i>The Red Shoes</i>, directed by Michael Powell and Emeric Pressburger (The Archers, 1948), 01:23:45.');
    expect(chicago.missing).toEqual([]);
    const mla = await call<{ text: string }>('exchange.cite', { target: { kind: 'note', id: note.id }, style: 'mla' });
    expect(mla.text).toBe('The Red Shoes. Directed by Michael Powell and Emeric Pressburger, The Archers, 1948, 01:23:45.');
  });

  it('cites a scene by its place when it has no time, and says which facts are missing', async () => {
    const { scenes, call } = redShoes();
    const citation = await call<{ text: string; missing: string[] }>('exchange.cite', { target: { kind: 'scene', id: scenes[0].id } });
    expect(citation.text).toBe('The Red Shoes, scene 1, “The Audition.”');
    expect(citation.missing).toEqual(['director', 'year']);
  });

  it('cites a scene by its span where the library keeps scene spans', async () => {
    const { scenes, call } = redShoes();
    await call('scenes.setSpan', { sceneId: scenes[1].id, startMs: 600_000, endMs: 725_000 });
    const citation = await call<{ text: string }>('exchange.cite', { target: { kind: 'scene', id: scenes[1].id }, style: 'mla' });
    expect(citation.text).toBe('The Red Shoes. 00:10:00–00:12:05.');
  });

  it('cites a cue as a piece of the score within the film, in both styles', async () => {
    const { filmId, track, call } = redShoes();
    await call('exchange.saveCitationFacts', { filmId, ...powellAndPressburger, studio: null });
    const cue = await call<{ id: number }>('cues.create', { trackId: track.id, label: 'Entrance', startMs: 123_000, endMs: 161_000 });
    const chicago = await call<{ text: string }>('exchange.cite', { target: { kind: 'cue', id: cue.id } });
    expect(chicago.text).toBe(
      'Brian Easdale, “The Red Shoes Ballet,” cue “Entrance,” 00:02:03–00:02:41 of the recording, in The Red Shoes, directed by Michael Powell and Emeric Pressburger (1948).'
    );
    await call('exchange.setCitationStyle', { style: 'mla' });
    const mla = await call<{ text: string; style: string }>('exchange.cite', { target: { kind: 'cue', id: cue.id } });
    expect(mla.style).toBe('mla');
    expect(mla.text).toBe(
      '“The Red Shoes Ballet.” The Red Shoes, directed by Michael Powell and Emeric Pressburger, score by Brian Easdale, 1948, cue “Entrance,” 00:02:03–00:02:41 of the recording.'
    );
  });

  it('names three directors with a serial comma and escapes HTML in the facts', async () => {
    const { filmId, call } = redShoes();
    await call('exchange.saveCitationFacts', { filmId, directors: ['A One', 'B <Two>', 'C Three'], year: null, studio: null });
    const note = await call<{ id: number }>('notes.create', { target: { kind: 'film', id: filmId }, body: '', filmTimeMs: null });
    const citation = await call<{ text: string; html: string; missing: string[] }>('exchange.cite', {
      target: { kind: 'note', id: note.id }
    });
    expect(citation.text).toBe('The Red Shoes, directed by A One, B <Two>, and C Three.');
    expect(citation.html).toContain('B &lt;Two&gt;');
    expect(citation.missing).toEqual(['year']);
  });

  it('refuses what cannot be cited or saved, naming it, and changes nothing', async () => {
    const { filmId, call, facts } = redShoes();
    await expect(call('exchange.cite', { target: { kind: 'note', id: 999 } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(call('exchange.saveCitationFacts', { filmId, directors: [], year: 1700, studio: null })).rejects.toThrow(/1870 or later/);
    await expect(call('exchange.saveCitationFacts', { filmId: 999, directors: [], year: null, studio: null })).rejects.toMatchObject({
      code: 'NOT_FOUND'
    });
    expect(facts()).toEqual([]);
  });
});

describe('CSL-JSON', () => {
  it('exports the film as a motion_picture item that imports back to the same file', async () => {
    const { filmId, call } = redShoes();
    await call('exchange.saveCitationFacts', { filmId, ...powellAndPressburger });
    const file = await call<{ fileName: string; text: string }>('exchange.exportCslJson', { filmId });
    expect(file.fileName).toBe('the-red-shoes.json');
    const [item] = JSON.parse(file.text);
    expect(item).toMatchObject({
      type: 'motion_picture',
      title: 'The Red Shoes',
      director: [
        { family: 'Powell', given: 'Michael' },
        { family: 'Pressburger', given: 'Emeric' }
      ],
      composer: [{ family: 'Easdale', given: 'Brian' }],
      issued: { 'date-parts': [[1948]] },
      publisher: 'The Archers'
    });

    await call('exchange.saveCitationFacts', { filmId, directors: [], year: null, studio: null });
    await call('exchange.importCslJson', { filmId, fileName: file.fileName, text: file.text });
    expect((await call<{ text: string }>('exchange.exportCslJson', { filmId })).text).toBe(file.text);
  });

  it('reads a Zotero-style export with other items and string years', async () => {
    const { filmId, call } = redShoes();
    const zotero = JSON.stringify([
      { id: 'book', type: 'book', title: 'Million-Dollar Movie' },
      {
        id: 'x',
        type: 'motion_picture',
        title: 'The Red Shoes',
        director: [{ literal: 'Powell' }],
        issued: { 'date-parts': [['1948', 9, 6]] }
      }
    ]);
    const facts = await call<{ directors: string[]; year: number }>('exchange.importCslJson', {
      filmId,
      fileName: 'zotero.json',
      text: zotero
    });
    expect(facts).toMatchObject({ directors: ['Powell'], year: 1948, studio: null });
  });

  it('refuses a file without exactly one film, or with a bad field, naming the file and item', async () => {
    const { filmId, call, facts } = redShoes();
    await expect(call('exchange.importCslJson', { filmId, fileName: 'a.json', text: '[{"type":"book"}]' })).rejects.toThrow(
      /a\.json: expected one item of type "motion_picture", found 0/
    );
    await expect(
      call('exchange.importCslJson', {
        filmId,
        fileName: 'b.json',
        text: '[{"type":"book"},{"type":"motion_picture","director":[{"given":"x"}]}]'
      })
    ).rejects.toThrow(/b\.json, item 2, director\.0/);
    await expect(call('exchange.importCslJson', { filmId, fileName: 'c.json', text: '[{' })).rejects.toThrow(/c\.json, line 1: not JSON/);
    expect(facts()).toEqual([]);
  });

  it('never half-writes: any text either sets all three facts or leaves none', async () => {
    const { filmId, call, facts } = redShoes();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200 }), fc.json({ maxDepth: 4 })), async (text) => {
        const before = JSON.stringify(facts());
        try {
          await call('exchange.importCslJson', { filmId, fileName: 'fuzz.json', text });
        } catch (error) {
          expect((error as Error).message).toMatch(/^fuzz\.json/);
          expect(JSON.stringify(facts())).toBe(before);
        }
      }),
      { numRuns: 200 }
    );
  });

  it('splits names as CSL-JSON writes them', () => {
    expect(cslName('Powell, Michael')).toEqual({ family: 'Powell', given: 'Michael' });
    expect(cslName('Jean-Luc  Godard')).toEqual({ family: 'Godard', given: 'Jean-Luc' });
    expect(cslName('Kogonada')).toEqual({ literal: 'Kogonada' });
  });
});
