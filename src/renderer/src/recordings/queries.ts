import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { PeakRange } from '../../../shared/score';
import { call } from '../api';
import { queryKeyOf, useLibraryQuery } from '../data/library-query';
import { TILE_BUCKETS } from '../../../shared/waveform-view';

export const useRecordings = (filmId: number) => useLibraryQuery('recordings.list', { filmId });
/**
 * The overview of a recording's waveform, and the list of its finer levels. For a recording attached
 * before the levels existed, asking starts making them in the library: until they are made, the answer
 * says how far that has gone, and is asked for again every half second, the one answer that is polled.
 */
export function usePeaks(recordingId: number | null) {
  const input = recordingId === null ? null : { recordingId };
  return useQuery({
    queryKey: queryKeyOf('recordings.peaks', input!),
    queryFn: () => call('recordings.peaks', input!),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.levelsProgress === undefined ? false : 500)
  });
}

/**
 * The tiles of one level that the waveform draws now, by tile number. Like every answer, a tile is let
 * go as soon as nothing draws it, so the renderer holds a few screens of the waveform, never a level.
 */
export function usePeakTiles(recordingId: number, level: number | null, tiles: readonly number[]): Map<number, PeakRange> {
  return useQueries({
    queries: (level === null ? [] : tiles).map((tile) => {
      const input = { recordingId, level: level!, fromBucket: tile * TILE_BUCKETS, count: TILE_BUCKETS };
      return { queryKey: queryKeyOf('recordings.peakRange', input), queryFn: () => call('recordings.peakRange', input) };
    }),
    combine: byTile
  });
}

/** Defined once, so the map is made again only when a tile arrives or goes, not on every render of playback. */
function byTile(results: { data?: PeakRange }[]): Map<number, PeakRange> {
  const tiles = new Map<number, PeakRange>();
  results.forEach((result) => result.data && tiles.set(result.data.fromBucket / TILE_BUCKETS, result.data));
  return tiles;
}

/**
 * The spectrogram of the stretch in view, asked for once the view has settled; the last answer stays
 * drawn (where its stretch lies in the view) while the next one comes.
 */
export const useSpectrogram = (input: { recordingId: number; fromMs: number; toMs: number; columns: number } | null) =>
  useLibraryQuery('recordings.spectrogram', input);
