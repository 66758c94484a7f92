import type { Plugin } from 'vite';

/** Resolves `./file?modulePath` to the path of that module bundled on its own, written under `outDir`. */
export function modulePathPlugin(outDir: string): Plugin;
