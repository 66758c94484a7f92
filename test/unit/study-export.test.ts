import { describe, expect, it } from 'vitest';
import { seedDefaultLibrary } from '../../src/main/library/default-library';
import { importFilmPage, listFilms, listScenes, updateScene } from '../../src/main/library/films';
import { escapeMarkdown, exportFilmMarkdown, fileNameFor } from '../../src/main/library/study-export';
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
    expect(text).toContain('> **Why it matters.** This scene highlights Vicky\'s determination and talent');
    expect(text).toContain('## Score\n\n- **The Red Shoes Ballet** — Cinematography — The climactic ballet performance\n- **Entr\'acte** — Walter Goehr — Interlude during the film');
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
        'Without you, today\'s emotions would be the scurf of yesterday\'s.',
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
