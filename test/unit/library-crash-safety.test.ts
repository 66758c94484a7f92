import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { beforeAll, expect, it } from 'vitest';
import { LIBRARY_FILE } from '../../src/core/library/library';
import { bundleForNode } from '../node-bundle';
import { filmsDir, tempHome } from '../temp-library';

let writer = '';

beforeAll(async () => {
  // The writer runs the real, bundled library in its own process, as a host does.
  writer = await bundleForNode(join(__dirname, '..', 'crash', 'writer.ts'), 'crash-writer');
}, 60_000);

/** A small deterministic generator, so a failing run can be repeated from its printed seed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Starts a writer and kills it with SIGKILL after `writes` confirmations; returns what it confirmed. */
function writeThenKill(home: string, from: number, writes: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, home, filmsDir, String(from)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const confirmed: number[] = [];
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^confirmed (\d+)$/.exec(line);
      if (!match) return;
      confirmed.push(Number(match[1]));
      if (confirmed.length === writes) child.kill('SIGKILL');
    });
    child.once('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(confirmed);
      else reject(new Error(`The writer stopped by itself (${code}): ${errors}`));
    });
  });
}

it('keeps every confirmed write when the writing process is killed at random moments', async () => {
  const seed = Number(process.env.CRASH_SEED ?? 20261124);
  const next = random(seed);
  const home = tempHome();
  const rounds = 12;
  let last = 0;
  const confirmedAll: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const confirmed = await writeThenKill(home, last + 1000, 1 + Math.floor(next() * 250));
    confirmedAll.push(...confirmed);
    last = confirmed.at(-1) ?? last + 1000;
  }

  const db = new Database(join(home, LIBRARY_FILE), { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const filmTitles = new Set(db.prepare('SELECT title FROM films').pluck().all() as string[]);
    const scenesOf = db.prepare('SELECT count(*) FROM scenes s JOIN films f ON f.id = s.film_id WHERE f.title = ?').pluck();
    const contexts = new Map(
      (db.prepare('SELECT id, context FROM scenes WHERE film_id = 1').all() as { id: number; context: string | null }[]).map((s) => [
        s.id,
        s.context
      ])
    );
    let found = 0;
    const lastUpdateOfScene = new Map<number, number>();
    for (const n of confirmedAll) {
      if (n % 2 === 0) {
        // An imported film is there whole: film and all three scenes, or the write was not confirmed.
        if (filmTitles.has(`Crash Film ${n}`) && scenesOf.get(`Crash Film ${n}`) === 3) found++;
      } else {
        lastUpdateOfScene.set(1 + (n % 9), n);
      }
    }
    for (const [sceneId, n] of lastUpdateOfScene) {
      // A later unconfirmed write may have landed too; an earlier value would mean a lost write.
      const written = Number(/^write (\d+)$/.exec(contexts.get(sceneId) ?? '')?.[1] ?? -1);
      if (written >= n) found += confirmedAll.filter((m) => m % 2 === 1 && 1 + (m % 9) === sceneId).length;
    }
    console.log(`crash safety (seed ${seed}): ${rounds} SIGKILLs, ${confirmedAll.length} writes confirmed, ${found} found, integrity ok`);
    expect(found).toBe(confirmedAll.length);
  } finally {
    db.close();
  }
}, 120_000);
