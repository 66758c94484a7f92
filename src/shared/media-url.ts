/** The desktop app's scheme for recordings (see src/main/media-scheme.ts); the browser host uses /media/<id>. */
export const MEDIA_SCHEME = 'media';

export function mediaUrl(recordingId: number, desktop: boolean): string {
  return desktop ? `${MEDIA_SCHEME}://recording/${recordingId}` : `/media/${recordingId}`;
}
