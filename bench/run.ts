/**
 * `npm run bench`: builds a large library in a temporary folder and measures what a person feels,
 * each figure next to its floor (the same work done the fastest way, measured in the same run).
 * Prints a table and writes JSON. `--quick` runs a small variant (CI uses it so this cannot rot);
 * `--only first-screen` measures only the scene list of the default library, without the large one.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type Database from 'better-sqlite3';
import { isMethodName } from '../src/shared/contract';
import { dispatch } from '../src/core/dispatch';
import { openLibrary, type Library } from '../src/core/library/library';
import { exportLibrary, openArchive, replaceLibrary, serialiseArchive } from '../src/core/library/archive';
import { buildLargeLibrary } from './large-library';
import { fmt, printTable, timeEach, timeOnce, type Row } from './measure';
import { measureBrowserHost, measureCuePlay, measureFirstScreen, measureWaveform } from './browser-host';
import { measureRestoreMemory } from './restore-memory';
import { measureExchange } from './exchange';
import { measureVideo } from './video';
import { measureCueFinder } from './cue-finder';
import { measureTimeline } from './timeline';
import { measureFilmSubtitles } from './film-subtitles';

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, out: { type: 'string' }, only: { type: 'string' } }
});
/**
 * `--only first-screen`, `--only exchange` (the exchange formats on the one-film study, no browser
 * host), `--only video` (the film on the desk: its own film and library), `--only waveform` (the
 * score's waveform zoomed and scrolled on an hour-long recording, and the spectrogram of 10-second views
 * of it), `--only cue-latency` (playing cues of the default library against a bare audio element),
 * `--only timeline` (one film of 10,000 scenes, 20,000 placements and 100,000 notes on the film's timeline)
 * or `--only film-subtitles` (a subtitle track read from inside a two-hour film, against ffmpeg).
 */
const parts = ['first-screen', 'exchange', 'video', 'waveform', 'cue-latency', 'cue-finder', 'timeline', 'film-subtitles'];
if (values.only !== undefined && !parts.includes(values.only)) {
  console.error(`--only takes one of: ${parts.join(', ')} (not "${values.only}")`);
  process.exit(2);
}
const scale = values.quick ? 0.02 : 1;
const root = mkdtempSync(join(tmpdir(), 'reelnotes-bench-'));
const rows: Row[] = [];
const info: Record<string, unknown> = { scale, node: process.version, date: new Date().toISOString() };

const open = (name: string): Library => openLibrary({ home: join(root, name) });

/**
 * Runs `work` and records every statement it executes: the prepared statement itself, the method
 * and its arguments, so the same SQL with the same parameters can be replayed through bare
 * better-sqlite3. (SQLite's expanded-SQL trace would do, but it cuts long string parameters.)
 */
async function recordStatements(db: Database.Database, work: () => Promise<unknown>): Promise<(() => unknown)[]> {
  const replays: (() => unknown)[] = [];
  const prepare = db.prepare;
  db.prepare = ((source: string) => {
    const statement = prepare.call(db, source);
    for (const method of ['all', 'get', 'run'] as const) {
      const bare = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      statement[method] = ((...args: unknown[]) => {
        replays.push(() => bare(...args));
        return bare(...args);
      }) as never;
    }
    return statement;
  }) as typeof db.prepare;
  try {
    await work();
  } finally {
    db.prepare = prepare;
  }
  return replays;
}

async function call(library: Library, method: string, input: unknown) {
  const outcome = await dispatch(library, method, input);
  if (!outcome.ok) throw new Error(`${method}: ${outcome.error.message}`);
  return outcome.result;
}

async function main(): Promise<void> {
  console.log(`Reelnotes benchmark (${values.only ? `only ${values.only}` : `${values.quick ? 'quick' : 'full'} size`}) in ${root}`);
  if (values.only === 'first-screen') {
    rows.push(...(await measureFirstScreen(join(root, 'default'))));
    return report();
  }
  if (values.only === 'cue-latency') {
    rows.push(...(await measureCuePlay(join(root, 'default'))));
    return report();
  }
  if (values.only === 'waveform') {
    rows.push(...(await measureWaveform(scale)));
    return report();
  }
  // `--only video`: the film on the desk alone (it makes its own film and library).
  if (values.only === 'video') {
    rows.push(...(await measureVideo(join(root, 'video'), values.quick)));
    return report();
  }
  // `--only timeline`: the film's timeline, on a film of its own.
  if (values.only === 'timeline') {
    rows.push(...(await measureTimeline(join(root, 'timeline'), values.quick)));
    return report();
  }
  // `--only film-subtitles`: a subtitle track read from inside a two-hour MP4 and Matroska film, against ffmpeg.
  if (values.only === 'film-subtitles') {
    rows.push(...(await measureFilmSubtitles(join(root, 'film-subtitles'), values.quick)));
    return report();
  }
  // `--only cue-finder`: the cue finder's accuracy and speed on a film of real music (its own library).
  if (values.only === 'cue-finder') {
    rows.push(...(await measureCueFinder(join(root, 'cue-finder'), values.quick)));
    return report();
  }
  const library = open('large');
  const buildMs = await timeOnce(() => (info.size = buildLargeLibrary(library.db, scale)));
  info.buildSeconds = buildMs / 1000;
  console.log(`built the large library in ${fmt(buildMs / 1000, 1)} s: ${JSON.stringify(info.size)}`);

  if (values.only === undefined) {
    if (isMethodName('search.query')) await searchAgainstRawSql(library);
    if (isMethodName('notes.create')) await annotationWrites(library);
    const archivePath = await archiveRestore(library);
    library.close();
    rows.push(await measureRestoreMemory(join(root, 'restore-memory'), archivePath));
    for (const row of await measureBrowserHost(join(root, 'large'), join(root, 'default'), scale)) rows.push(row);
  } else library.close();
  if (isMethodName('exchange.importTable')) await measureExchange(root, join(root, 'large'), rows);
  if (values.only === undefined) rows.push(...(await measureVideo(join(root, 'video'), values.quick)));
  if (values.only === undefined) rows.push(...(await measureCueFinder(join(root, 'cue-finder'), values.quick)));
  if (values.only === undefined) rows.push(...(await measureTimeline(join(root, 'timeline'), values.quick)));
  if (values.only === undefined) rows.push(...(await measureFilmSubtitles(join(root, 'film-subtitles'), values.quick)));
  report();
}

function report(): void {
  console.log('');
  printTable(rows);
  const name = `${new Date().toISOString().slice(0, 10)}${values.only ? `-${values.only}` : ''}.json`;
  const out = values.out ?? join(process.cwd(), 'bench', 'results', name);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ info, rows }, null, 2)}\n`);
  console.log(`\nwrote ${out}`);
}

const searchQueries = [
  'ballet',
  'red shoes',
  'amelie',
  'lerm',
  'composer theme',
  'sacrifice',
  'cafe creme',
  'dre',
  'applause silence',
  'waltz'
];

async function searchAgainstRawSql(library: Library): Promise<void> {
  const filmId = 1;
  const inputs = Array.from({ length: values.quick ? 60 : 400 }, (_, i) => ({ filmId, query: searchQueries[i % searchQueries.length] }));
  // The statements each query runs, recorded once, then replayed through the bare prepared statements.
  const recorded = new Map<string, (() => unknown)[]>();
  for (const input of inputs.slice(0, searchQueries.length)) {
    recorded.set(input.query, await recordStatements(library.db, () => call(library, 'search.query', input)));
  }
  const contract = await timeEach(inputs, (input) => call(library, 'search.query', input));
  const raw = await timeEach(inputs, (input) => {
    for (const replay of recorded.get(input.query)!) replay();
  });
  rows.push({ measure: 'search p50 (contract vs raw SQL)', value: contract.p50, floor: raw.p50, unit: 'ms' });
  rows.push({
    measure: 'search p95 (contract vs raw SQL)',
    value: contract.p95,
    floor: raw.p95,
    unit: 'ms',
    goal: 'p95 <= 5 ms, ratio <= 1.3',
    met: contract.p95 <= 5 && contract.p95 / raw.p95 <= 1.3
  });
}

async function annotationWrites(library: Library): Promise<void> {
  const runs = values.quick ? 100 : 1000;
  // Scenes that exist at this size (the quick library has fewer than 500).
  const sceneCount = library.db.prepare('SELECT count(*) FROM scenes').pluck().get() as number;
  const sceneIds = Array.from({ length: runs }, (_, i) => 1 + ((i * 37) % sceneCount));
  const created: number[] = [];
  const create = await timeEach(
    sceneIds,
    async (sceneId) => {
      const note = (await call(library, 'notes.create', {
        target: { kind: 'scene', id: sceneId },
        body: `Bench note on scene ${sceneId}`
      })) as { id: number };
      created.push(note.id);
    },
    0
  );
  const update = await timeEach(created, (id, i) => call(library, 'notes.update', { id, body: `Edited ${i}: the leitmotif returns` }));
  const list = await timeEach(sceneIds, (sceneId) => call(library, 'notes.forTarget', { target: { kind: 'scene', id: sceneId } }));
  const filmCount = library.db.prepare('SELECT count(*) FROM films').pluck().get() as number;
  const tagCount = library.db.prepare('SELECT count(*) FROM tags').pluck().get() as number;
  const filter = await timeEach(sceneIds, (_s, i) =>
    call(library, 'tags.filterScenes', {
      filmId: 1 + (i % filmCount),
      tagIds: [1 + (i % (tagCount - 1)), 2 + (i % (tagCount - 1))],
      tagMatch: 'any'
    })
  );
  for (const [measure, timing] of [
    ['create an annotation', create],
    ['update an annotation', update],
    ["list a scene's annotations", list],
    ['filter scenes by two tags', filter]
  ] as const) {
    rows.push({
      measure: `${measure} p95`,
      value: timing.p95,
      unit: 'ms',
      goal: 'p95 <= 1 ms',
      met: timing.p95 <= 1,
      note: `p50 ${fmt(timing.p50, 3)} ms`
    });
  }
}

async function archiveRestore(library: Library): Promise<string> {
  const text = serialiseArchive(exportLibrary(library.db));
  const archivePath = join(root, 'bench.json');
  writeFileSync(archivePath, text);
  info.archiveMegabytes = Buffer.byteLength(text) / 1024 / 1024;
  const restoreInto = open('restored');
  // As the app restores: from the file, checked whole as a stream, then written row by row.
  const restore = await timeOnce(() => {
    const archive = openArchive(restoreInto.db, archivePath, 'bench.json');
    try {
      replaceLibrary(restoreInto.db, archive);
    } finally {
      archive.close();
    }
  });
  restoreInto.close();

  // The floor: the same document parsed and its rows sent straight through prepared inserts, in one
  // transaction, with no validation and no safety checks.
  const floorLibrary = open('floor');
  const floor = await timeOnce(() => {
    const parsed = JSON.parse(text) as { tables: Record<string, Record<string, unknown>[]> };
    floorLibrary.db.transaction(() => {
      floorLibrary.db.pragma('defer_foreign_keys = ON');
      for (const table of Object.keys(parsed.tables)) floorLibrary.db.prepare(`DELETE FROM "${table}"`).run();
      for (const [table, tableRows] of Object.entries(parsed.tables)) {
        if (!tableRows.length) continue;
        const columns = Object.keys(tableRows[0]);
        const insert = floorLibrary.db.prepare(
          `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
        );
        for (const row of tableRows) insert.run(...columns.map((c) => row[c] as never));
      }
    })();
  });
  floorLibrary.close();
  rows.push({
    measure: `restore the JSON backup (${fmt(info.archiveMegabytes as number, 1)} MB)`,
    value: restore,
    floor,
    unit: 'ms',
    goal: 'ratio <= 1.5',
    met: restore / floor <= 1.5
  });
  return archivePath;
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(root, { recursive: true, force: true }));
