/**
 * The spectrogram's note axis, shared by the core that computes it and the renderer that draws and
 * reads it: rows from C1 to C8 on a log-frequency scale, `rowsPerSemitone` to a semitone, each row
 * named by the note it is centred on (A4 = 440 Hz, equal temperament).
 */
export const SPECTROGRAM_NOTES = { lowestMidi: 24, highestMidi: 108, rowsPerSemitone: 3 } as const;

/** Level 0 is this many decibels below full scale, or quieter; 255 is full scale. */
export const SPECTROGRAM_FLOOR_DB = -90;

/** The longest stretch a spectrogram is made of at once: it is decoded on demand, so a view must be zoomed in this far. */
export const SPECTROGRAM_MAX_SPAN_MS = 120_000;

export const spectrogramRows = (): number =>
  (SPECTROGRAM_NOTES.highestMidi - SPECTROGRAM_NOTES.lowestMidi) * SPECTROGRAM_NOTES.rowsPerSemitone + 1;

/** The MIDI note a row is centred on (fractional between semitones). */
export const rowMidi = (row: number): number => SPECTROGRAM_NOTES.lowestMidi + row / SPECTROGRAM_NOTES.rowsPerSemitone;

/** The row centred on a MIDI note. */
export const midiRow = (midi: number): number => (midi - SPECTROGRAM_NOTES.lowestMidi) * SPECTROGRAM_NOTES.rowsPerSemitone;

export const midiHz = (midi: number): number => 440 * 2 ** ((midi - 69) / 12);

const NAMES = ['C', 'C♯', 'D', 'D♯', 'E', 'F', 'F♯', 'G', 'G♯', 'A', 'A♯', 'B'];

/** "A4" for 69, "C♯5" for 73: the nearest note's name and octave (scientific pitch notation). */
export function noteName(midi: number): string {
  const nearest = Math.round(midi);
  return `${NAMES[((nearest % 12) + 12) % 12]}${Math.floor(nearest / 12) - 1}`;
}

/** A stretch of a recording as a spectrogram: what `recordings.spectrogram` answers. */
export interface Spectrogram {
  recordingId: number;
  fromMs: number;
  toMs: number;
  columns: number;
  rows: number;
  /** Levels 0–255 (SPECTROGRAM_FLOOR_DB up to full scale), base64: column by column, each column's rows from the lowest note up. */
  levels: string;
  /** What the answer took in the library: decoding the stretch, and transforming it. */
  decodeMs: number;
  transformMs: number;
}

/**
 * The loudest note of one column: its row, its name and frequency ("A4 440 Hz"), or null where the
 * column is silent (every row at the floor).
 */
export function loudestNote(levels: Uint8Array, rows: number, column: number): { row: number; label: string } | null {
  let best = -1;
  let loudest = 0;
  for (let r = 0; r < rows; r++) {
    const level = levels[column * rows + r];
    if (level > loudest) [best, loudest] = [r, level];
  }
  if (best < 0) return null;
  const midi = rowMidi(best);
  return { row: best, label: `${noteName(midi)} ${Math.round(midiHz(Math.round(midi)))} Hz` };
}
