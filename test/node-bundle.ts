import { join } from 'node:path';
import { build } from 'vite';
import { modulePathPlugin } from '../scripts/module-path-plugin.mjs';

/**
 * Bundles a script of test/ for a Node child process, so that it runs the real, bundled library
 * in a process of its own, as a host does. Returns the path of the bundle.
 */
export async function bundleForNode(entry: string, name: string): Promise<string> {
  const outDir = join(__dirname, '..', '.tmp', name);
  await build({
    configFile: false,
    logLevel: 'silent',
    // The library's decoding threads run a bundled file of their own (beside outDir, which is emptied).
    plugins: [modulePathPlugin(`${outDir}-modules`)],
    build: { ssr: entry, outDir, emptyOutDir: true, rollupOptions: { output: { entryFileNames: `${name}.mjs` } } }
  });
  return join(outDir, `${name}.mjs`);
}
