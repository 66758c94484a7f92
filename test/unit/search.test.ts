import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnnotation, emptyTrash, restoreAnnotation, trashAnnotation, updateAnnotation } from '../../src/core/notes/notes';
import { createCue, deleteCue, updateCue } from '../../src/core/cues/cues';
import { dispatch } from '../../src/core/dispatch';
import { updateScene } from '../../src/core/scenes/scenes';
import { migrate, migrations } from '../../src/core/library/migrations';
import { hitMark, parseQuery, search, toMatchExpression, toSegments } from '../../src/core/search/search';
import { attachTag } from '../../src/core/tags/tags';
import type { SearchHit } from '../../src/shared/notes';
import { redShoesLibrary, tempHome } from '../temp-library';

function redShoes() {
  const shelf = redShoesLibrary();
  const find = (query: string, filmId?: number) => search(shelf.db, { query, filmId, limit: 50 }).hits;
  return { ...shelf, find };
}

const notes = (hits: SearchHit[]) => hits.filter((h) => h.kind === 'annotation').map((h) => h.id);
const marked = (hit: SearchHit) => hit.snippet.map((s) => (s.hit ? `[${s.text}]` : s.text)).join('');

describe('reading the search box', () => {
  it('takes words, phrases, tag: and scene: filters, and knows when the last word is still being typed', () => {
    expect(parseQuery('red sho')).toEqual({ words: ['red', 'sho'], prefixLast: true, tags: [], sceneWords: [] });
    expect(parseQuery('red shoes ')).toMatchObject({ prefixLast: false });
    expect(parseQuery('"red shoes" tag:music/leitmotif TAG:"film noir" scene:dream')).toEqual({
      words: ['red shoes'],
      prefixLast: false,
      tags: ['music/leitmotif', 'film noir'],
      sceneWords: ['dream']
    });
  });

  it('never lets typed operators or quotes become FTS syntax', () => {
    expect(toMatchExpression(['a"b', 'OR', 'NEAR(x'], true)).toBe('"a""b" AND "OR" AND "NEAR(x" *');
    expect(parseQuery('*** -- ^ :').words).toEqual([]);
  });
});

describe('search', () => {
  it('finds scenes, notes, dialogue and quotes, best matches first, with marked snippets', () => {
    const { db, note, find, scenes } = redShoes();
    const once = note('The staircase shot mirrors the audition.', 3);
    const thrice = note('Staircase, staircase, and the staircase again: a motif of ascent.', 5);
    db.prepare(
      "INSERT INTO film_lines (film_id, kind, position, speaker, text) VALUES (1, 'dialogue', 1, 'Lermontov', 'Why do you want to dance? The staircase awaits.')"
    ).run();
    db.prepare(
      "INSERT INTO film_lines (film_id, kind, position, speaker, text) VALUES (1, 'quote', 1, 'Vicky', 'Why do you want to live?')"
    ).run();

    const hits = find('staircase');
    expect(notes(hits)).toEqual([thrice.id, once.id]);
    expect(hits.map((h) => h.kind).sort()).toEqual(['annotation', 'annotation', 'dialogue']);
    const first = hits.find((h) => h.id === thrice.id)!;
    expect(first).toMatchObject({ sceneId: scenes[5].id, label: `Note · ${scenes[5].title}` });
    expect(marked(first)).toContain('[Staircase], [staircase], and the [staircase]');
    expect(find('lermontov')[0]).toMatchObject({ kind: 'dialogue', label: 'Dialogue · Lermontov' });
    expect(find('live')[0]).toMatchObject({ kind: 'quote', label: 'Quote · Vicky' });

    // A word in a scene's title outranks the same word deep in a description.
    const dream = find('dream');
    expect(dream[0]).toMatchObject({ kind: 'scene', label: 'The Dream Sequence' });
  });

  it('folds case and accents, and matches prefixes while typing', () => {
    const { note, find } = redShoes();
    const amelie = note('Like Amélie, Vicky sees the world through a PRISM of colour.');
    expect(notes(find('amelie'))).toEqual([amelie.id]);
    expect(notes(find('AMÉLIE'))).toEqual([amelie.id]);
    expect(notes(find('prism'))).toEqual([amelie.id]);
    expect(notes(find('amé'))).toEqual([amelie.id]);
    expect(notes(find('am '))).toEqual([]);
    expect(notes(find('colour ami'))).toEqual([]);
    expect(notes(find('vicky colo'))).toEqual([amelie.id]);
  });

  it('filters by tag (nested tags included) and by scene title', () => {
    const { db, note, find, scenes } = redShoes();
    const a = note('ballet as obsession', 0);
    const b = note('ballet as escape', 3);
    const c = note('ballet as duty', 3);
    attachTag(db, { kind: 'annotation', id: a.id }, { name: 'music/leitmotif' });
    attachTag(db, { kind: 'annotation', id: b.id }, { name: 'Music' });
    attachTag(db, { kind: 'scene', id: scenes[3].id }, { name: 'music' });

    expect(notes(find('ballet tag:music/leitmotif'))).toEqual([a.id]);
    expect(notes(find('ballet tag:MUSIC')).sort()).toEqual([a.id, b.id].sort());
    expect(
      find('ballet tag:music')
        .filter((h) => h.kind === 'scene')
        .map((h) => h.id)
    ).toEqual([scenes[3].id]);
    expect(find('ballet tag:nosuchtag')).toEqual([]);
    expect(notes(find('ballet scene:dream')).sort()).toEqual([b.id, c.id].sort());
    expect(notes(find('scene:dream'))).toHaveLength(2);
    expect(notes(find('tag:music')).sort()).toEqual([a.id, b.id].sort());
    expect(find('ballet scene:nowhere')).toEqual([]);
  });

  it('keeps the index right through edits, trash, restore and deletion', () => {
    const { db, note, find, scenes } = redShoes();
    const n = note('an albatross');
    updateAnnotation(db, { id: n.id, body: 'a cormorant' });
    expect(notes(find('albatross'))).toEqual([]);
    expect(notes(find('cormorant'))).toEqual([n.id]);
    trashAnnotation(db, n.id);
    expect(notes(find('cormorant'))).toEqual([]);
    restoreAnnotation(db, n.id);
    expect(notes(find('cormorant'))).toEqual([n.id]);
    trashAnnotation(db, n.id);
    emptyTrash(db, 1);
    expect(notes(find('cormorant'))).toEqual([]);

    updateScene(db, { sceneId: scenes[0].id, title: 'The Zeppelin' });
    expect(find('zeppelin').map((h) => h.id)).toEqual([scenes[0].id]);
    updateScene(db, { sceneId: scenes[0].id, title: 'The Airship' });
    expect(find('zeppelin')).toEqual([]);
    expect(find('airship').map((h) => h.id)).toEqual([scenes[0].id]);
    for (const table of ['annotations_fts', 'scenes_fts', 'film_lines_fts', 'cues_fts']) {
      expect(() => db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
    }
  });

  it('searches one film when asked, and answers nonsense and hostile input calmly', async () => {
    const { library, db, note, find } = redShoes();
    note('zebra crossing');
    db.prepare("INSERT INTO films (title, synopsis, source_name) VALUES ('Other', 'zebra film', 'x')").run();
    const other = createAnnotation(db, { target: { kind: 'film', id: 2 }, body: 'zebra elsewhere', filmTimeMs: null });
    expect(notes(find('zebra', 2))).toEqual([other.id]);
    expect(notes(find('zebra'))).toHaveLength(2);
    for (const query of [
      '"',
      'AND',
      'NOT OR',
      'a OR',
      '(((',
      'body:x',
      "'; DROP TABLE annotations; --",
      'NEAR(a b)',
      '*',
      '^foo',
      '🎬',
      ''
    ]) {
      const outcome = await dispatch(library, 'search.query', { query });
      expect(outcome.ok, query).toBe(true);
    }
    expect(db.prepare('SELECT count(*) FROM annotations').pluck().get()).toBe(2);
  });

  it('searches one film by its own matches: the film id is never a word, and never moves a rank', () => {
    const { db, note, find } = redShoes();
    const plain = note('A zebra in the wings.', 1);
    const repeated = note('Zebra, zebra: the zebra again.', 2);
    db.prepare("INSERT INTO films (title, synopsis, source_name) VALUES ('Other', 'an other film', 'x')").run();
    createAnnotation(db, { target: { kind: 'film', id: 2 }, body: 'A zebra elsewhere', filmTimeMs: null });

    // Film 2's id is indexed for scoping, but a search for "2" must not find every row of film 2.
    expect(find('zebra', 2)).toHaveLength(1);
    expect(find('2', 2)).toEqual([]);
    const inFilm = find('zebra', 1);
    expect(notes(inFilm)).toEqual([repeated.id, plain.id]);
    // The scoped search ranks exactly as the library-wide one, and its snippets come from the note's text.
    const everywhere = new Map(find('zebra').map((h) => [h.id, h.rank]));
    for (const hit of inFilm) {
      expect(hit.rank).toBe(everywhere.get(hit.id));
      expect(marked(hit)).toMatch(/\[zebra\]/i);
    }
    expect(find('zebra', 1).every((h) => h.filmId === 1)).toBe(true);
  });

  it('finds what was written before the film-scoped index existed', () => {
    const db = new Database(join(tempHome(), 'old.sqlite'));
    migrate(
      db,
      migrations.filter((m) => m.version < 4)
    );
    db.prepare("INSERT INTO films (id, title, synopsis, source_name) VALUES (5, 'Old', 'written long ago', 'x')").run();
    db.prepare("INSERT INTO annotations (film_id, body) VALUES (5, 'The heron returns')").run();
    migrate(db);
    expect(search(db, { query: 'heron', filmId: 5, limit: 10 }).hits.map((h) => h.kind)).toEqual(['annotation']);
    expect(search(db, { query: 'heron', filmId: 6, limit: 10 }).hits).toEqual([]);
    // And the synopsis of a film imported before 007 indexed synopses.
    expect(search(db, { query: 'long ago', filmId: 5, limit: 10 }).hits.map((h) => [h.kind, h.id])).toEqual([['synopsis', 5]]);
    db.close();
  });

  it('finds cues by their label, with what it takes to play them, and keeps their index right', () => {
    const { db, find, scenes } = redShoes();
    const trackId = db.prepare('SELECT id FROM tracks WHERE film_id = 1 ORDER BY position LIMIT 1').pluck().get() as number;
    const cue = createCue(db, {
      trackId,
      label: 'The cormorant fanfare',
      startMs: 61_000,
      endMs: 75_500,
      sceneIds: [scenes[4].id, scenes[2].id]
    });
    const hit = find('cormorant', 1).find((h) => h.kind === 'cue');
    expect(hit).toMatchObject({ id: cue.id, filmId: 1, sceneId: scenes[2].id, cue: { trackId, startMs: 61_000, endMs: 75_500 } });
    expect(marked(hit!)).toBe('The [cormorant] fanfare');
    expect(find('cormorant', 2)).toEqual([]);
    expect(find('tag:anything cormorant')).toEqual([]);

    updateCue(db, { cueId: cue.id, label: 'The heron fanfare' });
    expect(find('cormorant')).toEqual([]);
    expect(find('heron').map((h) => h.id)).toEqual([cue.id]);
    deleteCue(db, cue.id);
    expect(find('heron')).toEqual([]);
    // A film deleted with its tracks takes its cues out of the index too.
    createCue(db, { trackId, label: 'The egret coda', startMs: 0, endMs: 1 });
    db.prepare('DELETE FROM films WHERE id = 1').run();
    expect(find('egret')).toEqual([]);
    expect(() => db.prepare("INSERT INTO cues_fts (cues_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
  });

  it('finds words in a 1 MB note and in odd Unicode', () => {
    const { note, find } = redShoes();
    const big = note('filler '.repeat(140_000) + 'needle at the end');
    const odd = note('Zoë’s naïve façade — 東京 物語 — ﬁlm');
    expect(notes(find('needle'))).toEqual([big.id]);
    expect(notes(find('zoe naive facade'))).toEqual([odd.id]);
    expect(notes(find('東京'))).toEqual([odd.id]);
  });
});

describe("a film's synopsis", () => {
  it('is searched, scoped to its film, and kept right when the film goes', () => {
    const { db, find } = redShoes();
    const hit = find('ballerina').find((h) => h.kind === 'synopsis')!;
    expect(hit).toMatchObject({ id: 1, filmId: 1, sceneId: null, label: 'Synopsis · The Red Shoes' });
    expect(marked(hit)).toContain('an aspiring [ballerina] torn between');
    expect(find('ballerina', 1).map((h) => h.kind)).toContain('synopsis');
    expect(find('ballerina', 2)).toEqual([]);
    // The film id is a term of the index, never a word of the synopsis.
    expect(find('1').filter((h) => h.kind === 'synopsis')).toEqual([]);

    db.prepare("UPDATE films SET synopsis = 'A story of a composer and a waltz.' WHERE id = 1").run();
    expect(find('ballerina').filter((h) => h.kind === 'synopsis')).toEqual([]);
    expect(
      find('waltz')
        .filter((h) => h.kind === 'synopsis')
        .map((h) => h.id)
    ).toEqual([1]);
    db.prepare('DELETE FROM films WHERE id = 1').run();
    expect(find('waltz')).toEqual([]);
    expect(() => db.prepare("INSERT INTO films_fts (films_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
  });
});

describe('snippets', () => {
  it('are plain text segments, whatever the note holds', () => {
    expect(toSegments('a \u0002b\u0002 c', '\u0002')).toEqual([
      { text: 'a ', hit: false },
      { text: 'b', hit: true },
      { text: ' c', hit: false }
    ]);
    const { note, find } = redShoes();
    note('<img src=x onerror=alert(1)> markup in a note');
    const hit = find('markup')[0];
    expect(hit.snippet.map((s) => s.text).join('')).toContain('<img src=x onerror=alert(1)>');
  });

  it('mark the matched words by position, even in a note that holds the control characters U+0002 and U+0003', () => {
    const { note, find, db } = redShoes();
    const odd = note('before \u0002wrong\u0003 words, then the ballet\u0003 and \u0002 ballet again');
    const hit = find('ballet').find((h) => h.id === odd.id)!;
    expect(hit.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['ballet', 'ballet']);
    // The note's own characters come back as text, where they were.
    expect(hit.snippet.map((s) => s.text).join('')).toBe('before \u0002wrong\u0003 words, then the ballet\u0003 and \u0002 ballet again');
    expect(marked(hit)).toBe('before \u0002wrong\u0003 words, then the [ballet]\u0003 and \u0002 [ballet] again');

    // Dialogue (two columns) and cue labels are marked the same way.
    db.prepare(
      "INSERT INTO film_lines (film_id, kind, position, speaker, text) VALUES (1, 'quote', 9, 'Vicky\u0004', '\u0002Why\u0003 \u0005do you want to dance?')"
    ).run();
    const quote = find('dance').find((h) => h.kind === 'quote')!;
    expect(marked(quote)).toBe('\u0002Why\u0003 \u0005do you want to [dance]?');
  });

  it('pick for each row a marker its own text does not hold', () => {
    expect(hitMark('plain text')).toBe('\u0002');
    expect(hitMark('\u0002', null, '\u0003\u0004')).toBe('\u0005');
  });
});
