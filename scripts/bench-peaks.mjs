#!/usr/bin/env node
/**
 * `npm run bench:peaks`: how long Reelnotes takes to read a recording and compute its waveform peaks,
 * next to `ffmpeg -f null -` decoding the very same file, measured in one run on this machine.
 *
 *   node scripts/bench-peaks.mjs                # a 10-minute 44.1 kHz stereo MP3, FLAC and OGG
 *   node scripts/bench-peaks.mjs --minutes 3 --formats mp3
 *
 * The test recordings are generated with sox (and lame) into bench/results/, which is not committed;
 * the figures are printed and written to bench/results/peaks.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'rolldown';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, 'bench', 'results');
const { values } = parseArgs({ options: { minutes: { type: 'string', default: '10' }, formats: { type: 'string', default: 'mp3,flac,ogg' } } });
const minutes = Number(values.minutes);
const formats = values.formats.split(',').map((f) => f.trim());

function run(command, args) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.error || result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.error?.message ?? result.stderr}`);
}

/** A recording with something in it: a slow chord over quiet pink noise, the same on every run. */
function recording(format) {
  const wav = join(resultsDir, `bench-${minutes}min.wav`);
  if (!existsSync(wav)) {
    run('sox', ['-R', '-n', '-r', '44100', '-c', '2', '-b', '16', wav, 'synth', String(minutes * 60), 'pinknoise', 'sine', '220', 'vol', '0.4']);
  }
  const file = join(resultsDir, `bench-${minutes}min.${format}`);
  if (existsSync(file)) return file;
  if (format === 'mp3') run('lame', ['--quiet', '-b', '192', wav, file]);
  else if (format === 'flac') run('flac', ['--silent', '--force', '-o', file, wav]);
  else run('sox', ['-R', wav, file]);
  return file;
}

/** The library's own analysis, bundled from its TypeScript source for plain Node. */
async function loadAnalysis() {
  const file = join(resultsDir, 'recording-analysis.mjs');
  await build({
    input: join(root, 'src', 'main', 'library', 'recording-analysis.ts'),
    external: (id) => !id.startsWith('.') && !id.startsWith('/'),
    platform: 'node',
    output: { file, format: 'esm' },
    logLevel: 'silent'
  });
  return import(pathToFileURL(file).href);
}

function seconds(fromMs) {
  return Math.round((performance.now() - fromMs) / 10) / 100;
}

mkdirSync(resultsDir, { recursive: true });
const { analyseRecording } = await loadAnalysis();
const rows = [];
for (const format of formats) {
  const file = recording(format);
  let started = performance.now();
  run('ffmpeg', ['-v', 'error', '-threads', '1', '-i', file, '-f', 'null', '-']);
  const ffmpegSeconds = seconds(started);

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  started = performance.now();
  const { facts, peaks } = await analyseRecording(file, file);
  const reelnotesSeconds = seconds(started);
  clearInterval(sampler);

  rows.push({
    format,
    minutes,
    megabytes: Math.round(statSync(file).size / 1e5) / 10,
    codec: facts.codec,
    buckets: peaks.data.length / 2,
    ffmpegSeconds,
    reelnotesSeconds,
    ratio: Math.round((reelnotesSeconds / ffmpegSeconds) * 10) / 10,
    peakRssMegabytes: Math.round(peakRss / 1e6)
  });
  console.log(
    `${format.padEnd(5)} ${String(rows.at(-1).megabytes).padStart(6)} MB  ffmpeg -f null: ${ffmpegSeconds.toFixed(2)} s   ` +
      `Reelnotes (metadata + decode + peaks): ${reelnotesSeconds.toFixed(2)} s  (${rows.at(-1).ratio}x)   peak RSS ${rows.at(-1).peakRssMegabytes} MB`
  );
}
writeFileSync(join(resultsDir, 'peaks.json'), JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, rows }, null, 2) + '\n');
