import { createHash } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { colour } from '../../shared/contract/fields';
import type { StudyPackImport } from '../../shared/contract/exchange';
import { MAX_ANNOTATION_CHARS, MAX_FILM_TIME_MS, MAX_TAG_NAME, MAX_TRACK_TIME_MS } from '../../shared/limits';
import { normaliseTagName } from '../../shared/tag-names';
import { assertExists } from '../errors';
import { assertWritable, type Library } from '../library/library';
import { rebuildSearchIndexesOrFail, withoutSearchTriggers } from '../search/search-indexes';
import { createTag } from '../tags/tags';
import { slugOf } from '../films/study-export';
import { ZipReader } from '../zip-reader';
import { zipArchive, type ZipEntry } from '../zip';
import { hasColumn, hasTable } from './schema-facts';

/**
 * A study pack (`.reelstudy`, MIME application/x-reelnotes-study): one film's study in one ZIP file,
 * for a teacher to hand to a class. `manifest.json` says what it is (format, version, the film, what
 * it holds) and is read first, so a pack from a newer Reelnotes is refused before anything else;
 * `study.json` holds the film page (synopsis, scenes with spans, tracks, dialogue and quotes), the
 * citation facts, notes, tags, cues with their placements, subtitles and the frame grabs' facts;
 * `frames/<sha256>.png` are the grabs and, when asked for, `recordings/<sha256>.<ext>` the tracks'
 * recordings (streamed in and out, never whole in memory).
 *
 * Notes and cues carry stable ids: the SHA-256 of what they are (a cue: its track, label and times; a
 * note: its place, time, text and when it was written, which the pack keeps). The same note has the
 * same id in every library, so opening a pack twice, or a pack made from one's own study, adds nothing
 * twice; an edited note has a new id and arrives beside the old one, never over it.
 */
export const STUDY_PACK_FORMAT = 'application/x-reelnotes-study';
export const STUDY_PACK_VERSION = 1;
export const STUDY_PACK_EXTENSION = 'reelstudy';

const MB = 1024 * 1024;
const MAX_MANIFEST_BYTES = MB;
const MAX_STUDY_BYTES = 1024 * MB;
const MAX_FRAME_BYTES = 16 * MB;

const text = (max: number) => z.string().max(max);
const position = z.number().int().positive().max(1_000_000);
const filmTime = z.number().int().min(0).max(MAX_FILM_TIME_MS);
const trackTime = z.number().int().min(0).max(MAX_TRACK_TIME_MS);
const itemId = z.string().regex(/^[0-9a-f]{32}$/, 'an id is 32 hexadecimal digits');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 hexadecimal digits');
const tagName = z.string().min(1).max(MAX_TAG_NAME);
const timestamp = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/, 'a time is written as 2026-12-03T10:00:00.000Z');

const manifestSchema = z
  .object({
    format: z.literal(STUDY_PACK_FORMAT, { error: 'this is not a Reelnotes study pack' }),
    version: z
      .number()
      .int()
      .positive()
      .max(STUDY_PACK_VERSION, { error: `the pack was made by a newer Reelnotes (this one reads version ${STUDY_PACK_VERSION})` }),
    film: text(500),
    recordings: z.boolean()
  })
  .strict();

const recordingSchema = z
  .object({
    file: z.string().regex(/^recordings\/[0-9a-f]{64}\.[a-z0-9]{1,8}$/),
    sha256,
    originalName: text(500),
    byteSize: z.number().int().positive(),
    mimeType: text(100),
    container: text(100),
    codec: text(100),
    durationMs: z.number().int().positive().max(MAX_TRACK_TIME_MS),
    sampleRate: z.number().int().positive(),
    channels: z.number().int().positive(),
    samplesPerBucket: z.number().int().positive(),
    peaks: z.base64()
  })
  .strict();

const studySchema = z
  .object({
    film: z
      .object({
        title: z.string().trim().min(1).max(500),
        synopsis: text(100_000),
        composer: text(500).nullable(),
        sourceName: text(500),
        citation: z
          .object({
            directors: z.array(text(200)).max(20),
            year: z.number().int().min(1870).max(2200).nullable(),
            studio: text(200).nullable()
          })
          .strict()
          .nullable()
      })
      .strict(),
    scenes: z.array(
      z
        .object({
          position,
          title: z.string().trim().min(1).max(500),
          description: text(100_000),
          context: text(100_000).nullable(),
          startMs: filmTime.nullable(),
          endMs: filmTime.nullable(),
          tags: z.array(tagName)
        })
        .strict()
        .refine((s) => s.endMs === null || (s.startMs !== null && s.endMs > s.startMs), 'a scene ends after it starts')
    ),
    lines: z.array(
      z
        .object({
          kind: z.enum(['dialogue', 'quote']),
          position,
          speaker: text(500).nullable(),
          text: text(100_000),
          filmTimeMs: filmTime.nullable()
        })
        .strict()
    ),
    tracks: z.array(
      z
        .object({
          position,
          title: z.string().trim().min(1).max(500),
          credit: text(500),
          description: text(100_000),
          recording: recordingSchema.nullable()
        })
        .strict()
    ),
    tags: z.array(z.object({ name: tagName, colour }).strict()),
    cues: z.array(
      z
        .object({
          id: itemId,
          track: position,
          label: z.string().trim().min(1).max(500),
          startMs: trackTime,
          endMs: trackTime,
          colour,
          scenes: z.array(position),
          tags: z.array(tagName),
          placements: z.array(
            z
              .object({ startMs: filmTime, endMs: filmTime, confidence: z.number().min(0).max(1).nullable() })
              .strict()
              .refine((p) => p.endMs >= p.startMs, 'a placement ends after it starts')
          )
        })
        .strict()
        .refine((c) => c.endMs >= c.startMs, 'a cue ends after it starts')
    ),
    notes: z.array(
      z
        .object({
          id: itemId,
          scene: position.nullable(),
          cue: itemId.nullable(),
          filmTimeMs: filmTime.nullable(),
          body: text(MAX_ANNOTATION_CHARS),
          createdAt: timestamp,
          updatedAt: timestamp,
          tags: z.array(tagName)
        })
        .strict()
    ),
    subtitles: z.array(
      z
        .object({
          name: z.string().trim().min(1).max(500),
          lines: z.array(z.tuple([filmTime, filmTime, text(10_000)]).refine(([start, end]) => end >= start, 'a line ends after it starts'))
        })
        .strict()
    ),
    frames: z.array(
      z
        .object({ sha256, timeMs: filmTime, width: z.number().int().positive(), height: z.number().int().positive(), citation: text(1000) })
        .strict()
    )
  })
  .strict();

type Study = z.output<typeof studySchema>;

const hashId = (...parts: unknown[]) => createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
/** A cue's stable id: what it is, in its film's score. */
const cueId = (track: number, label: string, startMs: number, endMs: number) => hashId('cue', track, label, startMs, endMs);
/** A note's stable id: where, when and what, and when it was first written. */
const noteId = (scene: number | null, cue: string | null, filmTimeMs: number | null, body: string, createdAt: string) =>
  hashId('note', scene, cue, filmTimeMs, body, createdAt);

const tagsByItem = (db: Database.Database, kind: string, ids: string) =>
  db
    .prepare(
      `SELECT tt.target_id AS id, tg.name FROM taggings tt JOIN tags tg ON tg.id = tt.tag_id
       WHERE tt.target_kind = '${kind}' AND tt.target_id IN (${ids}) ORDER BY tg.name_key`
    )
    .raw();

function groupTags(rows: unknown[]): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const [id, name] of rows as [number, string][]) {
    const list = map.get(id);
    if (list) list.push(name);
    else map.set(id, [name]);
  }
  return map;
}

interface CueRow {
  dbId: number;
  track: number;
  label: string;
  startMs: number;
  endMs: number;
  colour: string;
}

/** The film's cues with their track positions and stable ids, keyed by row id. */
function cuesOf(db: Database.Database, filmId: number): Map<number, CueRow & { id: string }> {
  const rows = db
    .prepare(
      `SELECT c.id AS dbId, t.position AS track, c.label, c.start_ms AS startMs, c.end_ms AS endMs, c.colour
       FROM cues c JOIN tracks t ON t.id = c.track_id WHERE t.film_id = ? ORDER BY t.position, c.start_ms, c.end_ms, c.id`
    )
    .all(filmId) as CueRow[];
  return new Map(rows.map((c) => [c.dbId, { ...c, id: cueId(c.track, c.label, c.startMs, c.endMs) }]));
}

/** Everything of one film the pack carries, read from the library. */
function readStudy(library: Library, filmId: number, withRecordings: boolean): Study {
  const { db } = library;
  assertExists(db, 'film', filmId);
  const spans = hasColumn(db, 'scenes', 'start_ms');
  const film = db.prepare('SELECT title, synopsis, composer, source_name AS sourceName FROM films WHERE id = ?').get(filmId) as Omit<
    Study['film'],
    'citation'
  >;
  const citationRow = hasTable(db, 'film_citations')
    ? (db.prepare('SELECT directors, year, studio FROM film_citations WHERE film_id = ?').get(filmId) as
        { directors: string; year: number | null; studio: string | null } | undefined)
    : undefined;
  const citation = citationRow
    ? { directors: citationRow.directors ? citationRow.directors.split('\n') : [], year: citationRow.year, studio: citationRow.studio }
    : null;

  const sceneRows = db
    .prepare(
      `SELECT id, position, title, description, context, ${spans ? 'start_ms' : 'NULL'} AS startMs, ${spans ? 'end_ms' : 'NULL'} AS endMs
       FROM scenes WHERE film_id = ? ORDER BY position`
    )
    .all(filmId) as (Omit<Study['scenes'][number], 'tags'> & { id: number })[];
  const sceneTags = groupTags(tagsByItem(db, 'scene', `SELECT id FROM scenes WHERE film_id = ${Number(filmId)}`).all());
  const scenePosition = new Map(sceneRows.map((s) => [s.id, s.position]));

  const lines = db
    .prepare(`SELECT kind, position, speaker, text, film_time_ms AS filmTimeMs FROM film_lines WHERE film_id = ? ORDER BY kind, position`)
    .all(filmId) as Study['lines'];

  const trackRows = db
    .prepare(
      `SELECT t.id, t.position, t.title, t.credit, t.description, r.sha256, r.media_file AS mediaFile, r.original_name AS originalName,
         r.byte_size AS byteSize, r.mime_type AS mimeType, r.container, r.codec, r.duration_ms AS durationMs, r.sample_rate AS sampleRate,
         r.channels, r.samples_per_bucket AS samplesPerBucket, r.peaks, r.stand_in AS standIn
       FROM tracks t LEFT JOIN recordings r ON r.track_id = t.id WHERE t.film_id = ? ORDER BY t.position`
    )
    .all(filmId) as ({ id: number; position: number; title: string; credit: string; description: string } & Record<string, unknown>)[];
  const recordingFiles: { entry: string; path: string }[] = [];
  const tracks = trackRows.map((t) => {
    // Stand-ins are made on every machine by Reelnotes itself; only the person's own recordings travel.
    const carried = withRecordings && t.sha256 !== null && !t.standIn && existsSync(join(library.mediaDir, t.mediaFile as string));
    let recording: Study['tracks'][number]['recording'] = null;
    if (carried) {
      const file = `recordings/${t.sha256}${extname(t.mediaFile as string).toLowerCase()}`;
      recordingFiles.push({ entry: file, path: join(library.mediaDir, t.mediaFile as string) });
      recording = {
        file,
        sha256: t.sha256 as string,
        originalName: t.originalName as string,
        byteSize: t.byteSize as number,
        mimeType: t.mimeType as string,
        container: t.container as string,
        codec: t.codec as string,
        durationMs: t.durationMs as number,
        sampleRate: t.sampleRate as number,
        channels: t.channels as number,
        samplesPerBucket: t.samplesPerBucket as number,
        peaks: (t.peaks as Buffer).toString('base64')
      };
    }
    return { position: t.position, title: t.title, credit: t.credit, description: t.description, recording };
  });

  const cues = cuesOf(db, filmId);
  const cueTags = groupTags(
    tagsByItem(db, 'cue', `SELECT c.id FROM cues c JOIN tracks t ON t.id = c.track_id WHERE t.film_id = ${Number(filmId)}`).all()
  );
  const cueScenes = new Map<number, number[]>();
  for (const [cue, scene] of db
    .prepare('SELECT cs.cue_id, s.position FROM cue_scenes cs JOIN scenes s ON s.id = cs.scene_id WHERE s.film_id = ? ORDER BY s.position')
    .raw()
    .all(filmId) as [number, number][]) {
    cueScenes.set(cue, [...(cueScenes.get(cue) ?? []), scene]);
  }
  const placements = new Map<number, Study['cues'][number]['placements']>();
  if (hasTable(db, 'cue_placements')) {
    for (const p of db
      .prepare(
        'SELECT cue_id AS cue, start_ms AS startMs, end_ms AS endMs, found_confidence AS confidence FROM cue_placements WHERE film_id = ? ORDER BY start_ms, end_ms'
      )
      .all(filmId) as { cue: number; startMs: number; endMs: number; confidence: number | null }[]) {
      const { cue, ...placement } = p;
      placements.set(cue, [...(placements.get(cue) ?? []), placement]);
    }
  }

  const noteRows = db
    .prepare(
      `SELECT id, scene_id AS sceneId, cue_id AS cueId, film_time_ms AS filmTimeMs, body, created_at AS createdAt, updated_at AS updatedAt
       FROM annotations WHERE film_id = ? AND deleted_at IS NULL ORDER BY created_at, id`
    )
    .all(filmId) as {
    id: number;
    sceneId: number | null;
    cueId: number | null;
    filmTimeMs: number | null;
    body: string;
    createdAt: string;
    updatedAt: string;
  }[];
  const noteTags = groupTags(
    tagsByItem(db, 'annotation', `SELECT id FROM annotations WHERE film_id = ${Number(filmId)} AND deleted_at IS NULL`).all()
  );
  const notes = noteRows.map((n) => {
    const scene = n.sceneId === null ? null : scenePosition.get(n.sceneId)!;
    const cue = n.cueId === null ? null : cues.get(n.cueId)!.id;
    return {
      id: noteId(scene, cue, n.filmTimeMs, n.body, n.createdAt),
      scene,
      cue,
      filmTimeMs: n.filmTimeMs,
      body: n.body,
      createdAt: n.createdAt,
      updatedAt: n.updatedAt,
      tags: noteTags.get(n.id) ?? []
    };
  });

  const usedTags = new Set([...sceneTags.values(), ...cueTags.values(), ...noteTags.values()].flat());
  const tags = (db.prepare('SELECT name, colour FROM tags ORDER BY name_key').all() as Study['tags']).filter((t) => usedTags.has(t.name));

  const subtitles = hasTable(db, 'subtitle_tracks')
    ? (db.prepare('SELECT id, name FROM subtitle_tracks WHERE film_id = ? ORDER BY id').all(filmId) as { id: number; name: string }[]).map(
        (track) => ({
          name: track.name,
          lines: db
            .prepare('SELECT start_ms, end_ms, text FROM subtitle_lines WHERE track_id = ? ORDER BY start_ms, id')
            .raw()
            .all(track.id) as [number, number, string][]
        })
      )
    : [];
  const frames = hasTable(db, 'frame_grabs')
    ? (db
        .prepare('SELECT sha256, time_ms AS timeMs, width, height, citation FROM frame_grabs WHERE film_id = ? ORDER BY time_ms, id')
        .all(filmId) as Study['frames'])
    : [];

  const study: Study = {
    film: { ...film, citation },
    scenes: sceneRows.map(({ id, ...scene }) => ({ ...scene, tags: sceneTags.get(id) ?? [] })),
    lines,
    tracks,
    tags,
    cues: [...cues.values()].map((c) => ({
      id: c.id,
      track: c.track,
      label: c.label,
      startMs: c.startMs,
      endMs: c.endMs,
      colour: c.colour,
      scenes: cueScenes.get(c.dbId) ?? [],
      tags: cueTags.get(c.dbId) ?? [],
      placements: placements.get(c.dbId) ?? []
    })),
    notes,
    subtitles,
    frames
  };
  Object.defineProperty(study, 'recordingFiles', { value: recordingFiles, enumerable: false });
  return study;
}

/**
 * A film's study pack as a ZIP archive, chunk by chunk (film-finish's `zipArchive`): the manifest and
 * the study first, then the frames and, when asked for, the recordings, each streamed from media/.
 */
export function studyPackArchive(
  library: Library,
  filmId: number,
  withRecordings: boolean
): { fileName: string; chunks: AsyncGenerator<Buffer> } {
  const study = readStudy(library, filmId, withRecordings);
  const recordingFiles = (study as Study & { recordingFiles: { entry: string; path: string }[] }).recordingFiles;
  const manifest = {
    format: STUDY_PACK_FORMAT,
    version: STUDY_PACK_VERSION,
    film: study.film.title,
    recordings: recordingFiles.length > 0
  };
  const entries: ZipEntry[] = [
    { name: 'manifest.json', read: () => Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    { name: 'study.json', read: () => Buffer.from(JSON.stringify(study)) },
    ...study.frames
      .map((frame) => ({ name: `frames/${frame.sha256}.png`, path: join(library.mediaDir, `${frame.sha256}.png`) }))
      .filter((frame) => existsSync(frame.path)),
    ...recordingFiles.map((recording) => ({ name: recording.entry, path: recording.path }))
  ];
  // The same date for every pack of the same study, so exporting twice gives the same file.
  return { fileName: `${slugOf(study.film.title)}.${STUDY_PACK_EXTENSION}`, chunks: zipArchive(entries, new Date(1980, 0, 1)) };
}

/** Reads and checks a pack's JSON document; a refusal names the pack, the entry and the place in it. */
function readJson<T extends z.ZodType>(zip: ZipReader, entry: string, maxBytes: number, schema: T): z.output<T> {
  let value: unknown;
  try {
    value = JSON.parse(zip.read(entry, maxBytes).toString('utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) throw zip.fail(`it is not valid JSON (${error.message})`, entry);
    throw error;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.reduce<string>(
      (path, part) => (typeof part === 'number' ? `${path}[${part}]` : path ? `${path}.${String(part)}` : String(part)),
      ''
    );
    throw zip.fail(`${where ? `${where}: ` : ''}${issue.message}`, entry);
  }
  return parsed.data;
}

/** The study's own references, checked before anything is written: every scene, track, cue, tag and file it names is in it. */
function checkReferences(zip: ZipReader, study: Study): void {
  const fail = (where: string, problem: string) => zip.fail(`${where}: ${problem}`, 'study.json');
  const scenes = new Set<number>();
  study.scenes.forEach((s, i) => {
    if (scenes.has(s.position)) throw fail(`scenes[${i}]`, `scene ${s.position} is in the pack twice`);
    scenes.add(s.position);
  });
  const tracks = new Map<number, Study['tracks'][number]>();
  study.tracks.forEach((t, i) => {
    if (tracks.has(t.position)) throw fail(`tracks[${i}]`, `track ${t.position} is in the pack twice`);
    tracks.set(t.position, t);
    if (t.recording) zip.entry(t.recording.file);
  });
  const tagNames = (where: string, names: string[]) => {
    for (const name of names) {
      try {
        normaliseTagName(name);
      } catch (error) {
        throw fail(where, (error as Error).message);
      }
    }
  };
  study.tags.forEach((t, i) => tagNames(`tags[${i}]`, [t.name]));
  study.scenes.forEach((s, i) => tagNames(`scenes[${i}]`, s.tags));
  const cues = new Set<string>();
  study.cues.forEach((c, i) => {
    const track = tracks.get(c.track);
    if (!track) throw fail(`cues[${i}]`, `the pack has no track ${c.track}`);
    if (track.recording && c.endMs > track.recording.durationMs)
      throw fail(`cues[${i}]`, `the cue ends after its recording (${track.title})`);
    for (const scene of c.scenes) if (!scenes.has(scene)) throw fail(`cues[${i}]`, `the pack has no scene ${scene}`);
    tagNames(`cues[${i}]`, c.tags);
    cues.add(c.id);
  });
  study.notes.forEach((n, i) => {
    if (n.scene !== null && !scenes.has(n.scene)) throw fail(`notes[${i}]`, `the pack has no scene ${n.scene}`);
    if (n.cue !== null && !cues.has(n.cue)) throw fail(`notes[${i}]`, `the pack has no cue ${n.cue}`);
    tagNames(`notes[${i}]`, n.tags);
  });
  study.frames.forEach((f) => zip.entry(`frames/${f.sha256}.png`));
}

/**
 * Opens a study pack into the library: everything is checked first (the manifest, then the whole
 * study against its schema and its own references, then each frame's and recording's bytes against
 * their SHA-256 as they are copied into media/), and only then written, in one transaction.
 *
 * A film already in the library (the same title, the library's identity of a film page) gets what
 * the pack adds and keeps everything the person has: their scenes' titles, texts and spans (a span is
 * filled in only where theirs has none), their tracks' recordings, their tags' colours. Scenes and
 * tracks are matched by number; notes and cues by their stable ids, so what is already there is not
 * added again; subtitle files by name and lines; frames by their hash. A film not in the library is
 * created whole. Media copied in for a write that then fails are removed again.
 */
export async function importStudyPack(library: Library, path: string, fileName: string): Promise<StudyPackImport> {
  assertWritable(library);
  const zip = ZipReader.open(path, fileName);
  const copied: string[] = [];
  try {
    readJson(zip, 'manifest.json', MAX_MANIFEST_BYTES, manifestSchema);
    const study = readJson(zip, 'study.json', MAX_STUDY_BYTES, studySchema);
    checkReferences(zip, study);
    // The media, by content: a file whose bytes are not its name is refused, and one already there is kept.
    const media: { entry: string; sha256: string; target: string }[] = [
      ...study.frames.map((f) => ({ entry: `frames/${f.sha256}.png`, sha256: f.sha256, target: `${f.sha256}.png` })),
      ...study.tracks.flatMap((t) =>
        t.recording ? [{ entry: t.recording.file, sha256: t.recording.sha256, target: t.recording.file.slice('recordings/'.length) }] : []
      )
    ];
    for (const file of media) {
      const target = join(library.mediaDir, file.target);
      if (existsSync(target)) continue;
      const partial = `${target}.partial`;
      try {
        const { sha256: actual, size } = await zip.copyTo(file.entry, partial);
        if (actual !== file.sha256) throw zip.fail('its bytes are not the file its name says (SHA-256)', file.entry);
        if (file.entry.startsWith('frames/') && size > MAX_FRAME_BYTES) throw zip.fail('a frame grab is at most 16 MB', file.entry);
        renameSync(partial, target);
        copied.push(target);
      } finally {
        rmSync(partial, { force: true });
      }
    }
    const frameSizes = new Map(study.frames.map((f) => [f.sha256, statSync(join(library.mediaDir, `${f.sha256}.png`)).size]));
    return mergeStudy(library.db, study, fileName, frameSizes);
  } catch (error) {
    for (const file of copied) rmSync(file, { force: true });
    throw error;
  } finally {
    zip.close();
  }
}

/** From how many rows a pack is written as a restore is: search triggers off, the indexes rebuilt once. */
const BULK_ROWS = 2000;

function mergeStudy(db: Database.Database, study: Study, fileName: string, frameSizes: Map<string, number>): StudyPackImport {
  const spans = hasColumn(db, 'scenes', 'start_ms');
  const counts = { scenes: 0, notes: 0, cues: 0, placements: 0, frames: 0, subtitles: 0, recordings: 0, matched: 0 };
  let created = false;
  const write = (): number => {
    const existing = db.prepare('SELECT id FROM films WHERE title = ? COLLATE NOCASE').pluck().get(study.film.title) as number | undefined;
    created = existing === undefined;
    const filmId =
      existing ??
      Number(
        db
          .prepare('INSERT INTO films (title, synopsis, composer, source_name) VALUES (?, ?, ?, ?)')
          .run(study.film.title, study.film.synopsis, study.film.composer, study.film.sourceName).lastInsertRowid
      );
    if (study.film.citation && hasTable(db, 'film_citations')) {
      const { directors, year, studio } = study.film.citation;
      db.prepare('INSERT OR IGNORE INTO film_citations (film_id, directors, year, studio) VALUES (?, ?, ?, ?)').run(
        filmId,
        directors.join('\n'),
        year,
        studio
      );
    }
    if (existing === undefined) {
      const addLine = db.prepare('INSERT INTO film_lines (film_id, kind, position, speaker, text, film_time_ms) VALUES (?, ?, ?, ?, ?, ?)');
      for (const l of study.lines) addLine.run(filmId, l.kind, l.position, l.speaker, l.text, l.filmTimeMs);
    }

    // Tags by their folded name: the person's own keep their colour.
    const tagIds = new Map<string, number>();
    const tagColours = new Map(study.tags.map((t) => [normaliseTagName(t.name).key, t.colour]));
    const tagByKey = db.prepare('SELECT id FROM tags WHERE name_key = ?').pluck();
    const tagId = (raw: string) => {
      const { name, key } = normaliseTagName(raw);
      let id = tagIds.get(key) ?? (tagByKey.get(key) as number | undefined);
      id ??= createTag(db, name, tagColours.get(key)).id;
      tagIds.set(key, id);
      return id;
    };
    const tag = db.prepare('INSERT OR IGNORE INTO taggings (tag_id, target_kind, target_id) VALUES (?, ?, ?)');
    const tagItem = (kind: string, id: number, names: string[]) => names.forEach((name) => tag.run(tagId(name), kind, id));

    const sceneIds = new Map(
      (db.prepare('SELECT position, id FROM scenes WHERE film_id = ?').raw().all(filmId) as [number, number][]).map(([p, id]) => [p, id])
    );
    const sceneSpan = db.prepare(spans ? 'SELECT start_ms FROM scenes WHERE id = ?' : 'SELECT NULL').pluck();
    const fillSpan = db.prepare(spans ? 'UPDATE scenes SET start_ms = ?, end_ms = ? WHERE id = ? AND start_ms IS NULL' : 'SELECT NULL');
    const addScene = db.prepare(
      spans
        ? 'INSERT INTO scenes (film_id, position, title, description, context, start_ms, end_ms) VALUES (?, ?, ?, ?, ?, ?, ?)'
        : 'INSERT INTO scenes (film_id, position, title, description, context) VALUES (?, ?, ?, ?, ?)'
    );
    for (const s of study.scenes) {
      let id = sceneIds.get(s.position);
      if (id === undefined) {
        const row = [filmId, s.position, s.title, s.description, s.context, s.startMs, s.endMs];
        id = Number(addScene.run(...row.slice(0, spans ? 7 : 5)).lastInsertRowid);
        sceneIds.set(s.position, id);
        counts.scenes++;
      } else if (spans && s.startMs !== null && sceneSpan.get(id) === null) fillSpan.run(s.startMs, s.endMs, id);
      tagItem('scene', id, s.tags);
    }

    const trackIds = new Map(
      (db.prepare('SELECT position, id FROM tracks WHERE film_id = ?').raw().all(filmId) as [number, number][]).map(([p, id]) => [p, id])
    );
    const addTrack = db.prepare('INSERT INTO tracks (film_id, position, title, credit, description) VALUES (?, ?, ?, ?, ?)');
    const hasRecording = db.prepare('SELECT 1 FROM recordings WHERE track_id = ?').pluck();
    const addRecording = db.prepare(
      `INSERT INTO recordings (track_id, media_file, sha256, original_name, byte_size, mime_type, container, codec, duration_ms,
         sample_rate, channels, peaks, samples_per_bucket) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    );
    for (const t of study.tracks) {
      let id = trackIds.get(t.position);
      if (id === undefined) {
        id = Number(addTrack.run(filmId, t.position, t.title, t.credit, t.description).lastInsertRowid);
        trackIds.set(t.position, id);
      }
      const r = t.recording;
      if (r && !hasRecording.get(id)) {
        addRecording.run(
          id,
          r.file.slice('recordings/'.length),
          r.sha256,
          r.originalName,
          r.byteSize,
          r.mimeType,
          r.container,
          r.codec,
          r.durationMs,
          r.sampleRate,
          r.channels,
          Buffer.from(r.peaks, 'base64'),
          r.samplesPerBucket
        );
        counts.recordings++;
      }
    }

    // Cues by stable id; the cues of this film already in the library are recognised by the same id.
    const cueIds = new Map([...cuesOf(db, filmId).values()].map((c) => [c.id, c.dbId]));
    const addCue = db.prepare('INSERT INTO cues (track_id, label, start_ms, end_ms, colour) VALUES (?, ?, ?, ?, ?)');
    const linkCue = db.prepare('INSERT OR IGNORE INTO cue_scenes (cue_id, scene_id) VALUES (?, ?)');
    const placements = hasTable(db, 'cue_placements');
    const hasPlacement = db
      .prepare(placements ? 'SELECT 1 FROM cue_placements WHERE cue_id = ? AND start_ms = ? AND end_ms = ?' : 'SELECT 1')
      .pluck();
    const addPlacement = db.prepare(
      placements ? 'INSERT INTO cue_placements (cue_id, film_id, start_ms, end_ms, found_confidence) VALUES (?, ?, ?, ?, ?)' : 'SELECT 1'
    );
    for (const c of study.cues) {
      let id = cueIds.get(c.id);
      if (id === undefined) {
        id = Number(addCue.run(trackIds.get(c.track), c.label, c.startMs, c.endMs, c.colour).lastInsertRowid);
        cueIds.set(c.id, id);
        counts.cues++;
      } else counts.matched++;
      for (const scene of c.scenes) linkCue.run(id, sceneIds.get(scene));
      tagItem('cue', id, c.tags);
      if (!placements) continue;
      for (const p of c.placements) {
        if (hasPlacement.get(id, p.startMs, p.endMs)) continue;
        addPlacement.run(id, filmId, p.startMs, p.endMs, p.confidence);
        counts.placements++;
      }
    }

    // Notes by stable id, computed for the film's own notes as the pack computed its.
    const positions = new Map([...sceneIds].map(([p, id]) => [id, p]));
    const cueOfRow = new Map([...cueIds].map(([stable, id]) => [id, stable]));
    const noteIds = new Set(
      (
        db
          .prepare(`SELECT scene_id, cue_id, film_time_ms, body, created_at FROM annotations WHERE film_id = ? AND deleted_at IS NULL`)
          .raw()
          .all(filmId) as [number | null, number | null, number | null, string, string][]
      ).map(([scene, cue, time, body, created]) =>
        noteId(scene === null ? null : positions.get(scene)!, cue === null ? null : cueOfRow.get(cue)!, time, body, created)
      )
    );
    const addNote = db.prepare(
      'INSERT INTO annotations (film_id, scene_id, cue_id, body, film_time_ms, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)'
    );
    for (const n of study.notes) {
      if (noteIds.has(n.id)) {
        counts.matched++;
        continue;
      }
      noteIds.add(n.id);
      const sceneId = n.scene === null ? null : sceneIds.get(n.scene)!;
      const cue = n.cue === null ? null : cueIds.get(n.cue)!;
      const id = Number(addNote.run(filmId, sceneId, cue, n.body, n.filmTimeMs, n.createdAt, n.updatedAt).lastInsertRowid);
      tagItem('annotation', id, n.tags);
      counts.notes++;
    }

    if (hasTable(db, 'subtitle_tracks')) {
      const known = new Set(
        (db.prepare('SELECT id, name FROM subtitle_tracks WHERE film_id = ?').all(filmId) as { id: number; name: string }[]).map((t) =>
          hashId(
            t.name,
            db.prepare('SELECT start_ms, end_ms, text FROM subtitle_lines WHERE track_id = ? ORDER BY start_ms, id').raw().all(t.id)
          )
        )
      );
      const addTrack = db.prepare('INSERT INTO subtitle_tracks (film_id, name) VALUES (?, ?)');
      const addLine = db.prepare('INSERT INTO subtitle_lines (track_id, start_ms, end_ms, text) VALUES (?, ?, ?, ?)');
      for (const s of study.subtitles) {
        if (known.has(hashId(s.name, s.lines))) continue;
        const id = Number(addTrack.run(filmId, s.name).lastInsertRowid);
        for (const [start, end, line] of s.lines) addLine.run(id, start, end, line);
        counts.subtitles++;
      }
    }

    if (hasTable(db, 'frame_grabs')) {
      const addFrame = db.prepare(
        'INSERT OR IGNORE INTO frame_grabs (film_id, time_ms, sha256, width, height, byte_size, citation) VALUES (?, ?, ?, ?, ?, ?, ?)'
      );
      for (const f of study.frames) {
        counts.frames += addFrame.run(filmId, f.timeMs, f.sha256, f.width, f.height, frameSizes.get(f.sha256), f.citation).changes;
      }
    }
    return filmId;
  };

  const rows = study.notes.length + study.cues.length + study.scenes.length;
  const indexed = db.prepare('SELECT count(*) FROM annotations').pluck().get() as number;
  const bulk = rows >= BULK_ROWS && rows * 10 >= indexed;
  const filmId = db.transaction(() => {
    if (!bulk) return write();
    const id = withoutSearchTriggers(db, write);
    rebuildSearchIndexesOrFail(db, fileName);
    return id;
  })();
  return { filmId, title: study.film.title, created, ...counts };
}
