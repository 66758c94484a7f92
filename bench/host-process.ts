import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** A browser host (`out/main/web.js`) running over one library folder, as `npm run web` starts it. */
export interface BenchHost {
  /** The address it printed, token included. */
  url: string;
  /** Its process id, to read its memory from /proc. */
  pid: number;
  /** Calls the contract as the page does, and returns the result or throws the library's message. */
  call<T>(method: string, input?: unknown): Promise<T>;
}

/** The stand-in recordings the default library attaches on first launch (not committed; made when missing). */
export function makeStandIns(): void {
  const made = spawnSync(process.execPath, [join(process.cwd(), 'scripts', 'make-stand-ins.mjs')], {
    stdio: ['ignore', 'ignore', 'inherit']
  });
  if (made.status !== 0) throw new Error('scripts/make-stand-ins.mjs failed');
}

/** Starts a host over `home`, runs `work` with it, and stops it whatever happens. */
export async function withHost<T>(home: string, work: (host: BenchHost) => Promise<T>): Promise<T> {
  mkdirSync(home, { recursive: true });
  const child = spawn(process.execPath, [join(process.cwd(), 'out', 'main', 'web.js'), '--port', '0'], {
    env: { ...process.env, REELNOTES_HOME: home },
    stdio: ['ignore', 'pipe', 'inherit']
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const match = /^Reelnotes at (\S+)$/.exec(line);
        if (match) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`the browser host exited (${code})`)));
    });
    const address = new URL(url);
    const token = address.searchParams.get('token') ?? '';
    const call = async <T>(method: string, input: unknown = {}): Promise<T> => {
      const response = await fetch(`${address.origin}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input)
      });
      const outcome = (await response.json()) as { ok: boolean; result?: T; error?: { message: string } };
      if (!outcome.ok) throw new Error(`${method}: ${outcome.error?.message}`);
      return outcome.result as T;
    };
    return await work({ url, pid: child.pid!, call });
  } finally {
    if (child.exitCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
  }
}
