import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteBinding } from '../../src/main/native-binding';
import { FILM_PAGE_MIME_TYPE, STUDY_PACK_MIME_TYPE } from '../../src/shared/openings';

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
const { listPackage, extractFile } = requireBuilder('@electron/asar') as {
  listPackage: (archive: string) => string[];
  extractFile: (archive: string, file: string) => Buffer;
};
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

  it('gives Linux a desktop entry in the right categories, opening film pages, study packs and reelnotes:// links', () => {
    expect(config.linux.desktop.entry.Categories.split(';')).toEqual(expect.arrayContaining(['AudioVideo', 'Education']));
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'reelfilm', mimeType: FILM_PAGE_MIME_TYPE }),
      expect.objectContaining({ ext: 'reelstudy', mimeType: STUDY_PACK_MIME_TYPE })
    ]);
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

interface LockedPackage {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/**
 * Every package the app's runtime dependencies need, transitively, as npm installed them
 * (package-lock.json): each dependency found as Node finds it, in the node_modules beside the package
 * that needs it, then in each folder above. Optional ones npm did not install (another platform's) are
 * left out. Returns the lock's paths (`node_modules/a/node_modules/b`) with name and version.
 */
function runtimeClosure(projectDir: string): { path: string; name: string; version: string }[] {
  const { packages } = JSON.parse(readFileSync(join(projectDir, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockedPackage>;
  };
  const find = (from: string, name: string): string | undefined => {
    for (let dir = from; ; dir = dir.replace(/\/?node_modules\/(@[^/]+\/)?[^/]+$/, '')) {
      const path = `${dir ? `${dir}/` : ''}node_modules/${name}`;
      if (packages[path]) return path;
      if (!dir) return undefined;
    }
  };
  const found = new Map<string, { path: string; name: string; version: string }>();
  const visit = (from: string) => {
    const { dependencies = {}, optionalDependencies = {} } = packages[from];
    for (const name of Object.keys({ ...dependencies, ...optionalDependencies })) {
      const path = find(from, name);
      const optional = name in optionalDependencies;
      if (!path) {
        if (optional) continue;
        throw new Error(`package-lock.json has no ${name} for ${from || 'the app'}`);
      }
      if (found.has(path) || (optional && !existsSync(join(projectDir, path)))) continue;
      found.set(path, { path, name, version: packages[path].version ?? '' });
      visit(path);
    }
  };
  visit('');
  return [...found.values()];
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

  // npm reads a node_modules that is a symlink (a git worktree sharing another checkout's, as on our
  // build machines) as a tree of "extraneous" packages, and electron-builder's npm collector then leaves
  // the transitive ones out; a checkout with its own node_modules (any person's, CI's) packs them all.
  // Checked in such a checkout on 2026-12-03 (a clone with node_modules copied, not linked): all present.
  const linkedModules = lstatSync(join(root, 'node_modules')).isSymbolicLink();
  it.skipIf(linkedModules)(
    "holds every runtime dependency's transitive closure, each package at the version npm installed (needs node_modules as a folder of its own, not a symlink)",
    () => {
      const archive = join(resources, 'app.asar');
      // Where each packed package is, and its version: electron-builder may lay the tree out anew (hoisted).
      const packed = new Map<string, Set<string>>();
      for (const file of listPackage(archive).map((f) => f.replace(/^[/\\]/, '').replaceAll('\\', '/'))) {
        const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(file);
        if (!match) continue;
        const { version } = JSON.parse(extractFile(archive, file).toString('utf8')) as { version: string };
        packed.set(match[1], (packed.get(match[1]) ?? new Set()).add(version));
      }
      const closure = runtimeClosure(root);
      // The app's own dependencies and what they pull in: better-sqlite3's bindings, music-metadata's tokenizers.
      expect(closure.map((p) => p.name)).toEqual(expect.arrayContaining(['better-sqlite3', 'bindings', 'file-uri-to-path', 'strtok3']));
      const missing = closure
        .filter(({ name, version }) => !packed.get(name)?.has(version))
        .map(({ path, version }) => `${path}@${version}`);
      expect(missing).toEqual([]);
    }
  );

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
