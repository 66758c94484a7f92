import type Database from 'better-sqlite3';
import { seededRandom } from './measure';

/** The size of library a semester of study grows into (issue 6); `scale` shrinks it for CI. */
export function librarySize(scale = 1) {
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  return {
    films: n(200),
    scenesPerFilm: 50,
    linesPerFilm: 20,
    tracksPerFilm: 10,
    annotations: n(100_000),
    tags: n(1000),
    taggings: n(200_000),
    cues: n(20_000)
  };
}

const filmWords = (
  'ballet shoes red dance love ambition stage curtain audience rehearsal score composer theme motif ' +
  'leitmotif waltz strings brass tempo camera shadow mirror dream train sea light colour Vicky Lermontov ' +
  'Julian Easdale premiere applause silence sacrifice art life Amélie café crème naïve fiancée élan'
).split(' ');
const functionWords = 'the of and a to in is that it was for on with as his her at by from'.split(' ');
const syllables = 'ka lo mi ne ru sa ti vo be da fe gi ho ju le mo pa qui re so'.split(' ');

/**
 * Words as people write them: a few very common ones, film words in the middle, and a long tail of
 * rare ones (20,000 made-up words). Drawn log-uniformly by rank, which is Zipf's law with s = 1, so
 * a search term matches as many notes as it would in a real study, not every note.
 */
const vocabulary = [
  ...functionWords,
  ...filmWords,
  ...Array.from({ length: 20_000 }, (_, i) => {
    let word = '';
    for (let n = i + 1; n > 0; n = Math.floor(n / syllables.length)) word += syllables[n % syllables.length];
    return word;
  })
];

function sentence(random: () => number, length: number): string {
  return Array.from({ length }, () => vocabulary[Math.floor(Math.exp(random() * Math.log(vocabulary.length))) - 1]).join(' ');
}

const hasTable = (db: Database.Database, name: string) =>
  Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name));

/**
 * Fills an empty library with a deterministic large study: films with scenes, lines and tracks, and,
 * where their tables exist, annotations, cues linked to scenes, tags and taggings. Written with plain
 * prepared inserts in one transaction, so the triggers keep the search indexes right as in normal use.
 */
export function buildLargeLibrary(db: Database.Database, scale = 1, seed = 6): ReturnType<typeof librarySize> {
  const size = librarySize(scale);
  const random = seededRandom(seed);
  const pick = (count: number) => 1 + Math.floor(random() * count);
  db.transaction(() => {
    const film = db.prepare('INSERT INTO films (id, title, synopsis, composer, source_name) VALUES (?, ?, ?, ?, ?)');
    const scene = db.prepare('INSERT INTO scenes (id, film_id, position, title, description, context) VALUES (?, ?, ?, ?, ?, ?)');
    const line = db.prepare('INSERT INTO film_lines (film_id, kind, position, speaker, text) VALUES (?, ?, ?, ?, ?)');
    const track = db.prepare('INSERT INTO tracks (id, film_id, position, title, credit, description) VALUES (?, ?, ?, ?, ?, ?)');
    let sceneId = 0;
    let trackId = 0;
    for (let f = 1; f <= size.films; f++) {
      film.run(f, `Film ${String(f).padStart(3, '0')}: ${sentence(random, 2)}`, sentence(random, 60), 'Composer ' + f, `bench-${f}.txt`);
      for (let s = 1; s <= size.scenesPerFilm; s++) {
        scene.run(++sceneId, f, s, `Scene ${s}: ${sentence(random, 3)}`, sentence(random, 90), sentence(random, 30));
      }
      for (let l = 1; l <= size.linesPerFilm; l++) line.run(f, l % 3 ? 'dialogue' : 'quote', l, 'Speaker', sentence(random, 12));
      for (let t = 1; t <= size.tracksPerFilm; t++)
        track.run(++trackId, f, t, `Track ${t} ${sentence(random, 2)}`, 'Orchestra', sentence(random, 6));
    }
    if (hasTable(db, 'annotations')) {
      const note = db.prepare('INSERT INTO annotations (id, film_id, scene_id, body, film_time_ms) VALUES (?, ?, ?, ?, ?)');
      for (let a = 1; a <= size.annotations; a++) {
        const s = pick(sceneId);
        const f = Math.ceil(s / size.scenesPerFilm);
        note.run(a, f, s, `${sentence(random, 8)}\n\n${sentence(random, 40)}`, Math.floor(random() * 7_200_000));
      }
    }
    if (hasTable(db, 'cues')) {
      // Cues spread over the tracks, each linked to a scene of its own film, as a score study grows.
      const cue = db.prepare("INSERT INTO cues (id, track_id, label, start_ms, end_ms, colour) VALUES (?, ?, ?, ?, ?, '#2f6f8f')");
      const link = db.prepare('INSERT OR IGNORE INTO cue_scenes (cue_id, scene_id) VALUES (?, ?)');
      for (let c = 1; c <= size.cues; c++) {
        const t = pick(trackId);
        const f = Math.ceil(t / size.tracksPerFilm);
        const start = Math.floor(random() * 600_000);
        cue.run(c, t, sentence(random, 3), start, start + 2_000 + Math.floor(random() * 60_000));
        link.run(c, (f - 1) * size.scenesPerFilm + pick(size.scenesPerFilm));
      }
    }
    if (hasTable(db, 'tags')) {
      const tag = db.prepare('INSERT INTO tags (id, name, name_key, colour) VALUES (?, ?, ?, ?)');
      for (let t = 1; t <= size.tags; t++) {
        const name = `${filmWords[t % filmWords.length]}/${t}`;
        tag.run(t, name, name.toLowerCase(), '#a3282f');
      }
      const tagging = db.prepare('INSERT OR IGNORE INTO taggings (tag_id, target_kind, target_id) VALUES (?, ?, ?)');
      for (let g = 0; g < size.taggings; g++) {
        if (random() < 0.8) tagging.run(pick(size.tags), 'annotation', pick(size.annotations));
        else tagging.run(pick(size.tags), 'scene', pick(sceneId));
      }
    }
  })();
  return size;
}
