import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteBinding } from '../../src/main/native-binding';
import { FILM_PAGE_MIME_TYPE } from '../../src/shared/openings';

/**
 * The packages `npm run dist` makes, checked without the Electron runtime (it cannot be downloaded
 * here): the configuration against electron-builder's own schema, the icons, and a real
 * electron-builder run that packs the built app around a STAND-IN for the Electron runtime (a
 * small file holding Electron's fuse wire, never started), so the files the package holds, the
 * unpacked SQLite addon and the fuses the afterPack hook sets are the ones a real package gets.
 */

const root = join(__dirname, '..', '..');
const requireHere = createRequire(__filename);
// electron-builder's own reader and checker of its configuration (the package it comes with).
const requireBuilder = createRequire(requireHere.resolve('electron-builder'));
const { getConfig, validateConfiguration } = requireBuilder('app-builder-lib/out/util/config/config') as {
  getConfig: (projectDir: string, configPath: string | null, fromOptions: null) => Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  validateConfiguration: (config: unknown, debug: { add: () => void; isEnabled: boolean }) => Promise<void>;
};
const { listPackage } = requireBuilder('@electron/asar') as { listPackage: (archive: string) => string[] };
const { getCurrentFuseWire, FuseV1Options } = requireHere('@electron/fuses') as typeof import('@electron/fuses');
const afterPack = requireHere('../../scripts/after-pack.cjs') as { fuses: Record<string, unknown> };

const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const work = mkdtempSync(join(tmpdir(), 'reelnotes-packaging-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packaging configuration', () => {
  let config: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  beforeAll(async () => {
    config = await getConfig(root, null, null);
  });

  it("passes electron-builder's schema", async () => {
    await expect(validateConfiguration(config, { add: () => undefined, isEnabled: false })).resolves.toBeUndefined();
  });

  it('makes AppImage and deb on Linux, dmg on macOS and an NSIS installer on Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toBe('dmg');
    expect(config.win.target).toBe('nsis');
  });

  it('gives Linux a desktop entry in the right categories, opening film pages and reelnotes:// links', () => {
    expect(config.linux.desktop.entry.Categories.split(';')).toEqual(expect.arrayContaining(['AudioVideo', 'Education']));
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'reelfilm', mimeType: FILM_PAGE_MIME_TYPE })]);
    expect(config.protocols).toEqual([expect.objectContaining({ schemes: ['reelnotes'] })]);
  });

  it('leaves node_modules as the tests need it (no rebuild in place) and runs the afterPack hook', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.afterPack).toBe('scripts/after-pack.cjs');
  });

  it('sets every fuse: no running as Node, no NODE_OPTIONS or --inspect, the app only from its checked asar', () => {
    expect(afterPack.fuses).toMatchObject({
      strictlyRequireAllFuses: true,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true
    });
  });
});

describe('the icons', () => {
  const icons = join(work, 'icons');
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'scripts', 'icons.mjs'), icons]);
  });

  /** Width and height of each image stream ffprobe finds: a real decoder reading what we wrote. */
  const probe = (file: string) =>
    execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name,width,height', '-of', 'csv=p=0', file], {
      encoding: 'utf8'
    })
      .trim()
      .split('\n');

  it('are PNGs of every size a desktop asks for, drawn once and scaled', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024])
      expect(probe(join(icons, `${size}x${size}.png`))).toEqual([`png,${size},${size}`]);
  });

  it('hold a Windows .ico of seven sizes and a macOS .icns whose entries are PNGs of the sizes they name', () => {
    expect(probe(join(icons, 'icon.ico'))).toEqual([16, 24, 32, 48, 64, 128, 256].map((s) => `png,${s},${s}`));
    const icns = readFileSync(join(icons, 'icon.icns'));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const entries: [string, number][] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      const png = icns.subarray(at + 8, at + icns.readUInt32BE(at + 4));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      entries.push([icns.subarray(at, at + 4).toString('ascii'), png.readUInt32BE(16)]);
    }
    expect(entries).toEqual([
      ['ic11', 32],
      ['ic12', 64],
      ['ic07', 128],
      ['ic13', 256],
      ['ic08', 256],
      ['ic14', 512],
      ['ic09', 512],
      ['ic10', 1024]
    ]);
  });
});

/** The packages (`x`, `@scope/x`) the built main process loads from node_modules. */
function modulesOfMainBuild(): string[] {
  const dir = join(root, 'out', 'main');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
  const names = files.flatMap((f) =>
    [...readFileSync(join(dir, f), 'utf8').matchAll(/(?:require|import)\("([^".][^"]*)"\)/g)].map((m) => m[1])
  );
  const builtins = new Set(builtinModules);
  return [
    ...new Set(
      names
        .filter((n) => !n.startsWith('node:') && !builtins.has(n) && n !== 'electron')
        .map((n) =>
          n
            .split('/')
            .slice(0, n.startsWith('@') ? 2 : 1)
            .join('/')
        )
    )
  ].sort();
}

describe('the packed app (electron-builder, around a stand-in for the Electron runtime)', () => {
  const output = join(work, 'dist');
  const unpacked = join(output, 'linux-unpacked');
  const resources = join(unpacked, 'resources');
  const addon = join(work, 'stand-in-better_sqlite3.node');

  beforeAll(async () => {
    if (!existsSync(join(root, 'out', 'main', 'index.js'))) throw new Error('Build the app first: npx electron-vite build');
    execFileSync(process.execPath, [join(root, 'scripts', 'make-stand-ins.mjs')]);
    // The runtime stand-in: a file holding Electron's fuse wire (version 1, eight fuses, all on), as the real binary does.
    const runtime = join(work, 'electron-stand-in');
    mkdirSync(runtime);
    writeFileSync(join(runtime, 'electron'), Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, 8]), Buffer.from('11111111')]));
    writeFileSync(addon, 'stand-in for better-sqlite3 built for Electron');
    const { build, Platform } = requireHere('electron-builder') as typeof import('electron-builder');
    process.env.REELNOTES_SQLITE_ADDON = addon;
    try {
      await build({
        projectDir: root,
        targets: Platform.LINUX.createTarget('dir'),
        config: { electronDist: runtime, directories: { output }, publish: null }
      });
    } finally {
      delete process.env.REELNOTES_SQLITE_ADDON;
    }
  }, 300_000);

  it('holds the built app and every package its main process loads, and none of the sources', () => {
    const files = new Set(listPackage(join(resources, 'app.asar')).map((f) => f.replace(/^[/\\]/, '').replaceAll('\\', '/')));
    for (const file of ['package.json', 'out/main/index.js', 'out/main/web.js', 'out/preload/index.js', 'out/renderer/index.html']) {
      expect(files.has(file), file).toBe(true);
    }
    const modules = modulesOfMainBuild();
    expect(modules).toEqual(expect.arrayContaining(['better-sqlite3', 'zod']));
    for (const name of modules) expect(files.has(`node_modules/${name}/package.json`), name).toBe(true);
    const stray = [...files].filter((f) => /^(src|test|e2e|bench|scripts|\.native|resources)\//.test(f) || f.endsWith('.map'));
    expect(stray).toEqual([]);
  });

  it("unpacks the SQLite addon beside the asar, puts the Electron build there, and the shell's native-binding finds it", () => {
    const found = sqliteBinding({
      isPackaged: true,
      appPath: join(resources, 'app.asar'),
      resourcesPath: resources,
      electronVersion: '45.0.0'
    });
    expect(found).toBe(join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));
    expect(readFileSync(found!, 'utf8')).toBe(readFileSync(addon, 'utf8'));
  });

  it('carries the default library: the film pages and the stand-in recordings', () => {
    expect(readdirSync(join(resources, 'resources', 'films'))).toContain('the-red-shoes.txt');
    expect(readdirSync(join(resources, 'resources', 'stand-ins')).sort()).toEqual(['entracte.wav', 'the-red-shoes-ballet.wav']);
  });

  it('sets the fuses in the packed executable, as the afterPack hook says', async () => {
    const wire = await getCurrentFuseWire(join(unpacked, 'reelnotes'));
    const state = (on: boolean) => (on ? 49 : 48); // '1' enabled, '0' disabled
    for (const [fuse, on] of Object.entries(afterPack.fuses).filter(([key]) => /^\d+$/.test(key))) {
      expect([FuseV1Options[Number(fuse)], wire[Number(fuse) as keyof typeof wire]]).toEqual([
        FuseV1Options[Number(fuse)],
        state(on as boolean)
      ]);
    }
  });
});
