import type Database from 'better-sqlite3';
import { foundWords } from '../../shared/placements';
import { MAX_FILM_TIME_MS, MAX_TIMELINE_ROW_ITEMS, TIMELINE_BUCKETS_PER_ITEM } from '../../shared/limits';
import type {
  Motif,
  MotifOccurrence,
  TimelineAxis,
  TimelineItem,
  TimelineRange,
  TimelineRowKey,
  TimelineRowRange
} from '../../shared/timeline';
import { assertExists } from '../errors';
import { filmRunningTime } from '../films/running-time';
import { overlapsRange } from '../films/time-range';
import { taggedItems } from '../tags/tags';

/**
 * One source of items on the film's axis: its rows (as `select`, which names start, end, id, title,
 * colour and cue), the table and condition that pick the film's (or track's) rows, and the longest
 * span among them, which makes "overlaps the view" a range of an index on the start (films/time-range.ts).
 */
interface ItemSource {
  kind: TimelineItem['kind'];
  select: string;
  from: string;
  /** The condition (with `?` parameters) and its parameters, ANDed with the range. */
  where: string;
  params: unknown[];
  start: string;
  end: string;
  longest: number;
}

/** A row as selected: a placement's also names its cue. */
type ItemRow = Omit<TimelineItem, 'kind' | 'cue'> & {
  cueId?: number;
  trackId?: number;
  cueStartMs?: number;
  recordingId?: number | null;
  foundConfidence?: number | null;
};

const longestOf = (db: Database.Database, sql: string, ...params: unknown[]) =>
  (db
    .prepare(sql)
    .pluck()
    .get(...params) as number | null) ?? 0;

function sceneSource(db: Database.Database, filmId: number, extra = '', extraParams: unknown[] = []): ItemSource {
  return {
    kind: 'scene',
    select: `s.id, s.start_ms AS startMs, coalesce(s.end_ms, s.start_ms) AS endMs, s.title, NULL AS colour`,
    from: 'scenes s',
    where: `s.film_id = ? AND s.start_ms IS NOT NULL${extra}`,
    params: [filmId, ...extraParams],
    start: 's.start_ms',
    end: 'coalesce(s.end_ms, s.start_ms)',
    longest: longestOf(db, 'SELECT max(end_ms - start_ms) FROM scenes WHERE film_id = ? AND start_ms IS NOT NULL', filmId)
  };
}

function placementSource(db: Database.Database, filmId: number, extra: string, extraParams: unknown[]): ItemSource {
  return {
    kind: 'placement',
    select: `p.id, p.start_ms AS startMs, p.end_ms AS endMs, c.label AS title, c.colour, p.cue_id AS cueId, c.track_id AS trackId,
      c.start_ms AS cueStartMs, (SELECT r.id FROM recordings r WHERE r.track_id = c.track_id) AS recordingId,
      p.found_confidence AS foundConfidence`,
    from: 'cue_placements p JOIN cues c ON c.id = p.cue_id',
    where: `p.film_id = ?${extra}`,
    params: [filmId, ...extraParams],
    start: 'p.start_ms',
    end: 'p.end_ms',
    longest: longestOf(db, 'SELECT max(end_ms - start_ms) FROM cue_placements WHERE film_id = ?', filmId)
  };
}

/** A note is drawn in its first tag's colour (tags in name order, as everywhere they are listed). */
const noteColour = `(SELECT t.colour FROM taggings g JOIN tags t ON t.id = g.tag_id
  WHERE g.target_kind = 'annotation' AND g.target_id = a.id ORDER BY t.name_key LIMIT 1)`;

function noteSource(filmId: number, extra = '', extraParams: unknown[] = []): ItemSource {
  return {
    kind: 'note',
    // A note's first line, as far as a tooltip shows it.
    select: `a.id, a.film_time_ms AS startMs, a.film_time_ms AS endMs,
      substr(CASE WHEN instr(a.body, char(10)) > 0 THEN substr(a.body, 1, instr(a.body, char(10)) - 1) ELSE a.body END, 1, 120) AS title,
      ${noteColour} AS colour`,
    from: 'annotations a',
    where: `a.film_id = ? AND a.film_time_ms IS NOT NULL AND a.deleted_at IS NULL${extra}`,
    params: [filmId, ...extraParams],
    start: 'a.film_time_ms',
    end: 'a.film_time_ms',
    longest: 0
  };
}

function subtitleSource(db: Database.Database, trackId: number): ItemSource {
  return {
    kind: 'subtitle',
    select: `l.id, l.start_ms AS startMs, l.end_ms AS endMs, l.text AS title, NULL AS colour`,
    from: 'subtitle_lines l',
    where: 'l.track_id = ?',
    params: [trackId],
    start: 'l.start_ms',
    end: 'l.end_ms',
    longest: longestOf(db, 'SELECT max(end_ms - start_ms) FROM subtitle_lines WHERE track_id = ?', trackId)
  };
}

function overlapping(source: ItemSource, fromMs: number, toMs: number): { sql: string; params: unknown[] } {
  const range = overlapsRange(source.start, source.end, source.longest, fromMs, toMs);
  return { sql: `${source.where} AND ${range.sql}`, params: [...source.params, ...range.params] };
}

/** A row as the timeline shows it: a placement names its cue, and a found one says so in its title. */
function itemOf(kind: TimelineItem['kind'], { cueId, trackId, cueStartMs, recordingId, foundConfidence, ...item }: ItemRow): TimelineItem {
  return {
    kind,
    ...item,
    title: foundConfidence == null ? item.title : `${item.title} (${foundWords(foundConfidence)})`,
    cue:
      cueId === undefined
        ? null
        : { cueId, trackId: trackId!, cueStartMs: cueStartMs!, recordingId: recordingId ?? null, label: item.title }
  };
}

/** Every item of the sources overlapping [fromMs, toMs), in film order. */
function itemsOf(db: Database.Database, sources: ItemSource[], fromMs: number, toMs: number): TimelineItem[] {
  const items = sources.flatMap((source) => {
    const condition = overlapping(source, fromMs, toMs);
    return (
      db
        .prepare(`SELECT ${source.select} FROM ${source.from} WHERE ${condition.sql} ORDER BY ${source.start}`)
        .all(...condition.params) as ItemRow[]
    ).map((row) => itemOf(source.kind, row));
  });
  if (sources.length > 1) items.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  return items;
}

/** The items of one or more sources in a range, or counts per bucket where there are too many to draw one by one. */
function rowRange(
  db: Database.Database,
  row: TimelineRowKey,
  sources: ItemSource[],
  range: { fromMs: number; toMs: number; bucketMs: number }
): TimelineRowRange {
  const { fromMs, toMs, bucketMs } = range;
  const buckets = Math.ceil((toMs - fromMs) / bucketMs);
  const conditions = sources.map((source) => overlapping(source, fromMs, toMs));
  const total = sources.reduce(
    (sum, source, i) =>
      sum +
      (db
        .prepare(`SELECT count(*) FROM ${source.from} WHERE ${conditions[i].sql}`)
        .pluck()
        .get(...conditions[i].params) as number),
    0
  );
  if (total <= Math.min(MAX_TIMELINE_ROW_ITEMS, buckets / TIMELINE_BUCKETS_PER_ITEM)) {
    const items = itemsOf(db, sources, fromMs, toMs);
    return { row, total, items, counts: null };
  }
  // Parameters arrive as reals: the bucket is cut to an integer in SQL, so each start falls in one.
  const counts = new Array<number>(buckets).fill(0);
  sources.forEach((source, i) => {
    const rows = db
      .prepare(
        `SELECT max(0, CAST((${source.start} - ?) / ? AS INTEGER)) AS bucket, count(*) AS n FROM ${source.from} WHERE ${conditions[i].sql} GROUP BY bucket`
      )
      .all(fromMs, bucketMs, ...conditions[i].params) as { bucket: number; n: number }[];
    for (const { bucket, n } of rows) counts[Math.min(buckets - 1, bucket)] += n;
  });
  return { row, total, items: null, counts };
}

/** Every scene, note and placed cue carrying the tag (or one nested in it). */
function tagSources(db: Database.Database, filmId: number, tagId: number): ItemSource[] {
  const tagged = (kind: 'scene' | 'annotation' | 'cue') => taggedItems(db, kind, [tagId], 'any');
  const scenes = tagged('scene');
  const notes = tagged('annotation');
  const cues = tagged('cue');
  return [
    sceneSource(db, filmId, ` AND s.id IN (${scenes.sql})`, scenes.params),
    noteSource(filmId, ` AND a.id IN (${notes.sql})`, notes.params),
    placementSource(db, filmId, ` AND p.cue_id IN (${cues.sql})`, cues.params)
  ];
}

export interface RangeQuery {
  filmId: number;
  fromMs: number;
  toMs: number;
  bucketMs: number;
  tagIds: number[];
}

/**
 * One view of a film's timeline: the scenes, each track's placements, the notes, each subtitle file and
 * each tag row asked for, as items where they can be drawn one by one and as counts where not.
 */
export function timelineRange(db: Database.Database, query: RangeQuery): TimelineRange {
  const { filmId, tagIds } = query;
  const axis = timelineAxis(db, filmId);
  return db.transaction(() => {
    const rows: TimelineRowRange[] = [rowRange(db, 'scenes', [sceneSource(db, filmId)], query)];
    for (const track of axis.tracks)
      rows.push(rowRange(db, `track:${track.id}`, [placementSource(db, filmId, ' AND c.track_id = ?', [track.id])], query));
    rows.push(rowRange(db, 'notes', [noteSource(filmId)], query));
    for (const track of axis.subtitleTracks) rows.push(rowRange(db, `subtitles:${track.id}`, [subtitleSource(db, track.id)], query));
    for (const tagId of tagIds) rows.push(rowRange(db, `tag:${tagId}`, tagSources(db, filmId, tagId), query));
    return { filmId, fromMs: query.fromMs, toMs: query.toMs, bucketMs: query.bucketMs, rows };
  })();
}

/** The latest film time anything of the film was given: the axis of a film with neither video nor typed running time. */
function latestTimeUsed(db: Database.Database, filmId: number): number {
  const latest = db
    .prepare(
      `SELECT max(
         coalesce((SELECT max(coalesce(end_ms, start_ms)) FROM scenes WHERE film_id = @filmId), 0),
         coalesce((SELECT max(end_ms) FROM cue_placements WHERE film_id = @filmId), 0),
         coalesce((SELECT max(film_time_ms) FROM annotations WHERE film_id = @filmId AND film_time_ms IS NOT NULL AND deleted_at IS NULL), 0),
         coalesce((SELECT max(l.end_ms) FROM subtitle_lines l JOIN subtitle_tracks t ON t.id = l.track_id WHERE t.film_id = @filmId), 0),
         coalesce((SELECT max(film_time_ms) FROM film_lines WHERE film_id = @filmId), 0))`
    )
    .pluck()
    .get({ filmId }) as number;
  return latest;
}

export function timelineAxis(db: Database.Database, filmId: number): TimelineAxis {
  assertExists(db, 'film', filmId);
  const known = filmRunningTime(db, filmId);
  const latest = known ? 0 : latestTimeUsed(db, filmId);
  return {
    filmId,
    runningTime: known ? { ms: known.ms, source: known.source } : latest > 0 ? { ms: latest, source: 'latest' } : null,
    frameMs: known?.source === 'video' ? known.frameMs : null,
    tracks: db.prepare('SELECT id, title FROM tracks WHERE film_id = ? ORDER BY position').all(filmId) as TimelineAxis['tracks'],
    subtitleTracks: db
      .prepare('SELECT id, name FROM subtitle_tracks WHERE film_id = ? ORDER BY id')
      .all(filmId) as TimelineAxis['subtitleTracks']
  };
}

export function setTypedRunningTime(db: Database.Database, filmId: number, runningTimeMs: number | null): TimelineAxis {
  assertExists(db, 'film', filmId);
  db.prepare('UPDATE films SET running_time_ms = ? WHERE id = ?').run(runningTimeMs, filmId);
  return timelineAxis(db, filmId);
}

/** At most this many appearances of a motif are listed (all of them count in its first, last and coverage). */
const MOTIF_LISTED = 2000;

/**
 * A motif followed through the film: every scene, note and placed cue carrying the tag (or one nested in
 * it), in film order, each with the scene it falls in; its first and last appearance, and the film time
 * its spans cover (overlaps counted once).
 */
export function followMotif(db: Database.Database, filmId: number, tagId: number): Motif {
  assertExists(db, 'film', filmId);
  const items = itemsOf(db, tagSources(db, filmId, tagId), 0, MAX_FILM_TIME_MS + 1);
  const holder = db.prepare(
    `SELECT title FROM scenes WHERE film_id = ? AND start_ms IS NOT NULL AND start_ms <= ? AND coalesce(end_ms, start_ms + 1) > ?
     ORDER BY start_ms DESC LIMIT 1`
  );
  const occurrences = items.slice(0, MOTIF_LISTED).map((item): MotifOccurrence => ({
    ...item,
    sceneTitle:
      item.kind === 'scene' ? item.title : ((holder.pluck().get(filmId, item.startMs, item.startMs) as string | undefined) ?? null)
  }));
  let coveredMs = 0;
  let reach = -1;
  for (const { startMs, endMs } of items) {
    if (endMs <= reach) continue;
    coveredMs += endMs - Math.max(startMs, reach);
    reach = endMs;
  }
  return {
    tagId,
    occurrences,
    more: items.length > MOTIF_LISTED,
    firstMs: items[0]?.startMs ?? null,
    lastMs: items.length ? Math.max(...items.map((item) => item.endMs)) : null,
    coveredMs
  };
}
