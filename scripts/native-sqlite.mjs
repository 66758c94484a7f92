// Builds better-sqlite3 for Electron's ABI into .native/electron-<version>/, once per Electron
// version. node_modules keeps the build for Node that the tests use, so neither ever overwrites
// the other and nothing is recompiled on later runs.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { electronVersion } = require('./electron-runtime.cjs');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function electronSqliteBinding(version = electronVersion()) {
  return join(root, '.native', `electron-${version}`, 'better_sqlite3.node');
}

export function ensureElectronSqlite() {
  const version = electronVersion();
  const target = electronSqliteBinding(version);
  if (existsSync(target)) return target;

  console.log(`Building better-sqlite3 for Electron ${version} (once; about two minutes)…`);
  const work = join(root, '.native', `build-electron-${version}`);
  rmSync(work, { recursive: true, force: true });
  cpSync(join(root, 'node_modules', 'better-sqlite3'), work, {
    recursive: true,
    filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`)
  });
  const gyp = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'node-gyp.cmd' : 'node-gyp');
  const result = spawnSync(
    gyp,
    ['rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
    { cwd: work, stdio: 'inherit', env: { ...process.env, npm_config_nodedir: '' } }
  );
  if (result.status !== 0) {
    throw new Error(
      `better-sqlite3 could not be built for Electron ${version}: node-gyp needs Electron's headers from electronjs.org, ` +
        'which this machine cannot reach. Use `npm run web` instead.'
    );
  }
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  rmSync(work, { recursive: true, force: true });
  return target;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(ensureElectronSqlite());
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
