// Where the Electron runtime is, without asking the `electron` package: from version 45 its
// index.js tries to download a missing runtime, which on a closed network only fails slowly.
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const packageDir = join(__dirname, '..', 'node_modules', 'electron');

/** The Electron executable, or undefined when its runtime was never downloaded. */
function electronExecutable() {
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const executable = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : undefined;
}

function electronVersion() {
  return JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
}

module.exports = { electronExecutable, electronVersion };
