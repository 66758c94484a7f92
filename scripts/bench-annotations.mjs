// Annotation search, list and tag figures on the deterministic large library of bench/large-library.ts
// (100,000 notes at scale 1), with every note moved into one film for the film-wide list's worst
// case. Run: node scripts/bench-annotations.mjs [--scale 1] [--runs 200]. It loads the TypeScript
// library through Vite (the same transform the build uses), so it needs no build step. Figures
// only: nothing here passes or fails. `npm run bench` covers the contract-versus-SQL comparison.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createServer } from 'vite';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const scale = arg('scale', 1);
const runs = arg('runs', 200);

const vite = await createServer({ configFile: false, logLevel: 'error', server: { middlewareMode: true, hmr: false }, appType: 'custom' });
try {
  const { openLibrary } = await vite.ssrLoadModule('/src/main/library/library.ts');
  const { search } = await vite.ssrLoadModule('/src/main/library/search.ts');
  const { listAnnotations } = await vite.ssrLoadModule('/src/main/library/annotations.ts');
  const { listTags } = await vite.ssrLoadModule('/src/main/library/tags.ts');
  const { buildLargeLibrary } = await vite.ssrLoadModule('/bench/large-library.ts');

  const home = mkdtempSync(join(tmpdir(), 'reelnotes-bench-'));
  const library = openLibrary({ home });
  try {
    let started = performance.now();
    buildLargeLibrary(library.db, scale);
    const filmId = 1;
    const sceneIds = library.db.prepare('SELECT id FROM scenes WHERE film_id = ? ORDER BY position').pluck().all(filmId);
    const move = library.db.prepare('UPDATE annotations SET film_id = ?, scene_id = ? WHERE id % ? = ?');
    library.db.transaction(() => sceneIds.forEach((sceneId, i) => move.run(filmId, sceneId, sceneIds.length, i)))();
    const notes = library.db.prepare('SELECT count(*) FROM annotations').pluck().get();
    const tagIds = library.db.prepare('SELECT id FROM tags ORDER BY id LIMIT 2').pluck().all();
    console.log(`built ${notes} annotations (all in film ${filmId}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const measure = (label, fn, count = runs) => {
      fn(0);
      const times = [];
      for (let i = 0; i < count; i++) {
        const t = performance.now();
        fn(i);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      const at = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))].toFixed(2);
      console.log(`${label.padEnd(44)} p50 ${at(50).padStart(8)} ms   p95 ${at(95).padStart(8)} ms`);
    };

    const prefixes = ['bal', 'sho', 'dre', 'lerm', 'amé', 'sac', 'wal', 'com'];
    const query = (text) => () => search(library.db, { query: text, filmId, limit: 50 });
    measure('search, common word ("ballet")', query('ballet'));
    measure('search, rarer word ("sacrifice")', query('sacrifice'));
    measure('search, accent folded ("amelie")', query('amelie'));
    measure('search, two words', query('red shoes'));
    measure('search, prefix while typing (varied)', (i) => search(library.db, { query: prefixes[i % prefixes.length], filmId, limit: 50 }));
    measure('search, whole library (no film)', () => search(library.db, { query: 'ballet', limit: 50 }));
    const firstTag = library.db.prepare('SELECT name FROM tags ORDER BY id LIMIT 1').pluck().get();
    measure('search, word + tag: filter', query(`ballet tag:"${firstTag}"`));
    measure('search, scene: filter', query('ballet scene:"scene 7"'));
    const page = (order, offset, tagIds = []) => () =>
      listAnnotations(library.db, { filmId, order, tagIds, tagMatch: 'any', offset, limit: 200 });
    measure('list, film order, first page (200)', page('film', 0), 50);
    measure('list, film order, page at 50,000', page('film', 50_000), 50);
    measure('list, last edited, first page', page('edited', 0), 50);
    measure('list, tag filter (any of 2)', page('film', 0, tagIds), 50);
    measure('tag list with counts', () => listTags(library.db, filmId), 50);
  } finally {
    library.close();
    rmSync(home, { recursive: true, force: true });
  }
} finally {
  await vite.close();
}
