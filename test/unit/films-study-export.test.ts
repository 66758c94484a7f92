import { describe, expect, it } from 'vitest';
import { seedDefaultLibrary } from '../../src/core/library/default-library';
import { importFilmPage, listFilms } from '../../src/core/films/films';
import { listScenes, updateScene } from '../../src/core/scenes/scenes';
import { listTracks } from '../../src/core/tracks/tracks';
import { dispatch } from '../../src/core/dispatch';
import { escapeMarkdown, exportFilmMarkdown, fileNameFor } from '../../src/core/films/study-export';
import { notesForStudy } from '../../src/core/films/study-notes';
import { filmsDir, tempLibrary } from '../temp-library';

describe("a film's study as Markdown", () => {
  it('has the synopsis, every scene in order with its context, and the score', () => {
    const library = tempLibrary();
    seedDefaultLibrary(library, filmsDir);
    const film = listFilms(library.db)[0];
    const { fileName, text } = exportFilmMarkdown(library.db, film.id);
    expect(fileName).toBe('the-red-shoes.md');
    expect(text.startsWith('# The Red Shoes\n\n*Score by Brian Easdale*\n\nIn this classic drama, Vicky Page')).toBe(true);
    const headings = [...text.matchAll(/^### (.*)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(listScenes(library.db, film.id).map((s) => `${s.position}. ${s.title.replace(/'/g, "'")}`));
    expect(text).toContain("> **Why it matters.** This scene highlights Vicky's determination and talent");
    expect(text).toContain(
      "## Score\n\n- **The Red Shoes Ballet** — Cinematography — The climactic ballet performance\n- **Entr'acte** — Walter Goehr — Interlude during the film"
    );
  });

  it('escapes what Markdown would take for formatting or HTML', () => {
    const library = tempLibrary();
    seedDefaultLibrary(library, filmsDir);
    const film = listFilms(library.db)[0];
    const scene = listScenes(library.db, film.id)[0];
    updateScene(library.db, { sceneId: scene.id, context: '<script>alert(1)</script> *not bold* [not](a link)' });
    const { text } = exportFilmMarkdown(library.db, film.id);
    expect(text).toContain('\\<script\\>alert(1)\\</script\\> \\*not bold\\* \\[not\\](a link)');
    expect(escapeMarkdown('# _x_ | `y`')).toBe('\\# \\_x\\_ \\| \\`y\\`');
  });

  it('lists dialogue with speakers and quotes, and makes a portable file name', () => {
    const library = tempLibrary();
    importFilmPage(
      library.db,
      [
        'Amélie: A Study!',
        'Synopsis.',
        'Dialogues from Movie Amélie: A Study!',
        'Amélie: Times are hard for dreamers.',
        'Quotes from Movie Amélie: A Study!',
        "Without you, today's emotions would be the scurf of yesterday's.",
        'Sound Tracks from Amélie: A Study! by Yann Tiersen',
        'Memorable Scenes from Movie Amélie: A Study!'
      ].join('\n'),
      'amelie.txt'
    );
    const { fileName, text } = exportFilmMarkdown(library.db, listFilms(library.db)[0].id);
    expect(fileName).toBe('amelie-a-study.md');
    expect(text).toContain('## Dialogue\n\n- **Amélie:** Times are hard for dreamers.');
    expect(text).toContain("## Quotes\n\n- Without you, today's emotions");
  });

  it('names files from any title', () => {
    expect(fileNameFor('***', 'md')).toBe('film.md');
  });
});

describe('the study with the person’s own work', () => {
  it('includes notes in film-time order with their tags, tags of scenes, and notes on the film', async () => {
    const library = tempLibrary();
    seedDefaultLibrary(library, filmsDir);
    const film = listFilms(library.db)[0];
    const scene = listScenes(library.db, film.id)[3];
    const call = async (method: string, input: unknown) => {
      const outcome = await dispatch(library, method, input);
      if (!outcome.ok) throw new Error(outcome.error.message);
      return outcome.result as { id: number };
    };
    const late = await call('notes.create', {
      target: { kind: 'scene', id: scene.id },
      body: 'The shoes *lead*.\n\n- a list\n- inside',
      filmTimeMs: 3_725_000
    });
    await call('notes.create', { target: { kind: 'scene', id: scene.id }, body: 'Opening of the ballet.', filmTimeMs: 600_000 });
    await call('notes.create', { target: { kind: 'film', id: film.id }, body: 'Easdale scores colour.' });
    await call('notes.create', {
      target: { kind: 'scene', id: listScenes(library.db, film.id)[0].id },
      body: '## Colour\n\nRed on red.',
      filmTimeMs: 30_000
    });
    await call('tags.attach', { target: { kind: 'annotation', id: late.id }, name: 'music/leitmotif' });
    await call('tags.attach', { target: { kind: 'scene', id: scene.id }, name: 'ballet' });
    const track = listTracks(library.db, film.id)[0];
    await call('cues.create', { trackId: track.id, label: 'The *dream* theme', startMs: 8_000, endMs: 20_500, sceneIds: [scene.id] });

    const { text } = exportFilmMarkdown(library.db, film.id, notesForStudy(library.db, film.id));
    expect(text).toContain('## Notes on the film\n\n- Easdale scores colour.\n');
    // A note's own heading starts its own line, under the time, where Markdown reads it as a heading.
    expect(text).toContain('- **00:00:30**\n\n  ## Colour\n\n  Red on red.\n');
    expect(text).toContain(
      '### 4. The Dream Sequence\n\n' +
        `${escapeMarkdown(scene.description)}\n\n` +
        `> **Why it matters.** ${escapeMarkdown(scene.context!)}\n\n` +
        '*Tags:* `ballet`\n\n' +
        '#### Cues in the score\n\n- The \\*dream\\* theme — The Red Shoes Ballet, 0:08–0:20\n\n' +
        '#### My notes\n\n' +
        '- **00:10:00**\n\n  Opening of the ballet.\n' +
        '- **01:02:05** — tags: `music/leitmotif`\n\n  The shoes *lead*.\n\n  - a list\n  - inside\n'
    );
  });
});

describe('re-syncing film times', () => {
  it('moves every note of the film by one offset, is undone by the opposite one, and refuses to go below zero', async () => {
    const library = tempLibrary();
    seedDefaultLibrary(library, filmsDir);
    const film = listFilms(library.db)[0];
    const scene = listScenes(library.db, film.id)[0];
    for (const filmTimeMs of [5_000, 60_000, null]) {
      await dispatch(library, 'notes.create', { target: { kind: 'scene', id: scene.id }, body: 'x', filmTimeMs });
    }
    const times = () => library.db.prepare('SELECT film_time_ms FROM annotations ORDER BY id').pluck().all();
    expect(await dispatch(library, 'notes.shiftFilmTimes', { filmId: film.id, offsetMs: 2_500 })).toEqual({
      ok: true,
      result: { shifted: 2, offsetMs: 2_500 }
    });
    expect(times()).toEqual([7_500, 62_500, null]);
    await dispatch(library, 'notes.shiftFilmTimes', { filmId: film.id, offsetMs: -2_500 });
    expect(times()).toEqual([5_000, 60_000, null]);
    const refused = await dispatch(library, 'notes.shiftFilmTimes', { filmId: film.id, offsetMs: -6_000 });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('before the start of the film') }
    });
    // The offset is said as a time, not as a count of milliseconds.
    expect(refused.ok ? '' : refused.error.message).toBe(
      'Shifting by −00:00:06 would put the note at 00:00:05 before the start of the film; nothing was changed.'
    );
    expect(times()).toEqual([5_000, 60_000, null]);
  });
});
