import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base } from '@playwright/test';

const hostScript = join(__dirname, '..', 'out', 'main', 'web.js');

/** One running browser host over its own library folder, as `npm run web` starts it. */
export class WebHost {
  url = '';
  token = '';
  private process: ChildProcess | undefined;

  constructor(readonly home: string) {}

  async start(): Promise<void> {
    const child = spawn(process.execPath, [hostScript, '--port', '0'], {
      env: { ...process.env, REELNOTES_HOME: this.home },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    this.process = child;
    let errors = '';
    child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const lines = createInterface({ input: child.stdout! });
    this.url = await new Promise<string>((resolve, reject) => {
      lines.on('line', (line) => {
        const match = /^Reelnotes at (http:\/\/127\.0\.0\.1:\d+\/\?token=(\S+))$/.exec(line);
        if (match) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`The browser host exited (${code}) before it was ready: ${errors}`)));
    });
    this.token = new URL(this.url).searchParams.get('token')!;
  }

  /** The host's process id, which a second host on the same library is told. */
  get pid(): number | undefined {
    return this.process?.pid;
  }

  get origin(): string {
    return new URL(this.url).origin;
  }

  /** Calls the contract over HTTP, as the page does, and returns the whole envelope. */
  async call<T = unknown>(
    method: string,
    input: unknown = {}
  ): Promise<{ ok: boolean; result?: T; error?: { code: string; message: string } }> {
    const response = await fetch(`${this.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${this.token}` },
      body: JSON.stringify(input)
    });
    return (await response.json()) as { ok: boolean; result?: T; error?: { code: string; message: string } };
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}

export const test = base.extend<{ host: WebHost }>({
  host: async ({}, use) => {
    const home = mkdtempSync(join(tmpdir(), 'reelnotes-e2e-'));
    const host = new WebHost(home);
    await host.start();
    await use(host);
    await host.stop();
    rmSync(home, { recursive: true, force: true });
  }
});

export { expect } from '@playwright/test';
