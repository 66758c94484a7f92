import type { FilmSubtitleTrack } from '../../shared/video';
import type { ContainerText } from './container-text';
import { listMatroskaSubtitles, readMatroskaSubtitles } from './matroska-text';
import { listMp4Subtitles, readMp4Subtitles } from './mp4-text';

/** Reads the subtitle tracks inside a film of one container: lists them (when it is attached), and reads one whole (import). */
export interface SubtitlesInFilm {
  list(path: string): Promise<FilmSubtitleTrack[]>;
  read(path: string, trackNumber: number): Promise<ContainerText>;
}

const matroska: SubtitlesInFilm = { list: listMatroskaSubtitles, read: readMatroskaSubtitles };
const mp4: SubtitlesInFilm = { list: listMp4Subtitles, read: readMp4Subtitles };

/** Our own readers, by the container as mediabunny names it (mediabunny lists no subtitle track). */
export const subtitlesInFilm: Partial<Record<string, SubtitlesInFilm>> = {
  Matroska: matroska,
  WebM: matroska,
  MP4: mp4,
  'QuickTime File Format': mp4
};
