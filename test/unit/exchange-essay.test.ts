import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/core/dispatch';
import { seedDefaultLibrary } from '../../src/core/library/default-library';
import { listScenes } from '../../src/core/scenes/scenes';
import type { ExportedFile } from '../../src/shared/contract/fields';
import type { FrameGrab } from '../../src/shared/frames';
import { filmsDir, tempLibrary } from '../temp-library';
import { writeTestFilm } from '../video-fixtures';

let dir: string;
let film: string;
const frames: Buffer[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reelnotes-essay-'));
  film = writeTestFilm(dir, 'film.mp4', 1);
  for (const n of [3, 12]) {
    const png = join(dir, `frame-${n}.png`);
    execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', film, '-vf', `select=eq(n\\,${n})`, '-frames:v', '1', png]);
    frames.push(readFileSync(png));
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function studiedFilm() {
  const library = tempLibrary();
  seedDefaultLibrary(library, filmsDir);
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const outcome = await dispatch(library, method, input);
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.result as T;
  };
  const [audition, second] = listScenes(library.db, 1);
  await call('exchange.saveCitationFacts', { filmId: 1, directors: ['Michael Powell', 'Emeric Pressburger'], year: 1948, studio: null });
  await call('scenes.setSpan', { sceneId: audition.id, startMs: 300_000, endMs: 421_500 });
  await call('video.attach', { filmId: 1, path: film });
  const grabs: FrameGrab[] = [];
  for (const [i, png] of frames.entries())
    grabs.push(await call<FrameGrab>('frames.grab', { filmId: 1, timeMs: 120 + i * 360, png: png.toString('base64') }));
  const note = await call<{ id: number }>('notes.create', {
    target: { kind: 'scene', id: audition.id },
    body: `Her leap, held <script>alert("x")</script> & **bold**.\n\n${grabs[0].markdown}\n\nAfter the frame.`,
    filmTimeMs: 5_025_000
  });
  await call('tags.attach', { target: { kind: 'annotation', id: note.id }, name: 'motif/<red>' });
  await call('tags.attach', { target: { kind: 'scene', id: second.id }, name: 'ballet' });
  return { library, call, grabs };
}

describe('the essay to print', () => {
  it('is one HTML file with the scenes, their spans and notes, tags, citations and every frame grab embedded', async () => {
    const { call } = await studiedFilm();
    const essay = await call<ExportedFile>('exchange.exportEssay', { filmId: 1 });
    expect(essay.fileName).toBe('the-red-shoes-study.html');
    const html = essay.text;
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<h2>1. The Audition</h2>');
    expect(html).toContain('<p class="span">00:05:00–00:07:01</p>');
    expect(html).toContain('<span class="time">01:23:45</span>');
    expect(html).toContain('<span class="tag">motif/&lt;red&gt;</span>');
    expect(html).toContain('<span class="tag">ballet</span>');
    // The note's citation, and the film in both styles under works cited.
    expect(html).toContain('<i>The Red Shoes</i>, directed by Michael Powell and Emeric Pressburger (1948), 01:23:45.');
    expect(html).toMatch(
      /<section class="works-cited">[\s\S]*<i>The Red Shoes<\/i>\. Directed by Michael Powell and Emeric Pressburger, 1948\./
    );
    // The note's frame stands where the note shows it; the other grab is a plate of its own.
    const images = [...html.matchAll(/<img src="data:image\/png;base64,([A-Za-z0-9+/=]+)" alt="([^"]*)">/g)];
    expect(images.map((m) => Buffer.from(m[1], 'base64'))).toEqual(frames);
    expect(images[0][2]).toBe('The Red Shoes (1948), 00:00:00');
    expect(html).toContain('<figcaption><i>The Red Shoes</i> (1948), 00:00:00</figcaption>');
    expect(html.indexOf(images[0][0])).toBeLessThan(html.indexOf('After the frame.'));
    expect(html).toMatch(/<section class="frames"><h2>Frames<\/h2>\n<figure><img src="data:image\/png;base64,/);
  });

  it('prints A4 with a page per scene, and holds no script and nothing fetched', async () => {
    const { call } = await studiedFilm();
    const html = (await call<ExportedFile>('exchange.exportEssay', { filmId: 1 })).text;
    expect(html).toContain('@page { size: A4;');
    expect(html).toMatch(/@media print \{[^}]*\}\s*\.scene \{ break-before: page; \}/);
    expect(html).toContain(`content="default-src 'none'; img-src data:;`);
    // What the person typed is text: the script tag, the ampersand and the Markdown stay as written.
    expect(html).toContain('Her leap, held &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; **bold**.');
    expect(html).not.toMatch(/<script|javascript:|\son[a-z]+=/i);
    expect(html).not.toMatch(/\b(?:src|href)="(?!data:image\/png;base64,)/);
  });

  it('names a frame whose image has gone instead of dropping it', async () => {
    const { library, call, grabs } = await studiedFilm();
    rmSync(join(library.mediaDir, `${grabs[0].sha256}.png`));
    const html = (await call<ExportedFile>('exchange.exportEssay', { filmId: 1 })).text;
    expect(html).toContain('[The frame grab “The Red Shoes (1948), 00:00:00” is missing from the library.]');
  });
});
