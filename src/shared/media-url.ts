/** The desktop app's scheme for media (see src/main/media-scheme.ts); the browser host serves the same routes under /media/. */
export const MEDIA_SCHEME = 'media';

/** What a media address names: every file is served by the id of what it belongs to, never by path. */
export type MediaRoute = { kind: 'recording'; recordingId: number } | { kind: 'film-video'; filmId: number };

const rowId = '([1-9]\\d{0,15})';
const recordingPath = new RegExp(`^(?:recording/)?${rowId}$`);
const filmVideoPath = new RegExp(`^film/${rowId}/video$`);

export function mediaUrl(recordingId: number, desktop: boolean): string {
  return desktop ? `${MEDIA_SCHEME}://recording/${recordingId}` : `/media/${recordingId}`;
}

/** The film's own video file (src/core/video), streamed with Range like a recording. */
export function filmVideoUrl(filmId: number, desktop: boolean): string {
  return desktop ? `${MEDIA_SCHEME}://film/${filmId}/video` : `/media/film/${filmId}/video`;
}

/**
 * Reads a media address: the part after `/media/` in the browser host, host and path of a
 * `media://` URL in the desktop app (`recording/7`, `film/1/video`). Null for anything else.
 */
export function parseMediaPath(path: string): MediaRoute | null {
  const recording = recordingPath.exec(path);
  if (recording) return { kind: 'recording', recordingId: Number(recording[1]) };
  const film = filmVideoPath.exec(path);
  if (film) return { kind: 'film-video', filmId: Number(film[1]) };
  return null;
}
