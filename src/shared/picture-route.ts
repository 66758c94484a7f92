/**
 * The renderer's route for the film's picture alone in its own window: the same page as the desk, with
 * the fragment `#/film/<id>/picture?t=<ms>&play` (where it starts, and whether it plays). The desk
 * opens it; the desktop shell lets a window open on this route of its own page and on nothing else.
 */
export interface PictureStart {
  filmId: number;
  ms: number;
  play: boolean;
}

export function pictureRoute({ filmId, ms, play }: PictureStart): string {
  return `#/film/${filmId}/picture?t=${Math.max(0, Math.round(ms))}${play ? '&play' : ''}`;
}

/** The picture's route read from an address's fragment; null for the desk's own addresses and anything else. */
export function pictureStartOf(fragment: string): PictureStart | null {
  const match = /^#\/film\/([1-9]\d{0,15})\/picture(?:\?t=(\d{1,12})(&play)?)?$/.exec(fragment);
  if (!match) return null;
  return { filmId: Number(match[1]), ms: Number(match[2] ?? 0), play: match[3] !== undefined };
}
