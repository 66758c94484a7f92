import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { methodNames, type MethodName } from '../../src/shared/contract';
import type { CallOutcome, ErrorCode } from '../../src/shared/errors';
import type { OpenFilm, Scene } from '../../src/shared/domain';
import { seedDefaultLibrary } from '../../src/core/library/default-library';
import { dispatch } from '../../src/core/dispatch';
import { handlers } from '../../src/core/handlers';
import type { Library } from '../../src/core/library/library';
import { filmsDir, tempLibrary } from '../temp-library';

afterEach(() => {
  vi.restoreAllMocks();
});

function seeded(): { library: Library; filmId: number; sceneId: number } {
  const library = tempLibrary();
  seedDefaultLibrary(library, filmsDir);
  const filmId = library.db.prepare('SELECT id FROM films').pluck().get() as number;
  const sceneId = library.db.prepare('SELECT id FROM scenes WHERE film_id = ? AND position = 1').pluck().get(filmId) as number;
  return { library, filmId, sceneId };
}

async function succeeds<R>(library: Library, method: string, input: unknown): Promise<R> {
  const outcome = await dispatch(library, method, input);
  if (!outcome.ok) throw new Error(`${method} failed: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as R;
}

async function fails(library: Library, method: string, input: unknown, code: ErrorCode): Promise<string> {
  const outcome: CallOutcome<unknown> = await dispatch(library, method, input);
  expect(outcome, `${method}(${JSON.stringify(input)})`).toEqual({ ok: false, error: { code, message: expect.any(String) } });
  return outcome.ok ? '' : outcome.error.message;
}

describe('calls the contract does not know', () => {
  it.each(['films.delete', '', 'FILMS.LIST', '__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    '%j is UNKNOWN_METHOD',
    async (name) => {
      const { library } = seeded();
      const message = await fails(library, name, {}, 'UNKNOWN_METHOD');
      expect(message).toBe(`There is no method called "${name}".`);
    }
  );

  it('clips a very long method name in its message', async () => {
    const { library } = seeded();
    const message = await fails(library, 'x'.repeat(10_000), {}, 'UNKNOWN_METHOD');
    expect(message.length).toBeLessThan(200);
  });
});

describe('input the contract refuses', () => {
  it.each([
    ['a string', '1'],
    ['a boolean', true],
    ['null', null],
    ['negative', -1],
    ['zero', 0],
    ['a float', 1.5],
    ['beyond the safe integers', 2 ** 53],
    ['huge', 1e300],
    ['infinite', Infinity],
    ['NaN', NaN],
    ['an array', [1]]
  ])('an id that is %s', async (_what, filmId) => {
    const { library } = seeded();
    for (const method of ['films.get', 'films.open', 'films.lines', 'scenes.list', 'tracks.list']) {
      const message = await fails(library, method, { filmId }, 'INVALID_INPUT');
      expect(message).toMatch(new RegExp(`^Invalid input for ${method.replace('.', '\\.')}: filmId: `));
    }
    expect(await fails(library, 'scenes.get', { sceneId: filmId }, 'INVALID_INPUT')).toContain('sceneId');
    expect(await fails(library, 'scenes.update', { sceneId: filmId, title: 'x' }, 'INVALID_INPUT')).toContain('sceneId');
  });

  it('input that is not an object', async () => {
    const { library } = seeded();
    for (const input of ['films', 42, [], [{ filmId: 1 }], true]) {
      await fails(library, 'films.get', input, 'INVALID_INPUT');
      await fails(library, 'films.list', input, 'INVALID_INPUT');
    }
  });

  it('missing fields, named in the message', async () => {
    const { library } = seeded();
    expect(await fails(library, 'films.get', {}, 'INVALID_INPUT')).toMatch(/filmId/);
    expect(await fails(library, 'scenes.get', undefined, 'INVALID_INPUT')).toMatch(/sceneId/);
    expect(await fails(library, 'scenes.update', { title: 'A title' }, 'INVALID_INPUT')).toMatch(/sceneId/);
    expect(await fails(library, 'library.importFilmPage', { text: 'x' }, 'INVALID_INPUT')).toMatch(/fileName/);
    expect(await fails(library, 'library.importFilmPage', { fileName: 'x.txt' }, 'INVALID_INPUT')).toMatch(/text/);
  });

  it('fields of the wrong type, named in the message', async () => {
    const { library, sceneId } = seeded();
    expect(await fails(library, 'scenes.update', { sceneId, title: 7 }, 'INVALID_INPUT')).toMatch(/title/);
    expect(await fails(library, 'scenes.update', { sceneId, description: ['a'] }, 'INVALID_INPUT')).toMatch(/description/);
    expect(await fails(library, 'scenes.update', { sceneId, context: { text: 'a' } }, 'INVALID_INPUT')).toMatch(/context/);
    expect(await fails(library, 'library.importFilmPage', { fileName: 'a.txt', text: 12 }, 'INVALID_INPUT')).toMatch(/text/);
    expect(await fails(library, 'library.importFilmPage', { fileName: '', text: 'x' }, 'INVALID_INPUT')).toMatch(/fileName/);
  });

  it('properties no method declares (every schema is strict)', async () => {
    const { library, filmId, sceneId } = seeded();
    const valid: Partial<Record<MethodName, object>> = {
      'films.list': {},
      'films.get': { filmId },
      'films.lines': { filmId },
      'scenes.list': { filmId },
      'scenes.get': { sceneId },
      'scenes.update': { sceneId, title: 'A title' },
      'tracks.list': { filmId },
      'library.importFilmPage': { fileName: 'a.txt', text: 'x' }
    };
    for (const [method, input] of Object.entries(valid)) {
      expect(await fails(library, method, { ...input, sneaky: true }, 'INVALID_INPUT')).toMatch(/sneaky/);
    }
    // Methods other domains add must refuse a stray property too, whatever else they require.
    for (const method of methodNames) {
      await fails(library, method, { ...valid[method], sneaky: true }, 'INVALID_INPUT');
    }
    expect(await fails(library, 'films.get', JSON.parse(`{"filmId":${filmId},"__proto__":{"admin":true}}`), 'INVALID_INPUT')).toMatch(
      /__proto__/
    );
  });

  it('an update that changes nothing', async () => {
    const { library, sceneId } = seeded();
    const message = await fails(library, 'scenes.update', { sceneId }, 'INVALID_INPUT');
    expect(message).toMatch(/Nothing to update: give a title, description or context/);
  });

  it('a title that is only whitespace, or too long', async () => {
    const { library, sceneId } = seeded();
    expect(await fails(library, 'scenes.update', { sceneId, title: ' \t\n ' }, 'INVALID_INPUT')).toMatch(/title: A scene needs a title/);
    expect(await fails(library, 'scenes.update', { sceneId, title: 'x'.repeat(501) }, 'INVALID_INPUT')).toMatch(/title/);
    expect(await fails(library, 'scenes.update', { sceneId, description: 'x'.repeat(20_001) }, 'INVALID_INPUT')).toMatch(/description/);
    expect((await succeeds<Scene>(library, 'scenes.get', { sceneId })).title).toBe('The Audition');
  });

  it('a film page over 2 MB', async () => {
    const { library } = seeded();
    const message = await fails(
      library,
      'library.importFilmPage',
      { fileName: 'big.txt', text: 'x'.repeat(2 * 1024 * 1024 + 1) },
      'INVALID_INPUT'
    );
    expect(message).toMatch(/text: The film page is larger than 2 MB/);
  });
});

describe('ids that are not in the library', () => {
  it('are NOT_FOUND, named in the message', async () => {
    const { library } = seeded();
    const missing = 987_654;
    for (const method of ['films.get', 'films.open', 'films.lines', 'scenes.list', 'tracks.list']) {
      expect(await fails(library, method, { filmId: missing }, 'NOT_FOUND')).toBe(`There is no film with id ${missing} in the library.`);
    }
    expect(await fails(library, 'scenes.get', { sceneId: missing }, 'NOT_FOUND')).toBe(
      `There is no scene with id ${missing} in the library.`
    );
    expect(await fails(library, 'scenes.update', { sceneId: missing, title: 'New' }, 'NOT_FOUND')).toMatch(/no scene with id 987654/);
  });
});

describe('failures the library did not expect', () => {
  it('are INTERNAL, without the error text or a stack trace, and are logged on our side', async () => {
    const { library } = seeded();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const secret = new TypeError("Cannot read properties of undefined (reading 'id') at /home/someone/secret/path.ts:12:7");
    vi.spyOn(handlers, 'films.list').mockImplementation(() => {
      throw secret;
    });
    const message = await fails(library, 'films.list', {}, 'INTERNAL');
    expect(message).toBe('Something went wrong in films.list; nothing was changed by it.');
    expect(message).not.toMatch(/secret|TypeError|\n\s+at /);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('films.list'), secret);
  });

  it('include a rejected promise and a database that went away', async () => {
    const { library, filmId } = seeded();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(handlers, 'films.get').mockImplementation(() => Promise.reject(new Error('SQLITE_IOERR at /tmp/x')));
    expect(await fails(library, 'films.get', { filmId }, 'INTERNAL')).not.toMatch(/SQLITE|\/tmp/);
    library.close();
    expect(await fails(library, 'scenes.list', { filmId }, 'INTERNAL')).toBe(
      'Something went wrong in scenes.list; nothing was changed by it.'
    );
  });
});

describe('reading the library through the contract', () => {
  it('lists the film, its scenes in order and its tracks', async () => {
    const { library, filmId } = seeded();
    expect(await succeeds(library, 'films.list', {})).toEqual([
      { id: filmId, title: 'The Red Shoes', composer: 'Brian Easdale', sceneCount: 9 }
    ]);
    expect(await succeeds(library, 'films.list', undefined)).toHaveLength(1);
    expect(await succeeds(library, 'films.get', { filmId })).toMatchObject({ title: 'The Red Shoes', dialogueCount: 0, quoteCount: 0 });
    const scenes = await succeeds<Scene[]>(library, 'scenes.list', { filmId });
    expect(scenes.map((s) => s.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(scenes[8]).toMatchObject({ filmId, title: 'The Final Decision' });
    expect(await succeeds(library, 'tracks.list', { filmId })).toEqual([
      {
        id: expect.any(Number),
        filmId,
        position: 1,
        title: 'The Red Shoes Ballet',
        credit: 'Cinematography',
        description: 'The climactic ballet performance'
      },
      { id: expect.any(Number), filmId, position: 2, title: "Entr'acte", credit: 'Walter Goehr', description: 'Interlude during the film' }
    ]);
  });

  it('opens a film in one call: the films, the film, its scenes and tracks; the first film when none is named', async () => {
    const { library, filmId } = seeded();
    const opened = await succeeds<OpenFilm>(library, 'films.open', { filmId });
    expect(opened).toEqual({
      films: await succeeds(library, 'films.list', {}),
      film: await succeeds(library, 'films.get', { filmId }),
      scenes: await succeeds(library, 'scenes.list', { filmId }),
      tracks: await succeeds(library, 'tracks.list', { filmId }),
      sceneId: null
    });
    expect(await succeeds(library, 'films.open', {})).toEqual(opened);
    library.db.prepare('DELETE FROM films').run();
    expect(await succeeds(library, 'films.open', {})).toEqual({ films: [], film: null, scenes: [], tracks: [], sceneId: null });
  });

  it('reopens on the film and scene the person left, and falls back when either has since been deleted', async () => {
    const { library, filmId: redShoes } = seeded();
    const archers = await succeeds<{ film: { id: number } }>(library, 'library.importFilmPage', {
      fileName: 'the-archers-notebook.txt',
      text: readFileSync(join(__dirname, '..', '..', 'e2e', 'fixtures', 'the-archers-notebook.txt'), 'utf8')
    });
    // "The Archers' Notebook" is first in the list, so opening on the first film would hide the fault.
    expect((await succeeds<OpenFilm>(library, 'films.open', {})).film?.id).toBe(archers.film.id);
    const scenes = await succeeds<Scene[]>(library, 'scenes.list', { filmId: redShoes });
    const left = scenes[4];
    expect(await succeeds(library, 'films.rememberPlace', { filmId: redShoes, sceneId: left.id })).toEqual({
      filmId: redShoes,
      sceneId: left.id
    });
    const reopened = await succeeds<OpenFilm>(library, 'films.open', {});
    expect([reopened.film?.id, reopened.sceneId]).toEqual([redShoes, left.id]);
    // Naming a film opens it without a scene: the person chose it.
    expect((await succeeds<OpenFilm>(library, 'films.open', { filmId: redShoes })).sceneId).toBeNull();

    expect(await fails(library, 'films.rememberPlace', { filmId: archers.film.id, sceneId: left.id }, 'INVALID_INPUT')).toMatch(
      /not a scene of film/
    );
    library.db.prepare('DELETE FROM scenes WHERE id = ?').run(left.id);
    const sceneGone = await succeeds<OpenFilm>(library, 'films.open', {});
    expect([sceneGone.film?.id, sceneGone.sceneId]).toEqual([redShoes, null]);
    library.db.prepare('DELETE FROM films WHERE id = ?').run(redShoes);
    const filmGone = await succeeds<OpenFilm>(library, 'films.open', {});
    expect([filmGone.film?.id, filmGone.sceneId]).toEqual([archers.film.id, null]);
    // A place that is not one (an archive edited by hand) opens the first film too.
    library.db.prepare("UPDATE library_facts SET value = 'not json' WHERE key = 'place_left'").run();
    expect((await succeeds<OpenFilm>(library, 'films.open', {})).film?.id).toBe(archers.film.id);
  });

  it('imports a page, and refuses a broken one or a second copy', async () => {
    const { library } = seeded();
    const broken = await fails(library, 'library.importFilmPage', { fileName: 'broken.txt', text: 'Just a title\n' }, 'INVALID_FILM_PAGE');
    expect(broken).toMatch(/^broken\.txt, line 1: /);
    const conflict = await fails(
      library,
      'library.importFilmPage',
      {
        fileName: 'copy.txt',
        text: 'The Red Shoes\nS\nDialogues from Movie The Red Shoes\nQuotes from Movie The Red Shoes\nSound Tracks from The Red Shoes by X\nMemorable Scenes from Movie The Red Shoes\n'
      },
      'CONFLICT'
    );
    expect(conflict).toMatch(/"The Red Shoes" is already in your library/);
    expect(await succeeds(library, 'films.list', {})).toHaveLength(1);
  });
});

describe('scenes.update', () => {
  it('round-trips every field, trims the title, and clears context with null', async () => {
    const { library, sceneId } = seeded();
    const original = await succeeds<Scene>(library, 'scenes.get', { sceneId });

    const edited = await succeeds<Scene>(library, 'scenes.update', {
      sceneId,
      title: '  The Audition (my notes)  ',
      description: 'Shot on 16mm; <b>not</b> markup.',
      context: 'Why it matters: the catalyst.'
    });
    expect(edited).toEqual({
      ...original,
      title: 'The Audition (my notes)',
      description: 'Shot on 16mm; <b>not</b> markup.',
      context: 'Why it matters: the catalyst.',
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    });
    expect(await succeeds(library, 'scenes.get', { sceneId })).toEqual(edited);

    const cleared = await succeeds<Scene>(library, 'scenes.update', { sceneId, context: null });
    expect(cleared).toMatchObject({ title: 'The Audition (my notes)', description: 'Shot on 16mm; <b>not</b> markup.', context: null });
    expect((await succeeds<Scene>(library, 'scenes.get', { sceneId })).context).toBeNull();

    const described = await succeeds<Scene>(library, 'scenes.update', { sceneId, description: 'Only the description.' });
    expect(described).toMatchObject({ title: 'The Audition (my notes)', description: 'Only the description.', context: null });
  });

  it('leaves the other scenes as they were', async () => {
    const { library, filmId, sceneId } = seeded();
    const before = await succeeds<Scene[]>(library, 'scenes.list', { filmId });
    await succeeds(library, 'scenes.update', { sceneId, title: 'Changed' });
    const after = await succeeds<Scene[]>(library, 'scenes.list', { filmId });
    expect(after.slice(1)).toEqual(before.slice(1));
    expect(after[0].title).toBe('Changed');
  });
});
