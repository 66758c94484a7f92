// electron-builder's afterPack hook (electron-builder.yml): runs on the unpacked app, before it is
// wrapped into an AppImage, deb, dmg or installer. It gives the package the better-sqlite3 addon
// built for Electron, and sets Electron's fuses for a shipped app.
const { copyFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');
const { Arch } = require('electron-builder');

/**
 * The fuses, every one named so a new Electron cannot add one unnoticed (strictlyRequireAllFuses).
 * Off: running the binary as plain Node (ELECTRON_RUN_AS_NODE), NODE_OPTIONS and --inspect, which
 * would let anyone who can start the app run their own code with its rights. On: the cookie store
 * encrypted with the system's keyring, the app loaded only from its asar, and the asar's header
 * checked against the hash in the executable (macOS and Windows). GrantFileProtocolExtraPrivileges
 * stays on: the renderer is loaded from file://, and its module scripts need file:// to be privileged.
 */
const fuses = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: true
};

/** The packed app's executable (macOS: its .app bundle, whose framework holds the fuses) and resources folder. */
function packedApp({ appOutDir, electronPlatformName, packager }) {
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    const bundle = join(appOutDir, `${name}.app`);
    return { executable: bundle, resources: join(bundle, 'Contents', 'Resources') };
  }
  const executable = electronPlatformName === 'win32' ? `${name}.exe` : packager.executableName;
  return { executable: join(appOutDir, executable), resources: join(appOutDir, 'resources') };
}

/**
 * Replaces the unpacked better-sqlite3 addon (node_modules holds the build for Node, which the
 * tests use) with the one built for Electron by scripts/native-sqlite.mjs. Building it in place
 * (electron-builder's npmRebuild) would break node_modules for the tests, so that is off.
 */
function installSqliteAddon(resources, addonForElectron) {
  const target = join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(target)) throw new Error(`The package has no unpacked better-sqlite3 addon at ${target}: check asarUnpack.`);
  if (!existsSync(addonForElectron))
    throw new Error(`better-sqlite3 has not been built for Electron (${addonForElectron}): run npm run electron:sqlite.`);
  copyFileSync(addonForElectron, target);
}

async function afterPack(context) {
  const { executable, resources } = packedApp(context);
  const { electronSqliteBinding } = await import('./native-sqlite.mjs');
  // REELNOTES_SQLITE_ADDON names another file: the packaging test's stand-in, where Electron's headers cannot be fetched.
  installSqliteAddon(resources, process.env.REELNOTES_SQLITE_ADDON ?? electronSqliteBinding());
  await flipFuses(executable, {
    ...fuses,
    // Changing the binary breaks an Apple Silicon build's ad-hoc signature; sign it again.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === Arch.arm64
  });
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fuses = fuses;
