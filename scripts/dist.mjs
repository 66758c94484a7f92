#!/usr/bin/env node
// `npm run dist`: the installable packages for this computer's system (AppImage and deb on Linux,
// dmg on macOS, an NSIS installer on Windows) in dist/. Where the Electron runtime could not be
// downloaded it says so plainly, as `npm start` does, instead of failing deep inside electron-builder.
//   npm run dist                 # this system's packages
//   npm run dist -- --linux dir  # any electron-builder arguments, passed on
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { ensureElectronSqlite } from './native-sqlite.mjs';

const require = createRequire(import.meta.url);
const { electronExecutable } = require('./electron-runtime.cjs');
const root = join(dirname(new URL(import.meta.url).pathname), '..');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!electronExecutable()) spawnSync(process.execPath, [require.resolve('electron/install.js')], { stdio: 'inherit' });
if (!electronExecutable()) {
  console.error(
    [
      'Reelnotes: the Electron runtime is not installed, so no package can be made here.',
      '  electron-builder packs the runtime that `npm start` downloads on first use, and the download failed',
      '  (is this machine offline?). The packaging configuration is still checked by `npm test`',
      '  (test/unit/packaging.test.ts), against a stand-in runtime.'
    ].join('\n')
  );
  process.exit(1);
}

try {
  // The package carries better-sqlite3 built for Electron (the afterPack hook puts it in).
  ensureElectronSqlite();
} catch (error) {
  console.error(`Reelnotes: ${error.message}`);
  process.exit(1);
}
run(process.execPath, [join(root, 'scripts', 'make-stand-ins.mjs')]);
run(process.execPath, [join(root, 'scripts', 'icons.mjs')]);
run('npx', ['electron-vite', 'build']);
// The runtime already downloaded is packed, rather than electron-builder fetching another copy.
run('npx', ['electron-builder', `-c.electronDist=${join(root, 'node_modules', 'electron', 'dist')}`, ...process.argv.slice(2)]);
