/**
 * Who may import whom, by runtime (`npm run lint` runs this):
 *   shared   – the contract and plain helpers; imports none of the others
 *   core     – the library; runs under plain Node in both hosts and in tests, so no Electron
 *   main     – the Electron shell: core + shared
 *   web      – the browser host: core + shared, no Electron
 *   preload  – the bridge: shared + Electron
 *   renderer – the page: shared only (it talks to the core through the contract)
 * and no cycles anywhere in src. Inside the renderer, the shared folders (ui, data, keymap, navigation,
 * notices) and the client (api.ts, lazy.ts) import no feature folder; feature folders may import each
 * other, but never in a cycle of folders (scripts/check-boundaries.mjs checks that, as it needs the
 * whole graph of folders).
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'A cycle makes two modules one; split the shared part into a leaf module.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true }
    },
    {
      name: 'shared-imports-only-shared',
      comment: 'The contract is read by every runtime, so it depends on none of them.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/(core|main|web|preload|renderer)/' }
    },
    {
      name: 'core-belongs-to-no-process',
      comment: 'The core runs in the Electron main process, the browser host and tests alike.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: ['^src/(main|web|preload|renderer)/', '(^|/)node_modules/electron/', '^electron$'] }
    },
    {
      name: 'web-host-without-electron',
      comment: 'The browser host runs under plain Node: core and shared only.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: ['^src/(main|preload|renderer)/', '(^|/)node_modules/electron/', '^electron$'] }
    },
    {
      name: 'main-is-the-shell',
      comment: 'The Electron shell hosts the core; it does not reach into the other hosts.',
      severity: 'error',
      from: { path: '^src/main/' },
      to: { path: '^src/(web|preload|renderer)/' }
    },
    {
      name: 'preload-is-the-bridge',
      comment: 'The preload exposes the contract and nothing else.',
      severity: 'error',
      from: { path: '^src/preload/' },
      to: { path: '^src/(core|main|web|renderer)/' }
    },
    {
      name: 'renderer-talks-through-the-contract',
      comment: 'The page reaches the library only through the contract in src/shared.',
      severity: 'error',
      from: { path: '^src/renderer/' },
      to: { path: ['^src/(core|main|web|preload)/', '(^|/)node_modules/electron/', '^electron$'] }
    },
    {
      name: 'renderer-shared-folders-import-no-feature',
      comment:
        'The widgets, data layer, keymap, place and notices serve every feature; a feature they imported could never import them back.',
      severity: 'error',
      from: { path: '^src/renderer/src/((ui|data|keymap|navigation|notices)/|(api|lazy)\\.ts$)' },
      to: { path: '^src/renderer/src/[^/]+/', pathNot: '^src/renderer/src/(ui|data|keymap|navigation|notices)/' }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a cycle through types is still a cycle for the reader.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    exclude: { path: '(^|/)out/' }
  }
};
