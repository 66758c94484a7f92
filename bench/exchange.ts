import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportLibrary, openArchive, replaceLibrary, serialiseArchive } from '../src/core/library/archive';
import { LIBRARY_FILE, openLibrary, type Library } from '../src/core/library/library';
import { formatEaf, importEaf, previewEaf } from '../src/core/exchange/eaf';
import { exportSonicVisualiser, importSonicVisualiser } from '../src/core/exchange/sonic-visualiser';
import { exportTable, importTable } from '../src/core/exchange/table';
import { formatWebAnnotations, importWebAnnotations } from '../src/core/exchange/web-annotation';
import { tableColumnNames, type EafTierChoice } from '../src/shared/contract/exchange';
import { importStudyPack, studyPackArchive } from '../src/core/exchange/study-pack';
import { writeZipFile } from '../src/core/zip';
import { oneFilmCopy } from './one-film-library';
import { fmt, timeOnce, type Row } from './measure';

/** This process's resident memory and its high-water mark since the last reset, in MB (Linux's /proc). */
function memory(): { rss: number; peak: number } {
  const status = readFileSync('/proc/self/status', 'utf8');
  const megabytes = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024;
  return { rss: megabytes('VmRSS'), peak: megabytes('VmHWM') };
}

/** Times `work` and the most memory it took above what the process held before it. */
async function measured<T>(work: () => T): Promise<{ ms: number; growthMb: number; result: T }> {
  try {
    // "5" resets the high-water mark to the current resident set (Linux 4.0 and later).
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Without the reset the peak may predate the work; the figure then overstates it.
  }
  const before = memory().rss;
  let result!: T;
  const ms = await timeOnce(() => (result = work()));
  return { ms, growthMb: memory().peak - before, result };
}

interface Format {
  name: string;
  write: (library: Library, filmId: number) => { text: string };
  /** What the person chose before the import (ELAN's tiers), worked out outside the timing. */
  prepare?: (text: string) => unknown;
  read: (library: Library, filmId: number, text: string, prepared: unknown) => unknown;
}

const tableOptions = (delimiter: ',' | '\t') => ({
  fileName: 'bench',
  delimiter,
  header: true,
  mapping: [...tableColumnNames],
  notation: 'auto' as const,
  fps: null,
  kind: 'note' as const,
  track: null
});

const formats: Format[] = [
  { name: 'CSV', write: (l, f) => exportTable(l.db, f, 'csv'), read: (l, f, text) => importTable(l.db, f, text, tableOptions(',')) },
  { name: 'TSV', write: (l, f) => exportTable(l.db, f, 'tsv'), read: (l, f, text) => importTable(l.db, f, text, tableOptions('\t')) },
  {
    name: 'ELAN EAF',
    write: (l, f) => formatEaf(l.db, f, new Date()),
    // The tier step is its own call (exchange.previewEaf) before the import.
    prepare: (text) =>
      previewEaf('bench.eaf', text)
        .filter((t) => t.guess)
        .map((t) => ({ tier: t.id, as: t.guess!, track: t.track })),
    read: (l, f, text, tiers) => importEaf(l.db, f, 'bench.eaf', text, tiers as EafTierChoice[])
  },
  {
    name: 'Web Annotation',
    write: (l, f) => formatWebAnnotations(l.db, f),
    read: (l, f, text) => importWebAnnotations(l.db, f, 'bench.jsonld', text)
  }
];

/**
 * Export and import of every exchange format for the 100,000-note film, each next to its floor in
 * the same run: an export next to the library archive's export of the same rows (a library holding
 * only that film), an import next to that archive's restore. Imports go into a copy of the library
 * with the film's notes and cues removed, so they write what the restore writes. Memory is this
 * process's peak above its resident set before the work.
 */
export async function measureExchange(root: string, largeHome: string, rows: Row[]): Promise<void> {
  // The film with every note, alone in its library: its study is exactly the archive's rows.
  const sourceHome = join(root, 'exchange-source');
  oneFilmCopy(largeHome, sourceHome);
  const alone = new Database(join(sourceHome, LIBRARY_FILE));
  const filmId = alone.prepare('SELECT min(id) FROM films').pluck().get() as number;
  alone.prepare('DELETE FROM films WHERE id <> ?').run(filmId);
  alone.close();
  const source = openLibrary({ home: sourceHome });
  const count = (sql: string) => source.db.prepare(sql).pluck().get(filmId) as number;
  const notes = count('SELECT count(*) FROM annotations WHERE film_id = ?');
  const cues = count('SELECT count(*) FROM cues c JOIN tracks t ON t.id = c.track_id WHERE t.film_id = ?');
  console.log(`exchange: one film with ${notes} notes and ${cues} cues`);

  // The floors: the archive of the same rows, written and restored as the app does.
  const archiveExport = await measured(() => serialiseArchive(exportLibrary(source.db)));
  const archivePath = join(root, 'exchange-archive.json');
  writeFileSync(archivePath, archiveExport.result);
  const restoreInto = openLibrary({ home: join(root, 'exchange-restored') });
  const restore = await measured(() => {
    const archive = openArchive(restoreInto.db, archivePath, 'exchange-archive.json');
    try {
      replaceLibrary(restoreInto.db, archive);
    } finally {
      archive.close();
    }
  });
  restoreInto.close();
  rows.push({
    measure: `archive of the one-film study: export / restore (${fmt(archiveExport.result.length / 1024 / 1024, 1)} MB)`,
    value: restore.ms,
    unit: 'ms',
    note: `export ${fmt(archiveExport.ms, 0)} ms (+${fmt(archiveExport.growthMb, 0)} MB), restore ${fmt(restore.ms, 0)} ms (+${fmt(restore.growthMb, 0)} MB)`
  });

  // Where imports go: the film's page (scenes, tracks) without its notes and cues.
  const emptyTemplate = join(root, 'exchange-empty.sqlite');
  source.db.prepare('VACUUM INTO ?').run(emptyTemplate);
  const emptied = new Database(emptyTemplate);
  emptied.prepare('DELETE FROM annotations').run();
  emptied.prepare('DELETE FROM cues').run();
  emptied.close();
  let targets = 0;
  const freshTarget = (): Library => {
    const home = join(root, `exchange-target-${++targets}`);
    mkdirSync(home, { recursive: true });
    copyFileSync(emptyTemplate, join(home, LIBRARY_FILE));
    return openLibrary({ home });
  };

  for (const format of formats) {
    const written = await measured(() => format.write(source, filmId).text);
    const megabytes = Buffer.byteLength(written.result) / 1024 / 1024;
    rows.push({
      measure: `export ${format.name} (${fmt(megabytes, 1)} MB)`,
      value: written.ms,
      floor: archiveExport.ms,
      unit: 'ms',
      note: `peak +${fmt(written.growthMb, 0)} MB (the archive's export: +${fmt(archiveExport.growthMb, 0)} MB)`
    });
    const prepared = format.prepare?.(written.result);
    const target = freshTarget();
    const read = await measured(() => format.read(target, filmId, written.result, prepared));
    target.close();
    rows.push({
      measure: `import ${format.name} (${JSON.stringify(read.result)})`,
      value: read.ms,
      floor: restore.ms,
      unit: 'ms',
      goal: 'ratio <= 2 (the archive restore)',
      met: read.ms / restore.ms <= 2,
      note: `peak +${fmt(read.growthMb, 0)} MB (the archive's restore: +${fmt(restore.growthMb, 0)} MB)`
    });
  }

  // The study pack: the whole film, its page too, written and opened into an empty library, as the archive of the same rows is.
  const packPath = join(root, 'exchange.reelstudy');
  const packed = await measured(() => writeZipFile(packPath, studyPackArchive(source, filmId, false).chunks));
  const packBytes = await packed.result;
  rows.push({
    measure: `export study pack (${fmt(packBytes / 1024 / 1024, 1)} MB)`,
    value: packed.ms,
    floor: archiveExport.ms,
    unit: 'ms',
    note: `peak +${fmt(packed.growthMb, 0)} MB (the archive's export: +${fmt(archiveExport.growthMb, 0)} MB)`
  });
  const packTarget = openLibrary({ home: join(root, 'exchange-pack-target') });
  const opened = await measured(() => importStudyPack(packTarget, packPath, 'exchange.reelstudy'));
  const openedCounts = await opened.result;
  packTarget.close();
  rows.push({
    measure: `open study pack into an empty library (${openedCounts.scenes} scenes, ${openedCounts.notes} notes, ${openedCounts.cues} cues)`,
    value: opened.ms,
    floor: restore.ms,
    unit: 'ms',
    goal: 'ratio <= 2 (the archive restore)',
    met: opened.ms / restore.ms <= 2,
    note: `peak +${fmt(opened.growthMb, 0)} MB (the archive's restore: +${fmt(restore.growthMb, 0)} MB)`
  });

  // Sonic Visualiser holds one track's cues: the film's busiest track, with its export as the floor of nothing larger.
  const busiest = source.db
    .prepare(
      'SELECT c.track_id FROM cues c JOIN tracks t ON t.id = c.track_id WHERE t.film_id = ? GROUP BY c.track_id ORDER BY count(*) DESC LIMIT 1'
    )
    .pluck()
    .get(filmId) as number | undefined;
  if (busiest !== undefined) {
    for (const layer of ['svl', 'csv'] as const) {
      const written = await measured(() => exportSonicVisualiser(source.db, busiest, layer).text);
      const target = freshTarget();
      const read = await measured(() => importSonicVisualiser(target.db, busiest, `bench.${layer}`, written.result));
      target.close();
      rows.push({
        measure: `Sonic Visualiser ${layer}, busiest track: export / import (${JSON.stringify(read.result)})`,
        value: read.ms,
        floor: restore.ms,
        unit: 'ms',
        goal: 'ratio <= 2 (the archive restore)',
        met: read.ms / restore.ms <= 2,
        note: `export ${fmt(written.ms, 1)} ms, import ${fmt(read.ms, 1)} ms`
      });
    }
  }
  source.close();
}
