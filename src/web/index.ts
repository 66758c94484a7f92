import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { resourcesDir } from '../core/paths';
import { scheduleBackups, startLibrary } from '../core/library/startup';
import { seedStandIns } from '../core/library/stand-ins';
import { openLogFile } from '../core/log-file';
import { startWebHost, type WebHost } from './server';

/**
 * `npm run web`: the same library and renderer as the desktop app, in any browser on this computer.
 * The library folder is the desktop app's unless REELNOTES_HOME says otherwise.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '0' } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${values.port}"`);

  const home = process.env.REELNOTES_HOME ?? join(defaultUserData(), 'library');
  // Beside the library, in its logs/ folder: what went wrong is kept after the terminal is closed.
  const log = openLogFile(join(home, 'logs', 'web.log'));
  const warn = (...parts: unknown[]) => {
    console.error('Reelnotes:', ...parts);
    log.error(...parts);
  };
  const library = startLibrary({ home, filmsDir: join(resourcesDir(__dirname), 'films'), holder: 'browser' });
  if (library.recovery) warn(`${library.recovery.problem} It was moved to ${library.recovery.damagedFile}.`);
  for (const warning of [library.readOnly, library.launchBackupSkipped]) if (warning) warn(warning);
  const backups = scheduleBackups(library);
  // Set before anything is announced: a stop asked for right after the address is printed (as the
  // tests do) must close the library, not meet the default action, which leaves its WAL unmerged.
  const running: { host?: WebHost } = {};
  const stop = () => {
    void (running.host?.close() ?? Promise.resolve()).finally(() => {
      backups.stop();
      library.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // A failure nobody awaited (a timer's, a stream's) is logged; the person's library stays open.
  process.on('unhandledRejection', (reason) => warn('an operation failed unexpectedly:', reason));

  if (!library.readOnly) {
    await seedStandIns(library, join(resourcesDir(__dirname), 'stand-ins')).catch((error: unknown) =>
      warn('the stand-in recordings could not be attached:', error)
    );
  }

  const host = await startWebHost({
    library,
    rendererDir: join(__dirname, '..', 'renderer'),
    token: randomBytes(24).toString('base64url'),
    port
  });
  running.host = host;
  console.log(`Reelnotes at ${host.url}`);
  log.info(`Reelnotes opened the library in ${home}, at http://127.0.0.1:${new URL(host.url).port}/`);
}

/** Electron's userData folder for an app named "reelnotes", so both hosts open the same library. */
function defaultUserData(): string {
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'reelnotes');
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'reelnotes');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'reelnotes');
}

main().catch((error: unknown) => {
  console.error(`Reelnotes could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
