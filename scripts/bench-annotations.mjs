// Measures annotation search and list times on a 100,000-note library built deterministically by
// test/large-library.ts. Run: node scripts/bench-annotations.mjs [--notes 100000] [--runs 200]
// It loads the TypeScript library through Vite (the same transform the build uses), so it needs
// no build step. Figures only: nothing here passes or fails.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createServer } from 'vite';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const notes = arg('notes', 100_000);
const runs = arg('runs', 200);

const vite = await createServer({ configFile: false, logLevel: 'error', server: { middlewareMode: true, hmr: false }, appType: 'custom' });
try {
  const { openLibrary } = await vite.ssrLoadModule('/src/main/library/library.ts');
  const { search } = await vite.ssrLoadModule('/src/main/library/search.ts');
  const { listAnnotations } = await vite.ssrLoadModule('/src/main/library/annotations.ts');
  const { listTags } = await vite.ssrLoadModule('/src/main/library/tags.ts');
  const { buildLargeLibrary } = await vite.ssrLoadModule('/test/large-library.ts');

  const home = mkdtempSync(join(tmpdir(), 'reelnotes-bench-'));
  const library = openLibrary({ home });
  try {
    let started = performance.now();
    const large = buildLargeLibrary(library.db, { annotations: notes });
    console.log(`built ${notes} annotations in ${((performance.now() - started) / 1000).toFixed(1)} s`);

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

    const words = large.vocabulary;
    const filmId = large.filmId;
    const query = (text) => () => search(library.db, { query: text, filmId, limit: 50 });
    measure('search, common word ("ballet")', query('ballet'));
    measure('search, rare word ("tarantella")', query('tarantella'));
    measure('search, accent folded ("amelie")', query('amelie'));
    measure('search, two words', query('staircase mirror'));
    measure('search, prefix while typing (varied)', (i) => search(library.db, { query: words[i % words.length].slice(0, 3), filmId, limit: 50 }));
    measure('search, word + tag: filter', query(`ballet tag:"theme 0"`));
    measure('search, scene: filter', query('ballet scene:"scene 7"'));
    const page = (order, offset, tagIds = []) => () =>
      listAnnotations(library.db, { filmId, order, tagIds, tagMatch: 'any', offset, limit: 200 });
    measure('list, film order, first page (200)', page('film', 0), 50);
    measure('list, film order, page at 50,000', page('film', 50_000), 50);
    measure('list, last edited, first page', page('edited', 0), 50);
    measure('list, tag filter (any of 2)', page('film', 0, large.tagIds.slice(0, 2)), 50);
    measure('tag list with counts', () => listTags(library.db, filmId), 50);
  } finally {
    library.close();
    rmSync(home, { recursive: true, force: true });
  }
} finally {
  await vite.close();
}
