/** The desktop app's scheme for media (see src/main/media-scheme.ts); the browser host serves the same routes under /media/. */
export const MEDIA_SCHEME = 'media';

/** What a media address names: every file is served by the id of what it belongs to, never by path. */
export type MediaRoute =
  | { kind: 'recording'; recordingId: number }
  | { kind: 'film-video'; filmId: number }
  | { kind: 'film-audio'; filmId: number }
  | { kind: 'frame'; sha256: string };

const rowId = '([1-9]\\d{0,15})';
const recordingPath = new RegExp(`^(?:recording/)?${rowId}$`);
const filmPath = new RegExp(`^film/${rowId}/(video|audio)$`);
const framePath = /^frame\/([0-9a-f]{64})$/;

export function mediaUrl(recordingId: number, desktop: boolean): string {
  return desktop ? `${MEDIA_SCHEME}://recording/${recordingId}` : `/media/${recordingId}`;
}

/** The film's own video file (src/core/video), or its converted sound, streamed with Range like a recording. */
export function filmMediaUrl(filmId: number, part: 'video' | 'audio', desktop: boolean): string {
  return desktop ? `${MEDIA_SCHEME}://film/${filmId}/${part}` : `/media/film/${filmId}/${part}`;
}

/** A frame grab's image (src/core/frames), by its hash. */
export function frameUrl(sha256: string, desktop: boolean): string {
  return desktop ? `${MEDIA_SCHEME}://frame/${sha256}` : `/media/frame/${sha256}`;
}

/**
 * Reads a media address: the part after `/media/` in the browser host, host and path of a
 * `media://` URL in the desktop app (`recording/7`, `film/1/video`, `film/1/audio`). Null for anything else.
 */
export function parseMediaPath(path: string): MediaRoute | null {
  const recording = recordingPath.exec(path);
  if (recording) return { kind: 'recording', recordingId: Number(recording[1]) };
  const film = filmPath.exec(path);
  if (film) return { kind: film[2] === 'video' ? 'film-video' : 'film-audio', filmId: Number(film[1]) };
  const frame = framePath.exec(path);
  if (frame) return { kind: 'frame', sha256: frame[1] };
  return null;
}

/** The browser host's download of a film's study with its frame grabs, as one ZIP archive (src/core/films/study-frames.ts). */
export const studyArchiveUrl = (filmId: number) => `/export/study/${filmId}.zip`;

/** The film id a study download names; null for any other address. */
export function parseStudyArchivePath(pathname: string): number | null {
  const match = new RegExp(`^/export/study/${rowId}\\.zip$`).exec(pathname);
  return match ? Number(match[1]) : null;
}

/** The browser host's download of a film's study pack (src/core/exchange/study-pack.ts), with its recordings or without. */
export const studyPackUrl = (filmId: number, withRecordings: boolean) =>
  `/export/pack/${filmId}.reelstudy${withRecordings ? '?recordings=1' : ''}`;

/** The film id a study pack download names; null for any other address. */
export function parseStudyPackPath(pathname: string): number | null {
  const match = new RegExp(`^/export/pack/${rowId}\\.reelstudy$`).exec(pathname);
  return match ? Number(match[1]) : null;
}
