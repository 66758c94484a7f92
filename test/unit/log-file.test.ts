import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLogFile } from '../../src/core/log-file';
import { tempHome } from '../temp-library';

describe("the browser host's log file", () => {
  it('writes one line per entry with its time and level, objects and errors readable', () => {
    const log = openLogFile(join(tempHome(), 'logs', 'web.log'));
    log.info('Reelnotes at', 'http://127.0.0.1:1234/');
    log.error('an operation failed:', new Error('the disk went away'));
    const lines = readFileSync(log.path, 'utf8').split('\n');
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z \[info\] Reelnotes at http:\/\/127\.0\.0\.1:1234\/$/);
    expect(lines[1]).toMatch(/\[error\] an operation failed: Error: the disk went away$/);
  });

  it('starts a new file past its size, keeping the ones before up to the number asked, newest first', () => {
    const dir = tempHome();
    const log = openLogFile(join(dir, 'web.log'), { maxBytes: 200, keep: 2 });
    for (let n = 1; n <= 12; n++) log.info(`entry ${n} `.padEnd(60, '.'));
    expect(readdirSync(dir).sort()).toEqual(['web.log', 'web.log.1', 'web.log.2']);
    const entries = (file: string) => [...readFileSync(join(dir, file), 'utf8').matchAll(/entry (\d+)/g)].map((m) => Number(m[1]));
    // Each file holds what fits under 200 bytes (two entries); the oldest generations are gone.
    expect([entries('web.log.2'), entries('web.log.1'), entries('web.log')]).toEqual([
      [7, 8],
      [9, 10],
      [11, 12]
    ]);
    for (const file of ['web.log', 'web.log.1']) expect(readFileSync(join(dir, file)).length).toBeLessThanOrEqual(200);
  });

  it('never stops the host when the log cannot be written', () => {
    // A folder that cannot be made: its parent is a file.
    const file = join(tempHome(), 'a-file');
    writeFileSync(file, '');
    const log = openLogFile(join(file, 'logs', 'web.log'));
    expect(() => log.error('still running')).not.toThrow();
    expect(existsSync(log.path)).toBe(false);
  });
});
