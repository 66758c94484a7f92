import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { ReelnotesError } from '../../shared/errors';
import type { AudioConversion, FilmAudioTrack } from '../../shared/video';
import { notFound } from '../errors';
import { incomingDir, uploadsInProgress } from '../library/incoming';
import { assertWritable, type Library } from '../library/library';
import { codecName } from './probe';
import { filmVideoRow, forgetConvertedAudio, getFilmVideo } from './video';

/** Sound that mediabunny's AC-3 extension decodes: Dolby Digital and Dolby Digital Plus. */
const convertible = new Set(['ac3', 'eac3']);

interface Job {
  status: AudioConversion;
  cancel: () => void;
  /** Settles once the conversion has ended and cleaned up after itself, whatever the outcome. */
  finished: Promise<void>;
}

/** Conversions under way, one per film, kept for each open library: they live and die with its process. */
const jobsOf = uploadsInProgress<Job>();

const idle = (filmId: number): AudioConversion => ({ filmId, state: 'idle', fraction: 0, message: null });

/**
 * The film's sound track that Chromium cannot play and we can convert: the one asked for, else the
 * first such track. DTS is refused with why (no decoder library for it runs here).
 */
function trackToConvert(tracks: FilmAudioTrack[], fileName: string, asked: number | undefined): FilmAudioTrack {
  const candidates = asked === undefined ? tracks.filter((t) => !t.playable) : tracks.filter((t) => t.number === asked);
  const track = candidates.find((t) => convertible.has(t.codec)) ?? candidates[0];
  if (!track) {
    throw asked === undefined
      ? new ReelnotesError('CONFLICT', `${fileName}: its sound already plays; there is nothing to convert.`)
      : new ReelnotesError('NOT_FOUND', `${fileName} has no audio track ${asked}.`);
  }
  if (track.playable)
    throw new ReelnotesError('CONFLICT', `${fileName}: audio track ${track.number} already plays; there is nothing to convert.`);
  if (!convertible.has(track.codec)) {
    throw new ReelnotesError(
      'UNSUPPORTED_AUDIO',
      `${fileName}: its sound is ${codecName(track.codec)}, which Reelnotes cannot convert (no decoder library for it runs here). ` +
        'Convert it with ffmpeg, for example `ffmpeg -i film.mkv -c:v copy -c:a aac film-aac.mkv`, and attach that copy.'
    );
  }
  return track;
}

/**
 * Starts converting the film's AC-3 or E-AC-3 sound, once, into a stereo 16-bit WAV that Chromium
 * plays, decoded by mediabunny's AC-3 extension (libavcodec's decoder in WebAssembly). The WAV is
 * written to incoming/ and moved into media/ only when whole, so a cancelled or failed conversion
 * leaves nothing behind. Progress is read with `conversionStatus`.
 */
export function startAudioConversion(library: Library, filmId: number, trackNumber?: number): AudioConversion {
  assertWritable(library);
  const video = getFilmVideo(library, filmId);
  if (!video) throw notFound('attached video of film', filmId);
  const jobs = jobsOf(library);
  const running = jobs.get(String(filmId));
  if (running?.status.state === 'converting') return running.status;
  if (video.status !== 'ready') {
    throw new ReelnotesError('CONFLICT', `The film's file is ${video.status}: relink or attach it before converting its sound.`);
  }
  const track = trackToConvert(video.audioTracks, video.fileName, trackNumber);
  const partial = join(incomingDir(library), `${randomBytes(12).toString('base64url')}.wav`);
  let cancelled = false;
  let cancelConversion: () => Promise<void> = async () => {};
  const job: Job = {
    status: { filmId, state: 'converting', fraction: 0, message: null },
    cancel: () => {
      cancelled = true;
      void cancelConversion();
    },
    finished: Promise.resolve()
  };
  jobs.set(String(filmId), job);

  const run = async () => {
    // Imported as modules, both: the AC-3 extension registers its decoder with the ES module of
    // mediabunny, which must then be the one that converts.
    const [mediabunny, { registerAc3Decoder }] = await Promise.all([import('mediabunny'), import('@mediabunny/ac3')]);
    registerAc3Decoder();
    const input = new mediabunny.Input({ source: new mediabunny.FilePathSource(video.path), formats: mediabunny.ALL_FORMATS });
    try {
      const output = new mediabunny.Output({
        format: new mediabunny.WavOutputFormat(),
        target: new mediabunny.StreamTarget(await fileWriter(partial), { chunked: true })
      });
      let audioTracksSeen = 0;
      const conversion = await mediabunny.Conversion.init({
        input,
        output,
        video: { discard: true },
        // Stereo for a film's 5.1: a study desk plays it on headphones or a laptop.
        audio: () => (++audioTracksSeen === track.number ? { codec: 'pcm-s16', numberOfChannels: 2 } : { discard: true }),
        showWarnings: false
      });
      cancelConversion = () => conversion.cancel();
      if (cancelled) return;
      if (!conversion.isValid) throw new ReelnotesError('UNSUPPORTED_AUDIO', `${video.fileName}: its sound cannot be decoded here.`);
      conversion.onProgress = (fraction) => {
        job.status = { ...job.status, fraction };
      };
      await conversion.execute();
    } finally {
      input.dispose();
    }
  };

  job.finished = run()
    .then(() => {
      if (cancelled) throw new ReelnotesError('CONFLICT', 'cancelled');
      keepConvertedAudio(library, filmId, video.fingerprint, track.number, partial);
      job.status = { filmId, state: 'done', fraction: 1, message: null };
    })
    .catch((error: unknown) => {
      rmSync(partial, { force: true });
      job.status = cancelled
        ? { filmId, state: 'cancelled', fraction: 0, message: null }
        : {
            filmId,
            state: 'failed',
            fraction: 0,
            message:
              error instanceof ReelnotesError ? error.message : `${video.fileName}: its sound could not be converted (${String(error)}).`
          };
    });
  return job.status;
}

/**
 * The whole WAV goes into media/, named by the film's fingerprint and the track: the same sound
 * converted twice is one file. Written to the film's row only if the film is still that file.
 */
function keepConvertedAudio(library: Library, filmId: number, fingerprint: string, trackNumber: number, partial: string): void {
  const mediaFile = `film-${fingerprint}-a${trackNumber}.wav`;
  mkdirSync(library.mediaDir, { recursive: true });
  renameSync(partial, join(library.mediaDir, mediaFile));
  const kept = library.db.transaction(() => {
    const row = filmVideoRow(library.db, filmId);
    // The film was detached, or another file attached, while its sound was converting.
    if (!row || row.fingerprint !== fingerprint) return { previous: null, kept: false };
    library.db
      .prepare('UPDATE film_videos SET converted_audio = ?, converted_audio_track = ? WHERE film_id = ?')
      .run(mediaFile, trackNumber, filmId);
    return { previous: row.convertedAudio, kept: true };
  })();
  if (!kept.kept) {
    forgetConvertedAudio(library, mediaFile);
    throw new ReelnotesError('CONFLICT', 'The film was changed while its sound was converting; convert it again.');
  }
  if (kept.previous && kept.previous !== mediaFile) forgetConvertedAudio(library, kept.previous);
}

/**
 * Where the WAV is written. mediabunny's own FilePathTarget leaves its file open when a conversion is
 * cancelled (its stream has no abort); this one closes the file however the stream ends.
 */
async function fileWriter(path: string): Promise<WritableStream<{ data: Uint8Array; position: number }>> {
  const file = await open(path, 'wx');
  const close = () => file.close().catch(() => undefined);
  return new WritableStream({
    write: async (chunk) => {
      await file.write(chunk.data, 0, chunk.data.byteLength, chunk.position);
    },
    close,
    abort: close
  });
}

export function conversionStatus(library: Library, filmId: number): AudioConversion {
  return jobsOf(library).get(String(filmId))?.status ?? idle(filmId);
}

/** Stops a conversion and answers once what it wrote is deleted; the film keeps the sound it had. */
export async function cancelAudioConversion(library: Library, filmId: number): Promise<AudioConversion> {
  const job = jobsOf(library).get(String(filmId));
  if (job?.status.state === 'converting') {
    job.cancel();
    await job.finished;
  }
  return conversionStatus(library, filmId);
}
