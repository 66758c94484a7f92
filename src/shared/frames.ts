/** A frame grabbed from the person's film (src/core/frames), as the desk sees it. */
export interface FrameGrab {
  id: number;
  filmId: number;
  /** Film time of the frame, in ms. */
  timeMs: number;
  /** SHA-256 of the PNG: its name in the library, and in a note (`frames/<sha256>.png`). */
  sha256: string;
  width: number;
  height: number;
  /** *The Red Shoes* (1948), 01:23:45 — the year when the film's file names one. */
  citation: string;
  /** The grab as a Markdown image, to insert into a note. */
  markdown: string;
}

/** Where a grab is, relative to a note: the same path beside an exported study. */
export const framePath = (sha256: string) => `frames/${sha256}.png`;

/** Reads `frames/<sha256>.png` back to the hash; null for any other address. */
export function frameHashOf(src: string): string | null {
  return /^frames\/([0-9a-f]{64})\.png$/.exec(src)?.[1] ?? null;
}
