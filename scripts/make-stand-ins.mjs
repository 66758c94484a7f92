#!/usr/bin/env node
/**
 * Generates the stand-in recordings for The Red Shoes' two soundtrack entries: short synthesised
 * melodies, the same bytes on every run, written as 16-bit PCM WAV by this script alone. They let
 * the app open with something to play; a person replaces them with their own recordings of the
 * score. No system tool is needed (a desktop app must start on a computer without sox), and every
 * host plays WAV, Chromium and Electron alike.
 *
 *   node scripts/make-stand-ins.mjs            # writes the missing ones into resources/stand-ins
 *   node scripts/make-stand-ins.mjs --force    # rewrites them all
 *
 * Run by `npm run web`, `npm start` and `npm test` before they build, so a fresh clone has them.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RATE = 22050;
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'stand-ins');

/** Each piece: a tempo, and phrases of [midi note, beats] (note 0 is a rest). The sections match the default cues. */
export const standIns = [
  {
    file: 'the-red-shoes-ballet.wav',
    beatSeconds: 0.5,
    // 40 s: overture (0-8), the dream (8-20), the premiere (20-30), the fall (30-40), 80 beats in all.
    phrases: [
      [
        [64, 2],
        [67, 1],
        [72, 3],
        [71, 2],
        [69, 1],
        [67, 3],
        [64, 2],
        [65, 1],
        [67, 2]
      ],
      [
        [76, 3],
        [79, 3],
        [84, 3],
        [83, 3],
        [81, 3],
        [79, 3],
        [76, 3],
        [74, 3]
      ],
      [
        [72, 1],
        [74, 1],
        [76, 1],
        [77, 2],
        [76, 1],
        [74, 1],
        [72, 1],
        [71, 1],
        [72, 2],
        [79, 2],
        [77, 1],
        [76, 1],
        [74, 2],
        [72, 3]
      ],
      [
        [69, 2],
        [68, 1],
        [65, 2],
        [64, 1],
        [62, 2],
        [60, 1],
        [59, 2],
        [57, 4],
        [56, 2],
        [57, 3]
      ]
    ]
  },
  {
    file: 'entracte.wav',
    beatSeconds: 0.6,
    // 16.2 s: one gentle phrase and its answer, 27 beats.
    phrases: [
      [
        [67, 2],
        [69, 1],
        [71, 2],
        [74, 1],
        [72, 3],
        [67, 3],
        [69, 2],
        [71, 1]
      ],
      [
        [67, 2],
        [64, 1],
        [62, 3],
        [60, 2],
        [62, 1],
        [60, 3]
      ]
    ]
  }
];

function synthesise({ phrases, beatSeconds }) {
  const notes = phrases.flat();
  const totalSeconds = notes.reduce((sum, [, beats]) => sum + beats * beatSeconds, 0);
  const samples = new Int16Array(Math.round(totalSeconds * RATE));
  let at = 0;
  for (const [midi, beats] of notes) {
    const length = Math.round(beats * beatSeconds * RATE);
    if (midi > 0) {
      const frequency = 440 * 2 ** ((midi - 69) / 12);
      for (let i = 0; i < length && at + i < samples.length; i++) {
        const t = i / RATE;
        // A soft attack, a slow decay and a few harmonics: closer to a celesta than to a test tone.
        const envelope = Math.min(1, t / 0.02) * Math.exp(-2.2 * t) * Math.min(1, (length - i) / (0.03 * RATE));
        const tone =
          Math.sin(2 * Math.PI * frequency * t) +
          0.35 * Math.sin(4 * Math.PI * frequency * t) +
          0.12 * Math.sin(6 * Math.PI * frequency * t);
        samples[at + i] = Math.round(0.45 * envelope * tone * 32767 * 0.7);
      }
    }
    at += length;
  }
  return samples;
}

/** A RIFF/WAVE file of mono 16-bit PCM: the 44-byte canonical header, then the samples, little-endian. */
function wavFile(samples, rate = RATE) {
  const dataBytes = samples.length * 2;
  const file = Buffer.alloc(44 + dataBytes);
  file.write('RIFF', 0, 'ascii');
  file.writeUInt32LE(36 + dataBytes, 4);
  file.write('WAVE', 8, 'ascii');
  file.write('fmt ', 12, 'ascii');
  file.writeUInt32LE(16, 16); // the size of the fmt chunk for PCM
  file.writeUInt16LE(1, 20); // format 1: integer PCM
  file.writeUInt16LE(1, 22); // one channel
  file.writeUInt32LE(rate, 24);
  file.writeUInt32LE(rate * 2, 28); // bytes per second
  file.writeUInt16LE(2, 32); // bytes per frame
  file.writeUInt16LE(16, 34); // bits per sample
  file.write('data', 36, 'ascii');
  file.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < samples.length; i++) file.writeInt16LE(samples[i], 44 + i * 2);
  return file;
}

/** Written under a temporary name and renamed, so an interrupted run never leaves half a recording. */
function write(samples, target) {
  const partial = `${target}.partial`;
  writeFileSync(partial, wavFile(samples));
  renameSync(partial, target);
}

const force = process.argv.includes('--force');
mkdirSync(outDir, { recursive: true });
let made = 0;
for (const piece of standIns) {
  const target = join(outDir, piece.file);
  if (!force && existsSync(target)) continue;
  write(synthesise(piece), target);
  made++;
}
if (made) console.log(`Stand-in recordings: wrote ${made} into ${outDir}`);
