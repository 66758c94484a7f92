// `import path from './file?modulePath'` gives the path of that module bundled on its own for Node
// (the decoding threads' entry, src/core/recordings/decoders/worker.ts). electron-vite does this in the
// app's build; this plugin does the same for the builds it is not part of: Vitest, and the
// benchmarks' bundles. It works in Vite and in rolldown alike.
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build } from 'rolldown';

const SUFFIX = '?modulePath';
const PREFIX = '\0module-path:';

export function modulePathPlugin(outDir) {
  return {
    name: 'reelnotes:module-path',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!source.endsWith(SUFFIX) || !importer) return null;
      const base = resolve(dirname(importer), source.slice(0, -SUFFIX.length));
      const file = [base, `${base}.ts`, `${base}.js`].find((candidate) => existsSync(candidate) && !candidate.endsWith(SUFFIX));
      return file ? PREFIX + file : null;
    },
    async load(id) {
      if (!id.startsWith(PREFIX)) return null;
      mkdirSync(outDir, { recursive: true });
      // A folder of its own for each bundle: test files are transformed in parallel.
      const file = join(mkdtempSync(join(outDir, 'module-')), 'index.mjs');
      await build({
        input: id.slice(PREFIX.length),
        external: (dep) => !dep.startsWith('.') && !dep.startsWith('/') && !dep.startsWith('\0'),
        platform: 'node',
        output: { file, format: 'esm' },
        logLevel: 'silent'
      });
      return `export default ${JSON.stringify(file)};`;
    }
  };
}
