#!/usr/bin/env node
// `npm run security` (part of `npm test`): Electronegativity's checks for Electron misconfiguration
// over the sources (src/) and the build (out/), through its API (its CLI may refuse this Node).
// Fails on any HIGH finding, and prints the others for review with their place.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity').default ?? require('@doyensec/electronegativity');
const root = join(import.meta.dirname, '..');
const { electronVersion } = require('./electron-runtime.cjs');

/**
 * Electronegativity's findings over a folder, each as `{ severity, confidence, id, where, url }`,
 * and the files it could not parse.
 * @param {string} folder
 */
export async function securityFindings(folder) {
  const { issues, errors } = await run({
    input: folder,
    electronVersionOverride: electronVersion(),
    isRelative: false,
    // It asks GitHub which Electron releases carry security fixes: no network here, and `npm outdated` says as much.
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck']
  });
  return {
    findings: issues.map((issue) => ({
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      id: issue.id,
      where: `${relative(root, issue.file)}:${issue.location.line}:${issue.location.column}`,
      url: issue.shortenedURL ?? ''
    })),
    unreadable: errors.filter((e) => !e.tolerable).map((e) => `${relative(root, e.file)}: ${e.message}`)
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let high = 0;
  for (const input of ['src', 'out']) {
    const folder = join(root, input);
    if (!existsSync(folder)) {
      console.error(`security: ${input}/ does not exist (build first: npx electron-vite build)`);
      process.exit(1);
    }
    const { findings, unreadable } = await securityFindings(folder);
    // Its parser predates some syntax of the minified renderer bundle (private class fields); the renderer's
    // sources in src/ are read instead, and hold no Electron API.
    for (const file of unreadable) console.log(`security: could not parse ${file}`);
    for (const f of findings) {
      const line = `${f.severity} ${f.confidence} ${f.id} ${f.where} ${f.url}`;
      if (f.severity === 'HIGH') {
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
}
