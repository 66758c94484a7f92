import type Database from 'better-sqlite3';

/**
 * Builds a large study library deterministically (same seed, same library): one film of many
 * scenes, nested tags, and `annotations` notes of a few sentences each, a third of them tagged.
 * Used by the annotation benchmark (scripts/bench-annotations.mjs) and reusable by `npm run bench`.
 */
export interface LargeLibraryOptions {
  annotations: number;
  scenes?: number;
  tags?: number;
  seed?: number;
}

export interface LargeLibrary {
  filmId: number;
  sceneIds: number[];
  tagIds: number[];
  /** Words that occur in the notes, from common to rare, for queries. */
  vocabulary: readonly string[];
}

const WORDS = [
  'ballet', 'shoes', 'red', 'dance', 'stage', 'curtain', 'score', 'motif', 'camera', 'light', 'shadow', 'ambition',
  'love', 'art', 'sacrifice', 'dream', 'mirror', 'staircase', 'train', 'applause', 'silence', 'rehearsal', 'costume',
  'colour', 'technicolor', 'Lermontov', 'Vicky', 'Julian', 'Craster', 'Easdale', 'Monte', 'Carlo', 'Covent', 'Garden',
  'Amélie', 'naïve', 'façade', 'déjà', 'vu', 'pas', 'de', 'deux', 'entrechat', 'pirouette', 'arabesque', 'jeté',
  'leitmotif', 'crescendo', 'diminuendo', 'orchestra', 'baton', 'spotlight', 'wings', 'premiere', 'tragedy', 'fall',
  'newspaper', 'cellophane', 'ocean', 'balcony', 'poster', 'ticket', 'heartbeat', 'tempo', 'waltz', 'tarantella'
] as const;

/** A small, fast, seedable generator (mulberry32): the same seed always gives the same library. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function buildLargeLibrary(db: Database.Database, options: LargeLibraryOptions): LargeLibrary {
  const next = random(options.seed ?? 1948);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * next() * list.length)];
  const sentence = () => {
    const length = 6 + Math.floor(next() * 14);
    const words = Array.from({ length }, () => pick(WORDS));
    return `${words.join(' ')}.`;
  };
  return db.transaction(() => {
    const filmId = Number(
      db
        .prepare("INSERT INTO films (title, synopsis, composer, source_name) VALUES (?, ?, ?, 'large-library')")
        .run(`Large film ${options.seed ?? 1948}-${Date.now()}`, 'A film of many notes.', 'Brian Easdale').lastInsertRowid
    );
    const scene = db.prepare('INSERT INTO scenes (film_id, position, title, description, context) VALUES (?, ?, ?, ?, ?)');
    const sceneIds = Array.from({ length: options.scenes ?? 120 }, (_, i) =>
      Number(scene.run(filmId, i + 1, `Scene ${i + 1}: ${pick(WORDS)} ${pick(WORDS)}`, sentence() + ' ' + sentence(), sentence()).lastInsertRowid)
    );
    const tag = db.prepare('INSERT OR IGNORE INTO tags (name, name_key, colour) VALUES (?, ?, ?)');
    const tagIds: number[] = [];
    for (let i = 0; tagIds.length < (options.tags ?? 40); i++) {
      const name = i % 4 === 0 ? `theme ${i}` : `theme ${i - (i % 4)}/${pick(WORDS)} ${i}`;
      const result = tag.run(name, name.toLowerCase(), '#7c8799');
      if (result.changes) tagIds.push(Number(result.lastInsertRowid));
    }
    const note = db.prepare(
      `INSERT INTO annotations (film_id, scene_id, body, film_time_ms, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)`
    );
    const tagging = db.prepare("INSERT OR IGNORE INTO taggings (tag_id, target_kind, target_id) VALUES (?, 'annotation', ?)");
    const start = Date.UTC(2026, 0, 1);
    for (let i = 0; i < options.annotations; i++) {
      const sceneIndex = Math.floor(next() * sceneIds.length);
      const body = `## ${pick(WORDS)}\n\n${sentence()} ${sentence()}\n\n- ${sentence()}`;
      const time = new Date(start + Math.floor(next() * 300 * 86_400_000)).toISOString();
      const id = Number(note.run(filmId, sceneIds[sceneIndex], body, sceneIndex * 60_000 + Math.floor(next() * 60_000), time, time).lastInsertRowid);
      if (next() < 0.33) tagging.run(tagIds[Math.floor(next() * tagIds.length)], id);
    }
    return { filmId, sceneIds, tagIds, vocabulary: WORDS };
  })();
}
