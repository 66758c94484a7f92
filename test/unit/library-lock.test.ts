import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../src/core/library/library';
import { LOCK_FILE } from '../../src/core/library/library-lock';
import { ReelnotesError } from '../../src/shared/errors';
import { bundleForNode } from '../node-bundle';
import { tempHome } from '../temp-library';

let probe = '';
beforeAll(async () => {
  probe = await bundleForNode(join(__dirname, '..', 'children', 'library-probe.ts'), 'library-probe');
}, 60_000);

const opened: Library[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const library of opened.splice(0)) if (library.db.open) library.close();
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function open(home: string): Library {
  const library = openLibrary({ home });
  opened.push(library);
  return library;
}

function refusal(home: string): ReelnotesError {
  try {
    open(home);
  } catch (error) {
    expect(error).toBeInstanceOf(ReelnotesError);
    return error as ReelnotesError;
  }
  throw new Error('the library opened a second time, but it is in use');
}

/** Another Node process holding the library as the browser host does, until it is let go. */
function holdInAnotherProcess(home: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [probe, 'hold', home], { stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => line === 'holding' && resolve(child));
    child.once('exit', (code) => reject(new Error(`The holding process exited (${code}): ${errors}`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

/** The pid of a Node process that has ended, for a lock left behind by a crash. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await exited(child);
  return child.pid!;
}

describe('one process per library', () => {
  it('refuses a second open in the same process, naming the holder, and opens again once the first is closed', () => {
    const home = tempHome();
    const first = open(home);
    const error = refusal(home);
    expect(error.code).toBe('LIBRARY_IN_USE');
    expect(error.message).toContain(`(process ${process.pid} on this computer)`);
    expect(error.message).toContain('a Reelnotes tool');
    first.close();
    expect(existsSync(join(home, LOCK_FILE))).toBe(false);
    expect(open(home).readOnly).toBeNull();
  });

  it('refuses a library held by a live process of another host, with its pid, kind and start time', async () => {
    const home = tempHome();
    const holder = await holdInAnotherProcess(home);
    const error = refusal(home);
    expect(error.code).toBe('LIBRARY_IN_USE');
    expect(error.message).toMatch(
      new RegExp(`already open in the Reelnotes browser host \\(npm run web\\) started at .+ \\(process ${holder.pid} on this computer\\)`)
    );
    // The holder lets go when it closes: the library opens at once.
    holder.stdin!.end();
    await exited(holder);
    expect(holder.exitCode).toBe(0);
    expect(open(home).db.open).toBe(true);
  });

  it('takes over the lock of a process that was killed', async () => {
    const home = tempHome();
    const holder = await holdInAnotherProcess(home);
    holder.kill('SIGKILL');
    await exited(holder);
    expect(JSON.parse(readFileSync(join(home, LOCK_FILE), 'utf8')).pid).toBe(holder.pid);
    const library = open(home);
    expect(JSON.parse(readFileSync(join(home, LOCK_FILE), 'utf8'))).toMatchObject({
      pid: process.pid,
      holder: 'tool',
      hostname: hostname()
    });
    library.close();
    expect(existsSync(join(home, LOCK_FILE))).toBe(false);
  });

  it('takes over a lock left by a dead pid, and one cut short before its content was written', async () => {
    const home = tempHome();
    const pid = await deadPid();
    writeFileSync(
      join(home, LOCK_FILE),
      JSON.stringify({ pid, holder: 'desktop', startedAt: new Date().toISOString(), hostname: hostname() })
    );
    open(home).close();
    writeFileSync(join(home, LOCK_FILE), '');
    expect(open(home).db.open).toBe(true);
  });

  it('does not take over a lock made on another computer (its process cannot be checked)', async () => {
    const home = tempHome();
    writeFileSync(
      join(home, LOCK_FILE),
      JSON.stringify({ pid: await deadPid(), holder: 'desktop', startedAt: new Date().toISOString(), hostname: 'studio-mac' })
    );
    const error = refusal(home);
    expect(error.code).toBe('LIBRARY_IN_USE');
    expect(error.message).toContain('the Reelnotes desktop app');
    expect(error.message).toContain('on the computer "studio-mac"');
  });

  it('leaves the incoming uploads of the holder alone when a second open is refused', async () => {
    const home = tempHome();
    const holder = await holdInAnotherProcess(home);
    // An upload of the first host, in progress.
    mkdirSync(join(home, 'incoming'));
    writeFileSync(join(home, 'incoming', 'upload-in-progress.upload'), 'bytes of the recording');
    expect(refusal(home).code).toBe('LIBRARY_IN_USE');
    expect(readFileSync(join(home, 'incoming', 'upload-in-progress.upload'), 'utf8')).toBe('bytes of the recording');
    holder.stdin!.end();
    await exited(holder);
    // The next holder clears what the previous process left: no upload outlives its process.
    open(home);
    expect(existsSync(join(home, 'incoming'))).toBe(false);
  });
});
