import type Database from 'better-sqlite3';
import { createHash, type Hash } from 'node:crypto';
import { copyFileSync, createReadStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ReelnotesError } from '../../shared/errors';
import { type PeakRange, type Peaks, type Recording, type UploadStatus } from '../../shared/score';
import { assertExists, notFound } from '../errors';
import { decodingThreads, spectrogramOnThread, warmUpDecoding } from './decoders/pool';
import type { PlannedFormat } from './decoders/plan';
import { planRange } from './decoders/range';
import { windowSizeFor } from './spectrogram';
import type { Spectrogram } from '../../shared/spectrogram';
import {
  appendToIncomingFile,
  completeIncomingFile,
  discardIncomingFile,
  openIncomingFile,
  uploadsInProgress,
  type IncomingFile
} from '../library/incoming';
import { assertWritable, type Library } from '../library/library';
import { BYTES_PER_BUCKET, peakPyramid, peaksFromBlob, peaksToBlob, type PeakLevel } from './peaks';
import { analyseRecording, type RecordingAnalysis } from './recording-analysis';

type RecordingRow = Omit<Recording, 'standIn' | 'available' | 'standInCues'> & { standIn: 0 | 1; mediaFile: string };

const recordingColumns = `id, track_id AS trackId, media_file AS mediaFile, original_name AS originalName,
  byte_size AS byteSize, mime_type AS mimeType, container, codec, duration_ms AS durationMs,
  sample_rate AS sampleRate, channels, stand_in AS standIn, created_at AS createdAt`;

function toRecording(library: Library, row: RecordingRow): Recording {
  const { mediaFile, standIn, ...rest } = row;
  const standInCues = library.db
    .prepare('SELECT count(*) FROM cues WHERE track_id = ? AND timed_for_stand_in = 1')
    .pluck()
    .get(row.trackId) as number;
  return { ...rest, standIn: standIn === 1, available: existsSync(join(library.mediaDir, mediaFile)), standInCues };
}

export function listRecordings(library: Library, filmId: number): Recording[] {
  const rows = library.db
    .prepare(
      `SELECT ${recordingColumns.replace(/(^|,\s*)(\w+)/g, '$1r.$2')} FROM recordings r JOIN tracks t ON t.id = r.track_id
       WHERE t.film_id = ? ORDER BY t.position`
    )
    .all(filmId) as RecordingRow[];
  return rows.map((row) => toRecording(library, row));
}

function recordingRow(db: Database.Database, recordingId: number): RecordingRow {
  const row = db.prepare(`SELECT ${recordingColumns} FROM recordings WHERE id = ?`).get(recordingId) as RecordingRow | undefined;
  if (!row) throw notFound('recording', recordingId);
  return row;
}

export function getRecording(library: Library, recordingId: number): Recording {
  return toRecording(library, recordingRow(library.db, recordingId));
}

export function getPeaks(library: Library, recordingId: number): Peaks {
  const row = library.db
    .prepare('SELECT peaks, samples_per_bucket AS spb, sample_rate AS rate FROM recordings WHERE id = ?')
    .get(recordingId) as { peaks: Buffer; spb: number; rate: number } | undefined;
  if (!row) throw notFound('recording', recordingId);
  const levels = library.db
    .prepare('SELECT level, samples_per_bucket AS spb, buckets FROM peak_levels WHERE recording_id = ? ORDER BY level')
    .all(recordingId) as { level: number; spb: number; buckets: number }[];
  // A recording attached before the levels existed gets them now, the first time its waveform is asked for.
  const building = levels.length === 0 ? levelBuilding(library, recordingId) : undefined;
  return {
    recordingId,
    bucketMs: (row.spb / row.rate) * 1000,
    ...peaksFromBlob(row.peaks),
    levels: levels.map((l) => ({ level: l.level, bucketMs: (l.spb / row.rate) * 1000, buckets: l.buckets })),
    ...(building && { levelsProgress: building.fraction })
  };
}

interface LevelBuilding {
  fraction: number;
  done: Promise<void>;
}

/** The levels being made for recordings attached before migration 014, per library, by recording. */
const levelsInProgress = new WeakMap<Library, Map<number, LevelBuilding>>();

/**
 * The making of a recording's finer levels, started if it is not under way: a background decode of
 * its file (on the decoding threads, like an attach's, which is the one decode that makes every
 * level), its pyramid written in one transaction. Undefined where there is nothing to do: a file
 * missing from the media folder, or a library opened read-only. A failure is logged as the attach's
 * would be and leaves the overview, as before.
 */
function levelBuilding(library: Library, recordingId: number): LevelBuilding | undefined {
  const jobs = levelsInProgress.get(library) ?? new Map<number, LevelBuilding>();
  levelsInProgress.set(library, jobs);
  const known = jobs.get(recordingId);
  if (known) return known;
  const row = recordingRow(library.db, recordingId);
  const path = join(library.mediaDir, row.mediaFile);
  if (!existsSync(path) || library.readOnly) return undefined;
  const job: LevelBuilding = { fraction: 0, done: Promise.resolve() };
  job.done = analyseRecording(path, row.originalName, (fraction) => (job.fraction = fraction))
    .then(({ peaks }) => {
      const levels = peakPyramid(peaks);
      const overview = levels[levels.length - 1];
      library.db.transaction(() => {
        // The recording may have been replaced or removed meanwhile: the levels are of this file only.
        const still = library.db.prepare('SELECT 1 FROM recordings WHERE id = ? AND media_file = ?').get(recordingId, row.mediaFile);
        if (!still || library.db.prepare('SELECT 1 FROM peak_levels WHERE recording_id = ?').get(recordingId)) return;
        library.db
          .prepare('UPDATE recordings SET peaks = ?, samples_per_bucket = ? WHERE id = ?')
          .run(peaksToBlob(overview.data), overview.samplesPerBucket, recordingId);
        insertLevels(library.db, recordingId, levels);
      })();
    })
    .catch((error: unknown) => console.error(`The finer waveform of recording ${recordingId} could not be made:`, error))
    .finally(() => jobs.delete(recordingId));
  jobs.set(recordingId, job);
  return job;
}

/** Resolves once the finer levels of a recording attached before them are made (at once if nothing is under way). */
export function levelsBuilt(library: Library, recordingId: number): Promise<void> {
  return levelsInProgress.get(library)?.get(recordingId)?.done ?? Promise.resolve();
}

function insertLevels(db: Database.Database, recordingId: number, levels: PeakLevel[]): void {
  const addLevel = db.prepare('INSERT INTO peak_levels (recording_id, level, samples_per_bucket, buckets, data) VALUES (?, ?, ?, ?, ?)');
  for (const level of levels)
    addLevel.run(recordingId, level.level, level.samplesPerBucket, level.data.length / 2, peaksToBlob(level.data));
}

/**
 * A stretch of one level of the waveform: only its bytes are read from the library (substr of the
 * blob), so drawing ten seconds of an hour's finest level reads ten seconds' worth.
 */
export function getPeakRange(
  library: Library,
  input: { recordingId: number; level: number; fromBucket: number; count: number }
): PeakRange {
  const { recordingId, level, fromBucket, count } = input;
  const row = library.db
    .prepare(
      `SELECT l.samples_per_bucket AS spb, l.buckets, r.sample_rate AS rate, substr(l.data, ?, ?) AS data
       FROM peak_levels l JOIN recordings r ON r.id = l.recording_id WHERE l.recording_id = ? AND l.level = ?`
    )
    .get(fromBucket * BYTES_PER_BUCKET + 1, count * BYTES_PER_BUCKET, recordingId, level) as
    { spb: number; buckets: number; rate: number; data: Buffer | null } | undefined;
  if (!row) {
    if (!library.db.prepare('SELECT 1 FROM recordings WHERE id = ?').get(recordingId)) throw notFound('recording', recordingId);
    throw new ReelnotesError('NOT_FOUND', `The waveform of this recording has no level ${level}.`);
  }
  return {
    recordingId,
    level,
    bucketMs: (row.spb / row.rate) * 1000,
    fromBucket,
    ...peaksFromBlob(row.data ?? Buffer.alloc(0))
  };
}

const plannedFormats: Record<string, PlannedFormat> = { ogg: 'oga', opus: 'opus', mp3: 'mp3', flac: 'flac', wav: 'wav', m4a: 'm4a' };

/**
 * The spectrogram of a stretch of the recording, for the view the person is looking at: only that
 * stretch is decoded (planRange), and it is decoded and transformed on a decoding thread.
 */
export async function getSpectrogram(
  library: Library,
  input: { recordingId: number; fromMs: number; toMs: number; columns: number }
): Promise<Spectrogram> {
  const { recordingId } = input;
  const row = recordingRow(library.db, recordingId);
  const { path } = recordingMedia(library, recordingId);
  const fromMs = Math.min(input.fromMs, row.durationMs);
  const toMs = Math.min(input.toMs, row.durationMs);
  if (toMs <= fromMs) throw new ReelnotesError('INVALID_INPUT', `The stretch ${fromMs}–${toMs} ms holds nothing of this recording.`);
  const format = plannedFormats[row.mediaFile.slice(row.mediaFile.lastIndexOf('.') + 1)] ?? 'wav';
  const frameAt = (ms: number) => Math.round((ms / 1000) * row.sampleRate);
  const [fromFrame, toFrame] = [frameAt(fromMs), frameAt(toMs)];
  const windowSize = windowSizeFor(row.sampleRate);
  const reach = windowSize / 2;
  // Columns closer than half a window apart show mostly the same sound again (each window spans about
  // 90 ms; Hann windows half a window apart already weigh every sample alike): past that a view gets
  // no more detail, only more transforms, so it gets fewer columns and the renderer stretches them.
  const columns = Math.min(input.columns, Math.max(1, Math.ceil((toFrame - fromFrame) / (windowSize / 2))));
  // The view in as many parts as there are decoding threads, each its own stretch decoded and
  // transformed at once: the columns are laid out column by column, so the parts' levels follow on.
  const parts = Math.max(1, Math.min(decodingThreads(), Math.floor(columns / MIN_SPECTROGRAM_COLUMNS_A_PART)));
  const columnCut = (i: number) => Math.round((columns * i) / parts);
  const frameCut = (i: number) => fromFrame + Math.round(((toFrame - fromFrame) * columnCut(i)) / columns);
  const size = statSync(path).size;
  const results = await Promise.all(
    Array.from({ length: parts }, async (_, i) => {
      const started = performance.now();
      const [from, to] = [frameCut(i), frameCut(i + 1)];
      const plan = await planRange(path, size, format, Math.max(0, from - reach), to + reach);
      const planMs = performance.now() - started;
      const part = await spectrogramOnThread({
        path,
        plan,
        sampleRate: row.sampleRate,
        fromFrame: from,
        toFrame: to,
        columns: columnCut(i + 1) - columnCut(i)
      });
      return { ...part, decodeMs: planMs + part.decodeMs };
    })
  );
  const levels = Buffer.concat(results.map((part) => part.levels));
  return {
    recordingId,
    fromMs,
    toMs,
    columns,
    rows: levels.length / columns,
    levels: levels.toString('base64'),
    // The parts run side by side: the slowest one is what the person waits for.
    decodeMs: Math.max(...results.map((part) => part.decodeMs)),
    transformMs: Math.max(...results.map((part) => part.transformMs))
  };
}

/** Fewer columns than this are not worth a second thread's round trip. */
const MIN_SPECTROGRAM_COLUMNS_A_PART = 64;

/** Where a recording's bytes are, for the media responders of both hosts. */
export function recordingMedia(library: Library, recordingId: number): { path: string; mimeType: string } {
  const row = recordingRow(library.db, recordingId);
  const path = join(library.mediaDir, row.mediaFile);
  if (!existsSync(path))
    throw new ReelnotesError(
      'NOT_FOUND',
      `The file of recording ${recordingId} is missing from the library; attach it again to relink it.`
    );
  return { path, mimeType: row.mimeType };
}

export function removeRecording(library: Library, recordingId: number): { trackId: number } {
  const row = recordingRow(library.db, recordingId);
  library.db.prepare('DELETE FROM recordings WHERE id = ?').run(recordingId);
  forgetMediaFile(library, row.mediaFile);
  return { trackId: row.trackId };
}

/** Deletes a media file once no recording refers to it (two tracks may share one file). */
function forgetMediaFile(library: Library, mediaFile: string): void {
  const used = library.db.prepare('SELECT 1 FROM recordings WHERE media_file = ?').get(mediaFile);
  if (!used) rmSync(join(library.mediaDir, mediaFile), { force: true });
}

function assertTrack(db: Database.Database, trackId: number): void {
  assertExists(db, 'track', trackId);
}

export interface AttachOptions {
  standIn?: boolean;
  onProgress?: (fraction: number) => void;
}

/**
 * Attaches the file at `source` (a temporary file the library may move) to a track: analysed, then
 * moved into the media folder under its content hash, then recorded in one transaction. The track's
 * previous recording, if any, is replaced; its cues stay. Anything refused leaves the library as it was.
 * When a real recording replaces a stand-in, the track's cues (timed for the stand-in) are marked in
 * the same transaction, for the person to remove or keep (Recording.standInCues).
 */
export async function attachRecording(
  library: Library,
  trackId: number,
  source: { path: string; sha256: string; originalName: string; owned: boolean },
  options: AttachOptions = {}
): Promise<Recording> {
  assertTrack(library.db, trackId);
  const analysis = await analyseRecording(source.path, source.originalName, options.onProgress).catch((error: unknown) => {
    throw withoutTemporaryPath(error, source.path, source.originalName);
  });
  const mediaFile = `${source.sha256}.${analysis.facts.extension}`;
  const target = join(library.mediaDir, mediaFile);
  if (!existsSync(target)) {
    mkdirSync(library.mediaDir, { recursive: true });
    const partial = `${target}.partial`;
    try {
      if (source.owned) renameSync(source.path, partial);
      else copyFileSync(source.path, partial);
      renameSync(partial, target);
    } finally {
      // A copy cut short by a full disk must not stay in the media folder, taking its room.
      rmSync(partial, { force: true });
    }
  } else if (source.owned) {
    rmSync(source.path, { force: true });
  }
  const byteSize = statSync(target).size;
  const replaced = writeRecording(library.db, trackId, { mediaFile, byteSize, ...source }, analysis, options.standIn ?? false);
  if (replaced && replaced !== mediaFile) forgetMediaFile(library, replaced);
  return toRecording(library, recordingRow(library.db, recordingIdOfTrack(library.db, trackId)));
}

/**
 * The decoders name the file they read, which for an upload is the library's temporary file: the
 * person is told about their own file, by the name they gave it.
 */
function withoutTemporaryPath(error: unknown, path: string, originalName: string): unknown {
  if (!(error instanceof ReelnotesError) || !error.message.includes(path)) return error;
  return new ReelnotesError(error.code, error.message.replaceAll(path, basename(originalName)));
}

function recordingIdOfTrack(db: Database.Database, trackId: number): number {
  return (db.prepare('SELECT id FROM recordings WHERE track_id = ?').pluck().get(trackId) as number | undefined) ?? 0;
}

function writeRecording(
  db: Database.Database,
  trackId: number,
  file: { mediaFile: string; byteSize: number; sha256: string; originalName: string },
  { facts, peaks }: RecordingAnalysis,
  standIn: boolean
): string | undefined {
  // The overview (the coarsest level) is the recording's own peaks, as before the pyramid; every level,
  // the overview included, goes into peak_levels.
  const levels = peakPyramid(peaks);
  const overview = levels[levels.length - 1];
  return db.transaction(() => {
    assertTrack(db, trackId);
    const previous = db.prepare('SELECT media_file AS mediaFile, stand_in AS standIn FROM recordings WHERE track_id = ?').get(trackId) as
      { mediaFile: string; standIn: 0 | 1 } | undefined;
    if (previous?.standIn === 1 && !standIn) db.prepare('UPDATE cues SET timed_for_stand_in = 1 WHERE track_id = ?').run(trackId);
    db.prepare('DELETE FROM recordings WHERE track_id = ?').run(trackId);
    db.prepare(
      `INSERT INTO recordings (track_id, media_file, sha256, original_name, byte_size, mime_type, container, codec,
         duration_ms, sample_rate, channels, stand_in, peaks, samples_per_bucket)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    ).run(
      trackId,
      file.mediaFile,
      file.sha256,
      basename(file.originalName).slice(0, 255),
      file.byteSize,
      facts.mimeType,
      facts.container,
      facts.codec,
      facts.durationMs,
      facts.sampleRate,
      facts.channels,
      standIn ? 1 : 0,
      peaksToBlob(overview.data),
      overview.samplesPerBucket
    );
    const recordingId = Number(db.prepare('SELECT last_insert_rowid()').pluck().get());
    insertLevels(db, recordingId, levels);
    return previous?.mediaFile;
  })();
}

/* Uploads ------------------------------------------------------------------------------------- */

interface UploadSession {
  file: IncomingFile;
  trackId: number;
  hash: Hash;
  status: UploadStatus;
}

const sessions = uploadsInProgress<UploadSession>();

export function beginUpload(library: Library, input: { trackId: number; fileName: string; byteSize: number }): UploadStatus {
  assertWritable(library);
  assertTrack(library.db, input.trackId);
  const file = openIncomingFile(library, input.fileName, input.byteSize);
  const session: UploadSession = {
    file,
    trackId: input.trackId,
    hash: createHash('sha256'),
    status: { uploadId: file.id, phase: 'receiving', progress: 0, receivedBytes: 0 }
  };
  sessions(library).set(file.id, session);
  // The decoding threads start while the bytes arrive rather than after.
  warmUpDecoding();
  return { ...session.status };
}

function session(library: Library, uploadId: string): UploadSession {
  const found = sessions(library).get(uploadId);
  if (!found) throw new ReelnotesError('NOT_FOUND', 'This upload is unknown or has finished; start the attachment again.');
  return found;
}

/** Appends bytes at `offset`, which must be where the previous chunk ended. */
export function receiveChunk(library: Library, uploadId: string, offset: number, bytes: Uint8Array): UploadStatus {
  const s = session(library, uploadId);
  if (s.status.phase !== 'receiving') throw new ReelnotesError('CONFLICT', 'This upload is no longer receiving data.');
  try {
    appendToIncomingFile(s.file, offset, bytes);
  } catch (error) {
    // A chunk out of order may be sent again; a file that outgrew its size is gone.
    if (s.file.fd === undefined) failUpload(library, s, error);
    throw error;
  }
  s.hash.update(bytes);
  s.status = { ...s.status, receivedBytes: s.file.received, progress: s.file.received / s.file.byteSize };
  return { ...s.status };
}

/** Analyses the received file and attaches it; the status can be polled meanwhile for progress. */
export async function finishUpload(library: Library, uploadId: string): Promise<Recording> {
  const s = session(library, uploadId);
  if (s.status.phase !== 'receiving' || s.file.fd === undefined)
    throw new ReelnotesError('CONFLICT', 'This upload is already being attached.');
  s.status = { ...s.status, phase: 'analysing', progress: 0 };
  try {
    completeIncomingFile(s.file);
    const recording = await attachRecording(
      library,
      s.trackId,
      { path: s.file.path, sha256: s.hash.digest('hex'), originalName: s.file.fileName, owned: true },
      { onProgress: (fraction) => (s.status = { ...s.status, progress: fraction }) }
    );
    s.status = { ...s.status, phase: 'done', progress: 1 };
    forgetLater(library, s);
    return recording;
  } catch (error) {
    failUpload(library, s, error);
    throw error;
  }
}

function failUpload(library: Library, s: UploadSession, error: unknown): void {
  discardIncomingFile(s.file);
  const payload =
    error instanceof ReelnotesError ? error.toPayload() : { code: 'INTERNAL', message: `${s.file.fileName} could not be attached.` };
  s.status = { ...s.status, phase: 'failed', error: payload };
  forgetLater(library, s);
}

/** A finished upload's status stays readable for a minute, for the poller that asks last. */
function forgetLater(library: Library, s: UploadSession): void {
  setTimeout(() => sessions(library).delete(s.file.id), 60_000).unref();
}

export function uploadStatus(library: Library, uploadId: string): UploadStatus {
  return { ...session(library, uploadId).status };
}

export function cancelUpload(library: Library, uploadId: string): UploadStatus {
  const s = session(library, uploadId);
  if (s.status.phase === 'receiving') failUpload(library, s, new ReelnotesError('CONFLICT', 'The attachment was cancelled.'));
  return { ...s.status };
}

/** Attaches a file already on this computer (stand-ins, tests): hashed by streaming, copied in. */
export async function attachFile(library: Library, trackId: number, path: string, options: AttachOptions = {}): Promise<Recording> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return attachRecording(library, trackId, { path, sha256: hash.digest('hex'), originalName: basename(path), owned: false }, options);
}
