import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface AppLocation {
  /** True in an installed app; false when run from the repository (`npm start`). */
  isPackaged: boolean;
  /** `app.getAppPath()`: the repository, or the app.asar archive once installed. */
  appPath: string;
  /** `process.resourcesPath`: the folder that holds app.asar and what is unpacked beside it. */
  resourcesPath: string;
  electronVersion: string;
}

/**
 * The better-sqlite3 addon built for this Electron, or undefined to let better-sqlite3 find its own.
 * A native module cannot be loaded from inside an asar archive, so the package unpacks it beside
 * the archive (`asarUnpack` in electron-builder.yml) and it is looked for there, never through
 * `app.getAppPath()`, which names the archive itself. From the repository, `npm start` builds it
 * into `.native/electron-<version>/` (scripts/native-sqlite.mjs), leaving node_modules' build for Node.
 */
export function sqliteBinding({ isPackaged, appPath, resourcesPath, electronVersion }: AppLocation): string | undefined {
  const file = isPackaged
    ? join(resourcesPath, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')
    : join(appPath, '.native', `electron-${electronVersion}`, 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}
