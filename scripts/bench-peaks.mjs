#!/usr/bin/env node
/**
 * `npm run bench:peaks`: how long Reelnotes takes to read a recording and compute its waveform peaks,
 * next to `ffmpeg -f null -` decoding the very same file, measured in one run on this machine; then
 * how long the waveform of that recording, once attached, takes to come back from the library's cache.
 *
 *   node scripts/bench-peaks.mjs                # a 10-minute 44.1 kHz stereo MP3, FLAC and OGG
 *   node scripts/bench-peaks.mjs --minutes 3 --formats mp3 --runs 5
 *
 * Each side's best of `--runs` (3) is compared.
 *
 * The test recordings are generated with sox (and lame) into bench/results/, which is not committed;
 * the figures are printed and written to bench/results/peaks.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { modulePathPlugin } from './module-path-plugin.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, 'bench', 'results');
const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    formats: { type: 'string', default: 'mp3,flac,ogg' },
    runs: { type: 'string', default: '3' }
  }
});
const minutes = Number(values.minutes);
const runs = Math.max(1, Number(values.runs));
const formats = values.formats.split(',').map((f) => f.trim());

function run(command, args) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.error || result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed: ${result.error?.message ?? result.stderr}`);
}

/** A recording with something in it: a slow chord over quiet pink noise, the same on every run. */
function recording(format) {
  const wav = join(resultsDir, `bench-${minutes}min.wav`);
  if (!existsSync(wav)) {
    run('sox', [
      '-R',
      '-n',
      '-r',
      '44100',
      '-c',
      '2',
      '-b',
      '16',
      wav,
      'synth',
      String(minutes * 60),
      'pinknoise',
      'sine',
      '220',
      'vol',
      '0.4'
    ]);
  }
  const file = join(resultsDir, `bench-${minutes}min.${format}`);
  if (existsSync(file)) return file;
  if (format === 'mp3') run('lame', ['--quiet', '-b', '192', wav, file]);
  else if (format === 'flac') run('flac', ['--silent', '--force', '-o', file, wav]);
  else run('sox', ['-R', wav, file]);
  return file;
}

/** The library's own code (bench/peaks-library.ts), bundled from its TypeScript source for plain Node. */
async function loadLibrary() {
  const outDir = join(resultsDir, 'peaks-library');
  await build({
    configFile: false,
    logLevel: 'warn',
    // Beside outDir, which the build empties.
    plugins: [modulePathPlugin(join(resultsDir, 'peaks-library-modules'))],
    build: {
      ssr: join(root, 'bench', 'peaks-library.ts'),
      outDir,
      emptyOutDir: true,
      rollupOptions: { output: { entryFileNames: 'index.mjs' } }
    }
  });
  return import(pathToFileURL(join(outDir, 'index.mjs')).href);
}

const RATIO_GOAL = 1.5;
const REOPEN_GOAL_MS = 20;
/** What the peak pyramid may add to the analysis (issue 12), in percent of the analysis without it. */
const PYRAMID_COST_GOAL = 10;

function round2(value) {
  return Math.round(value * 100) / 100;
}

function seconds(fromMs) {
  return Math.round((performance.now() - fromMs) / 10) / 100;
}

mkdirSync(resultsDir, { recursive: true });
const { analyseRecording, timeCachedPeaks, timePyramidWork } = await loadLibrary();
const rows = [];
for (const format of formats) {
  const file = recording(format);
  // ffmpeg and Reelnotes take turns, and each keeps its best run: other work on the machine slows
  // a run down, never speeds it up.
  const ffmpegRuns = [];
  const reelnotesRuns = [];
  let peakRss = process.memoryUsage().rss;
  let analysis;
  for (let i = 0; i < runs; i++) {
    let started = performance.now();
    run('ffmpeg', ['-v', 'error', '-threads', '1', '-i', file, '-f', 'null', '-']);
    ffmpegRuns.push(seconds(started));

    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    started = performance.now();
    analysis = await analyseRecording(file, file);
    reelnotesRuns.push(seconds(started));
    clearInterval(sampler);
  }
  const { facts, peaks } = analysis;
  const ffmpegSeconds = Math.min(...ffmpegRuns);
  const reelnotesSeconds = Math.min(...reelnotesRuns);

  const cached = await timeCachedPeaks(file, join(root, 'resources', 'films'));
  // What the pyramid adds to this analysis: its finer buckets and its levels, the same audio summed
  // both ways in this process (decoding, the bulk of the analysis, is the same with or without it).
  const pyramid = timePyramidWork(Math.round(facts.durationMs / 1000), facts.sampleRate, facts.channels);
  const pyramidAddedMs = pyramid.fineMs + pyramid.levelsMs - pyramid.overviewMs;
  const pyramidCost = Math.round((pyramidAddedMs / (reelnotesSeconds * 1000 - pyramidAddedMs)) * 1000) / 10;

  rows.push({
    format,
    minutes,
    megabytes: Math.round(statSync(file).size / 1e5) / 10,
    codec: facts.codec,
    buckets: peaks.data.length / 2,
    ffmpegSeconds,
    reelnotesSeconds,
    ffmpegRuns,
    reelnotesRuns,
    ratio: Math.round((reelnotesSeconds / ffmpegSeconds) * 100) / 100,
    ratioGoal: RATIO_GOAL,
    peakRssMegabytes: Math.round(peakRss / 1e6),
    cacheReopenMs: round2(cached.firstMs),
    cacheReopenMedianMs: round2(cached.medianMs),
    cacheReopenGoalMs: REOPEN_GOAL_MS,
    pyramidFineSumMs: round2(pyramid.fineMs),
    pyramidOverviewSumMs: round2(pyramid.overviewMs),
    pyramidLevelsMs: round2(pyramid.levelsMs),
    pyramidCostPercent: pyramidCost,
    pyramidCostGoalPercent: PYRAMID_COST_GOAL
  });
  const row = rows.at(-1);
  console.log(
    `${format.padEnd(5)} ${String(row.megabytes).padStart(6)} MB  ffmpeg -f null: ${ffmpegSeconds.toFixed(2)} s   ` +
      `Reelnotes (metadata + decode + peaks): ${reelnotesSeconds.toFixed(2)} s  (${row.ratio}x, goal <= ${RATIO_GOAL}x: ${row.ratio <= RATIO_GOAL ? 'met' : 'not met'})   peak RSS ${row.peakRssMegabytes} MB`
  );
  console.log(
    `      peak pyramid: summing into 5 ms buckets ${pyramid.fineMs.toFixed(0)} ms + levels ${pyramid.levelsMs.toFixed(1)} ms, ` +
      `against ${pyramid.overviewMs.toFixed(0)} ms into the overview's buckets only: ${pyramidCost >= 0 ? '+' : '−'}${Math.abs(pyramidCost)}% of the analysis ` +
      `(goal <= +${PYRAMID_COST_GOAL}%: ${pyramidCost <= PYRAMID_COST_GOAL ? 'met' : 'not met'})`
  );
  console.log(
    `      waveform again from the cache (recordings.peaks, ${cached.buckets} buckets, library reopened): first ${row.cacheReopenMs} ms, ` +
      `median ${row.cacheReopenMedianMs} ms  (goal <= ${REOPEN_GOAL_MS} ms: ${row.cacheReopenMs <= REOPEN_GOAL_MS ? 'met' : 'not met'})`
  );
}
writeFileSync(
  join(resultsDir, 'peaks.json'),
  JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, threads: availableParallelism(), rows }, null, 2) + '\n'
);
