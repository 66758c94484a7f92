// `npm run bench`: bundles the benchmark with the real library code (as the hosts run it), makes
// sure the app is built for the browser-host measurements, and runs it. Arguments pass through
// (`--quick`, `--out <file>`, `--only first-screen`, `--only exchange`, `--only video`, `--only waveform`,
// `--only cue-latency`, `--only timeline`, `--only film-subtitles`).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'vite';
import { modulePathPlugin } from './module-path-plugin.mjs';

const outDir = join(process.cwd(), '.tmp', 'bench');
await build({
  configFile: false,
  logLevel: 'warn',
  // The library decodes recordings on threads that run a bundled file of their own.
  plugins: [modulePathPlugin(join(process.cwd(), '.tmp', 'bench-modules'))],
  build: {
    ssr: join(process.cwd(), 'bench', 'run.ts'),
    outDir,
    emptyOutDir: true,
    rollupOptions: { output: { entryFileNames: 'run.mjs' } }
  }
});
// `--only exchange`, `--only cue-finder` and `--only film-subtitles` measure the library alone: no browser host, so no app build.
if (!['exchange', 'cue-finder', 'film-subtitles'].includes(process.argv[process.argv.indexOf('--only') + 1])) {
  const app = spawnSync('npx', ['electron-vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (app.status !== 0) process.exit(app.status ?? 1);
}
const run = spawnSync(process.execPath, [join(outDir, 'run.mjs'), ...process.argv.slice(2)], { stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);
// One part asked for: the peaks are another.
if (process.argv.includes('--only')) process.exit(0);

// Waveform peaks against ffmpeg decoding the same file (scripts/bench-peaks.mjs).
const quick = process.argv.includes('--quick');
console.log('\nWaveform peaks against `ffmpeg -f null -` on the same file:');
const peaks = spawnSync(
  process.execPath,
  [join(process.cwd(), 'scripts', 'bench-peaks.mjs'), '--minutes', quick ? '1' : '10', '--formats', quick ? 'ogg' : 'ogg,mp3,flac'],
  {
    stdio: 'inherit'
  }
);
process.exit(peaks.status ?? 1);
