#!/usr/bin/env node
// `npm run security` (part of `npm test`): Electronegativity's checks for Electron misconfiguration
// over the sources (src/) and the build (out/), through its API (its CLI may refuse this Node).
// Fails on any HIGH finding, and prints the others for review with their place.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity').default ?? require('@doyensec/electronegativity');
const root = join(import.meta.dirname, '..');
const { electronVersion } = require('./electron-runtime.cjs');

let high = 0;
for (const input of ['src', 'out']) {
  const folder = join(root, input);
  if (!existsSync(folder)) {
    console.error(`security: ${input}/ does not exist (build first: npx electron-vite build)`);
    process.exit(1);
  }
  const { issues, errors } = await run({
    input: folder,
    electronVersionOverride: electronVersion(),
    isRelative: false,
    // It asks GitHub which Electron releases carry security fixes: no network here, and `npm outdated` says as much.
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck']
  });
  // Its parser predates some syntax of the minified renderer bundle (private class fields); the renderer's
  // sources in src/ are read instead, and hold no Electron API.
  for (const error of errors.filter((e) => !e.tolerable))
    console.log(`security: could not parse ${relative(root, error.file)}: ${error.message}`);
  for (const issue of issues) {
    const where = `${relative(root, issue.file)}:${issue.location.line}:${issue.location.column}`;
    const line = `${issue.severity.name} ${issue.confidence.name} ${issue.id} ${where} ${issue.shortenedURL ?? ''}`;
    if (issue.severity.name === 'HIGH') {
      high++;
      console.error(line);
    } else console.log(line);
  }
}
if (high > 0) {
  console.error(`security: ${high} HIGH finding(s) from Electronegativity`);
  process.exit(1);
}
console.log('security: Electronegativity finds no HIGH issue in src/ or out/');
