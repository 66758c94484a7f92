// `npm start`: builds the app and opens the desktop window. Where the Electron runtime could not
// be downloaded it says so and points to the browser host, instead of failing deep inside Electron.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { ensureElectronSqlite } from './native-sqlite.mjs';

const require = createRequire(import.meta.url);
const { electronExecutable } = require('./electron-runtime.cjs');

// Electron 45 fetches its runtime on first use; try that once, so a connected machine just works.
if (!electronExecutable()) spawnSync(process.execPath, [require.resolve('electron/install.js')], { stdio: 'inherit' });

if (!electronExecutable()) {
  console.error(
    [
      'Reelnotes: the Electron runtime is not installed, so the desktop window cannot open here.',
      '  It is downloaded on first use, and the download failed (is this machine offline?).',
      '  Use the same app in your browser instead:  npm run web'
    ].join('\n')
  );
  process.exit(1);
}

try {
  ensureElectronSqlite();
} catch (error) {
  console.error(`Reelnotes: ${error.message}`);
  process.exit(1);
}

// The stand-in recordings of the default library are generated, not committed.
spawnSync(process.execPath, [new URL('./make-stand-ins.mjs', import.meta.url).pathname], { stdio: 'inherit' });

const result = spawnSync('npx', ['electron-vite', 'preview'], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
